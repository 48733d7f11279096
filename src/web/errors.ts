import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** The message for an API refusal, translated by its stable code; the server's own text when the app has none. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const text = t(key, error.params as Record<string, string>);
    if (text !== key) return text;
    return error.detail || t('errors.CORE_INTERNAL', { requestId: String(error.params.requestId ?? '') });
  }
  return t('errors.WEB_UNEXPECTED');
}
