import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorAlert, Notice } from '../forms/PublicForm';

// One confirmation per token, even if the page renders twice (React strict mode, back and forth).
const confirmations = new Map<string, Promise<unknown>>();

/** `/verify-email?token=`: confirms the address as soon as the page opens. */
export function VerifyEmail() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ status: 'working' | 'done' | 'failed'; error?: unknown }>({ status: 'working' });

  useEffect(() => {
    if (token.length < 10) return;
    let live = true;
    let p = confirmations.get(token);
    if (!p) {
      p = api('POST', '/auth/verify-email', { token });
      confirmations.set(token, p);
    }
    p.then(
      () => live && setState({ status: 'done' }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <div className="container page narrow">
      <h1>{t('verify.title')}</h1>
      {token.length < 10 ? (
        <div className="alert alert-error" role="alert">
          {t('verify.missing')}
        </div>
      ) : state.status === 'working' ? (
        <p role="status">{t('verify.working')}</p>
      ) : state.status === 'done' ? (
        <Notice link={{ to: '/signin', text: t('verify.signIn') }}>{t('verify.done')}</Notice>
      ) : (
        <>
          <ErrorAlert error={state.error} />
          <p>
            <Link to="/signup">{t('verify.again')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
