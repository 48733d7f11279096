import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NewPasswordForm } from '../../core/identity/contract';
import { api, ApiError } from '../api';
import { TextField } from './Field';
import { PasswordRules } from './PasswordRules';
import { ErrorAlert, Notice, StepHeading, SubmitButton } from './PublicForm';
import { useForm } from './useForm';

/**
 * A page reached from an e-mail link (`?token=`) where the person chooses a password: password
 * reset and invitation. `texts` is the key prefix of the page's texts (`reset`, `invitation`).
 */
export function NewPasswordPage({ texts, endpoint, retry }: { texts: string; endpoint: string; retry?: string }) {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const form = useForm(NewPasswordForm, { password: '' });

  if (token.length < 10)
    return (
      <div className="container page narrow">
        <h1>{t(`${texts}.title`)}</h1>
        <div className="alert alert-error" role="alert">
          {t(`${texts}.missing`)}
        </div>
        {retry && (
          <p>
            <Link to={retry}>{t('reset.askAgain')}</Link>
          </p>
        )}
      </div>
    );
  if (done)
    return (
      <div className="container page narrow">
        <StepHeading>{t(`${texts}.title`)}</StepHeading>
        <Notice link={{ to: '/signin', text: t(`${texts}.signIn`) }}>{t(`${texts}.done`)}</Notice>
      </div>
    );
  const tokenRefused = form.error instanceof ApiError && form.error.code === 'CORE_EMAIL_TOKEN_INVALID';
  return (
    <div className="container page narrow">
      <h1>{t(`${texts}.title`)}</h1>
      {t(`${texts}.intro`, { defaultValue: '' }) && <p>{t(`${texts}.intro`)}</p>}
      <ErrorAlert error={form.error} />
      {tokenRefused && retry && (
        <p>
          <Link to={retry}>{t('reset.askAgain')}</Link>
        </p>
      )}
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (data) => {
          await api('POST', endpoint, { token, password: data.password });
          setDone(true);
        })}
      >
        <TextField
          form={form}
          name="password"
          type="password"
          label={t(`${texts}.password`)}
          hint={
            <>
              {t('rules.title')}
              <PasswordRules id={`${form.idOf('password')}-rules`} password={form.values.password} />
            </>
          }
          autoComplete="new-password"
          dir="ltr"
          required
        />
        <SubmitButton busy={form.busy}>{t(`${texts}.submit`)}</SubmitButton>
      </form>
    </div>
  );
}
