import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from './NotFound';

/**
 * What a page shows when its data could not be loaded: the "not found" page for a 404 (on the
 * server too, with the 404 status), else the translated reason.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : error instanceof ApiError ? error.status : 500;
  if (status === 404) return <NotFound />;
  const problem = isRouteErrorResponse(error) ? (error.data as { code?: string; detail?: string } | null) : null;
  const shown = problem?.code ? new ApiError(status, problem.code, problem.detail ?? '') : error;
  return (
    <div className="container page">
      <h1>{t('routeError.title')}</h1>
      <ErrorAlert error={shown} />
    </div>
  );
}
