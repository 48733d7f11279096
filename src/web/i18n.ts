import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from './locales/fr.json';
import ar from './locales/ar.json';
import en from './locales/en.json';
// The server's messages for API error codes (`errors.<CODE>`, `validation.<issue>`): one source of truth.
import coreFr from '../core/i18n/locales/fr.json';
import coreAr from '../core/i18n/locales/ar.json';
import coreEn from '../core/i18n/locales/en.json';

export const LANGUAGES = ['fr', 'ar', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'raqmana.lang';

type Tree = { [k: string]: string | Tree };
function merge(web: Tree, core: Tree): Tree {
  return {
    ...web,
    errors: { ...(core.errors as Tree), ...(web.errors as Tree) },
    validation: { ...(core.validation as Tree), ...(web.validation as Tree) },
  };
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Stored choice, else the browser's preferred language, else French. */
export function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    /* storage unavailable (private mode): fall through */
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'fr';
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Sets `<html lang dir>` so that the browser, screen readers and CSS logical properties follow. */
function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  document.title = i18next.t('app.name');
}

export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  await i18next.changeLanguage(lang);
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    if (isLang(lng)) applyToDocument(lng);
  });
  await i18next.use(initReactI18next).init({
    resources: {
      fr: { translation: merge(fr as Tree, coreFr as Tree) },
      ar: { translation: merge(ar as Tree, coreAr as Tree) },
      en: { translation: merge(en as Tree, coreEn as Tree) },
    },
    lng: initialLanguage(),
    fallbackLng: 'fr',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18next.language as Lang);
  return i18next;
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'fr';
}
