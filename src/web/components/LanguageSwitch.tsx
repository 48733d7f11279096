import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Lang } from '../i18n';

// The visible text starts the accessible name (WCAG 2.5.3); the full name is for screen readers.
const labels: Record<Lang, { short: string; rest: string }> = {
  fr: { short: 'FR', rest: ' – Français' },
  ar: { short: 'العربية', rest: '' },
  en: { short: 'EN', rest: ' – English' },
};

/** Changes the language in place: the page stays, `<html lang dir>` follows. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} onClick={() => void setLanguage(lang)}>
          {labels[lang].short}
          {labels[lang].rest && <span className="sr-only">{labels[lang].rest}</span>}
        </button>
      ))}
    </div>
  );
}
