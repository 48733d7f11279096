import { useTranslation } from 'react-i18next';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../core/identity/contract';
import './forms.css';

/** The password rules, checked as the person types (the same function as the server's). */
export function passwordRuleState(password: string, email?: string | null) {
  const problem = passwordProblem(password, email);
  return {
    length: password.length >= PASSWORD_MIN_LENGTH,
    notEmail: password.length > 0 && problem !== 'same_as_email',
  };
}

/** The rules shown under a new-password field, each ticked when met (announced politely). */
export function PasswordRules({ id, password, email }: { id: string; password: string; email?: string | null }) {
  const { t } = useTranslation('account');
  const s = passwordRuleState(password, email);
  const rule = (ok: boolean, text: string) => (
    <li data-ok={ok || undefined}>
      <span className="mark" aria-hidden="true">
        {ok ? '✓' : '•'}
      </span>
      <span>
        {text}
        <span className="sr-only"> — {ok ? t('rules.met') : t('rules.notMet')}</span>
      </span>
    </li>
  );
  return (
    <ul id={id} className="rules" aria-live="polite">
      {rule(s.length, t('rules.length', { min: PASSWORD_MIN_LENGTH }))}
      {rule(s.notEmail, t('rules.notEmail'))}
    </ul>
  );
}
