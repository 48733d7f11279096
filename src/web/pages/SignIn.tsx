import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { fetchMe, ME_KEY, type MeUser } from '../session';
import { useAdoptTypedValues, useHydrated } from '../ssr/hydration';

interface LoginAnswer {
  user: MeUser;
  csrfToken: string;
  mfaRequired: boolean;
  mfaEnrolmentRequired: boolean;
}

/** Sign in with e-mail and password, then the 6-digit code of the authenticator app when the account has two-factor authentication. */
export function SignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = { email: useId(), password: useId(), code: useId(), codeHint: useId() };
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  // What was typed (or filled by a password manager) before the app took over the page is kept;
  // until then the form cannot be sent (it is sent by the app).
  const hydrated = useHydrated();
  useAdoptTypedValues(() => [
    { el: emailInput.current, adopt: setEmail },
    { el: passwordInput.current, adopt: setPassword },
  ]);

  const finish = async (enrolmentRequired = false) => {
    const me = await fetchMe();
    qc.setQueryData(ME_KEY, me);
    const next = new URLSearchParams(window.location.search).get('next');
    // Only a path of this site (never "//elsewhere"), so a link cannot send someone away after sign-in.
    const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
    if (enrolmentRequired) void navigate('/me/security');
    else void navigate(safeNext ?? (me && me.grants.length > 0 ? '/backoffice' : '/me'));
  };

  const onPassword = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api<LoginAnswer>('POST', '/auth/login', { email: email.trim(), password });
      setCsrfToken(res.csrfToken);
      if (res.mfaRequired) {
        setStep('totp');
        setTimeout(() => codeInput.current?.focus(), 0);
      } else await finish(res.mfaEnrolmentRequired);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onCode = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ csrfToken?: string }>('POST', '/auth/totp/verify', { code: code.trim() });
      if (res?.csrfToken) setCsrfToken(res.csrfToken);
      await finish();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="container page narrow">
      <h1>{t('signIn.title')}</h1>
      <ErrorAlert error={error} />
      {step === 'password' ? (
        <form className="form" onSubmit={onPassword} noValidate={false}>
          <div className="field">
            <label htmlFor={ids.email}>{t('signIn.email')}</label>
            <input
              id={ids.email}
              ref={emailInput}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              dir="ltr"
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t('signIn.password')}</label>
            <input
              id={ids.password}
              ref={passwordInput}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              dir="ltr"
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy || !hydrated}>
            {busy ? t('common.wait') : t('signIn.submit')}
          </button>
          <p>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </p>
          <p>
            {t('signIn.noAccount')} <Link to="/signup">{t('signIn.signUp')}</Link>
          </p>
        </form>
      ) : (
        <form className="form" onSubmit={onCode}>
          <p>{t('signIn.totpIntro')}</p>
          <div className="field">
            <label htmlFor={ids.code}>{t('signIn.totpCode')}</label>
            <input
              id={ids.code}
              ref={codeInput}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              aria-describedby={ids.codeHint}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              dir="ltr"
              className="code-input"
            />
            <p id={ids.codeHint} className="hint">
              {t('signIn.totpHint')}
            </p>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.wait') : t('signIn.verify')}
          </button>
        </form>
      )}
    </div>
  );
}
