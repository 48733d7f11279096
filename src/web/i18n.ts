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

/** The language asked for in the address (`?lang=ar`): links to a page in a given language, and the sitemap's alternates. */
export function languageFromUrl(search: string): Lang | null {
  const lang = new URLSearchParams(search).get('lang');
  return isLang(lang) ? lang : null;
}

/**
 * The address's `?lang=`, else the remembered choice (the cookie, which the switch also sets
 * without JavaScript, then local storage), else the browser's preferred language, else French.
 */
export function initialLanguage(): Lang {
  const fromUrl = languageFromUrl(window.location.search);
  if (fromUrl) return fromUrl;
  const fromCookie = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([a-z]+)`).exec(document.cookie)?.[1];
  if (isLang(fromCookie)) return fromCookie;
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

/** Cookie read by the server to render pages in the chosen language (src/core/http/ssr.ts). */
export const LANG_COOKIE = 'raqmana_lang';

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore */
  }
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
}

export async function setLanguage(lang: Lang): Promise<void> {
  rememberLanguage(lang);
  await i18next.changeLanguage(lang);
}

function resources() {
  return {
    fr: { translation: merge(fr as Tree, coreFr as Tree) },
    ar: { translation: merge(ar as Tree, coreAr as Tree) },
    en: { translation: merge(en as Tree, coreEn as Tree) },
  };
}

/**
 * In the browser. `lang`: the language the server rendered the page in (when hydrating a
 * server-rendered page, the first render must match it; the person's own choice applies next).
 */
export async function initI18n(lang: Lang = initialLanguage()): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => {
    if (isLang(lng)) applyToDocument(lng);
  });
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng: lang,
    fallbackLng: 'fr',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18next.language as Lang);
  return i18next;
}

/**
 * On the server (src/web/entry-server.tsx): the shared instance holds every text (modules add
 * theirs as their routes load); each request renders with its own language through a clone
 * that shares the texts.
 */
export async function initServerI18n(): Promise<typeof i18next> {
  if (!i18next.isInitialized)
    await i18next.use(initReactI18next).init({
      resources: resources(),
      lng: 'fr',
      fallbackLng: 'fr',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  return i18next;
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'fr';
}
