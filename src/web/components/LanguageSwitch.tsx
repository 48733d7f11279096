import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Lang } from '../i18n';

const labels: Record<Lang, { short: string; name: string }> = {
  fr: { short: 'FR', name: 'Français (FR)' },
  ar: { short: 'العربية', name: 'العربية' },
  en: { short: 'EN', name: 'English (EN)' },
};

/** Changes the language in place: the page stays, `<html lang dir>` follows. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-label={labels[lang].name}
          aria-pressed={i18n.language === lang}
          onClick={() => void setLanguage(lang)}
        >
          {labels[lang].short}
        </button>
      ))}
    </div>
  );
}
