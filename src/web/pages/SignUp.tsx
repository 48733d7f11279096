import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SignupForm } from '../../core/identity/contract';
import { api } from '../api';
import { currentLang } from '../i18n';
import { TextField } from '../forms/Field';
import { PasswordRules } from '../forms/PasswordRules';
import { ErrorAlert, Notice, StepHeading, SubmitButton } from '../forms/PublicForm';
import { useForm } from '../forms/useForm';

const initial = { kind: 'citizen', displayName: '', email: '', password: '', companyName: '', companyIce: '' };
type Values = typeof initial;

/** What the API receives: company fields only for a company, the ICE without spaces, the page's language. */
export function signupInput(v: Values, locale: string) {
  return {
    kind: v.kind,
    displayName: v.displayName,
    email: v.email,
    password: v.password,
    locale,
    ...(v.kind === 'company' ? { companyName: v.companyName, companyIce: v.companyIce.replace(/[\s.-]/g, '') } : {}),
  };
}

/** Sign up as a citizen or a company; the form checks the API's rules as you type, then "check your e-mail". */
export function SignUp() {
  const { t } = useTranslation('account');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm(SignupForm, initial, { toInput: (v) => signupInput(v, currentLang()) });
  const company = form.values.kind === 'company';

  if (sentTo)
    return (
      <div className="container page narrow">
        <StepHeading>{t('signUp.checkTitle')}</StepHeading>
        <Notice>{t('signUp.checkText', { email: sentTo })}</Notice>
        <p className="hint">{t('signUp.checkSpam')}</p>
        <p>
          <Link to="/">{t('signUp.back')}</Link>
        </p>
      </div>
    );

  const rulesId = `${form.idOf('password')}-rules`;
  return (
    <div className="container page narrow">
      <h1>{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <ErrorAlert error={form.error} />
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (data) => {
          await api('POST', '/auth/signup', data);
          setSentTo(data.email);
        })}
      >
        <fieldset className="choice">
          <legend>{t('signUp.kind')}</legend>
          {(['citizen', 'company'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" value={k} checked={form.values.kind === k} onChange={() => form.set('kind', k)} />
              {t(`signUp.${k}`)}
            </label>
          ))}
        </fieldset>
        {company && (
          <>
            <TextField form={form} name="companyName" label={t('signUp.companyName')} autoComplete="organization" required />
            <TextField
              form={form}
              name="companyIce"
              label={t('signUp.companyIce')}
              hint={t('signUp.iceHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              dir="ltr"
              required
            />
          </>
        )}
        <TextField
          form={form}
          name="displayName"
          label={company ? t('signUp.displayNameCompany') : t('signUp.displayName')}
          autoComplete="name"
          required
        />
        <TextField
          form={form}
          name="email"
          type="email"
          label={t('signUp.email')}
          hint={t('signUp.emailHint')}
          autoComplete="email"
          dir="ltr"
          required
        />
        <TextField
          form={form}
          name="password"
          type="password"
          label={t('signUp.password')}
          hint={
            <>
              {t('rules.title')}
              <PasswordRules id={rulesId} password={form.values.password} email={form.values.email} />
            </>
          }
          autoComplete="new-password"
          dir="ltr"
          required
        />
        <SubmitButton busy={form.busy}>{t('signUp.submit')}</SubmitButton>
      </form>
      <p className="form-links">
        <span>
          {t('signUp.haveAccount')} <Link to="/signin">{t('signUp.signIn')}</Link>
        </span>
      </p>
    </div>
  );
}
