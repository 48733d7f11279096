import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ForgotPasswordBody } from '../../core/identity/contract';
import { api } from '../api';
import { TextField } from '../forms/Field';
import { ErrorAlert, Notice, StepHeading, SubmitButton } from '../forms/PublicForm';
import { useForm } from '../forms/useForm';

/** Asks for a password reset link (the answer is the same whether the account exists or not). */
export function ForgotPassword() {
  const { t } = useTranslation('account');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm(ForgotPasswordBody, { email: '' });

  if (sentTo)
    return (
      <div className="container page narrow">
        <StepHeading>{t('forgot.sentTitle')}</StepHeading>
        <Notice link={{ to: '/signin', text: t('forgot.back') }}>{t('forgot.sent', { email: sentTo })}</Notice>
      </div>
    );
  return (
    <div className="container page narrow">
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <ErrorAlert error={form.error} />
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (data) => {
          await api('POST', '/auth/password/forgot', data);
          setSentTo(data.email);
        })}
      >
        <TextField form={form} name="email" type="email" label={t('forgot.email')} autoComplete="email" dir="ltr" required />
        <SubmitButton busy={form.busy}>{t('forgot.submit')}</SubmitButton>
      </form>
      <p className="form-links">
        <Link to="/signin">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}
