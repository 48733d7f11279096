import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {errorMessage(t, error)}
    </div>
  );
}
