import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LANGUAGES, setLanguage, type Lang } from '../i18n';

// The visible text starts the accessible name (WCAG 2.5.3); the full name is for screen readers.
const labels: Record<Lang, { short: string; rest: string }> = {
  fr: { short: 'FR', rest: ' – Français' },
  ar: { short: 'العربية', rest: '' },
  en: { short: 'EN', rest: ' – English' },
};

/**
 * Changes the language in place: the page stays, `<html lang dir>` follows. Before the app runs
 * (a page the server rendered, a slow phone, no JavaScript) it is a plain form: `GET /language`
 * remembers the choice and brings the person back to the same address, rendered in that language
 * (src/core/http/web.ts).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { pathname, search, hash } = useLocation();
  const onClick = (lang: Lang) => (event: MouseEvent) => {
    event.preventDefault();
    void setLanguage(lang);
  };
  return (
    <form method="get" action="/language" className="lang-switch-form">
      <input type="hidden" name="next" value={pathname + search + hash} />
      <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
        {LANGUAGES.map((lang) => (
          <button
            key={lang}
            type="submit"
            name="lang"
            value={lang}
            lang={lang}
            aria-pressed={i18n.language === lang}
            onClick={onClick(lang)}
          >
            {labels[lang].short}
            {labels[lang].rest && <span className="sr-only">{labels[lang].rest}</span>}
          </button>
        ))}
      </div>
    </form>
  );
}
