import { currentLang, type Lang } from './i18n';

export const TIME_ZONE = 'Africa/Casablanca';

const locales = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' } as const;

/** Dates are shown in Morocco's time zone, whatever the browser's, in the page's language. */
export function formatDate(value: string | number | Date, withTime = false, lang: Lang = currentLang()): string {
  const d = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(locales[lang], {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(d);
}
