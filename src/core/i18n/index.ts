import fr from './locales/fr.json' with { type: 'json' };
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const LANGUAGES = ['fr', 'ar', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'fr';

type Tree = { [k: string]: string | Tree };
const catalogs: Record<Lang, Tree> = { fr: fr as Tree, ar: ar as Tree, en: en as Tree };

/**
 * Modules add their server-side texts (e-mails…) under their own namespace; their error messages
 * (`errors.<CODE>`, codes prefixed by the module, e.g. RESERVES_INSUFFICIENT_STOCK) join the
 * common `errors` table so that problem+json answers are translated like the kernel's.
 */
export function registerTranslations(namespace: string, texts: Partial<Record<Lang, Tree>>): void {
  for (const lang of LANGUAGES) {
    const t = texts[lang];
    if (!t) continue;
    const { errors, ...rest } = t;
    catalogs[lang][namespace] = rest;
    if (errors && typeof errors === 'object') catalogs[lang].errors = { ...(catalogs[lang].errors as Tree), ...errors };
  }
}

/** Picks fr, ar or en from an Accept-Language header (quality values honoured). */
export function negotiateLanguage(header: string | undefined | null): Lang {
  if (!header) return DEFAULT_LANG;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if ((LANGUAGES as readonly string[]).includes(lang)) return lang as Lang;
  return DEFAULT_LANG;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates `key` ("errors.CORE_NOT_FOUND"), interpolating `{{name}}` parameters. Falls back to French, then to the key. */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(catalogs[lang], key) ?? lookup(catalogs[DEFAULT_LANG], key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

export function hasTranslation(lang: Lang, key: string): boolean {
  return lookup(catalogs[lang], key) !== undefined;
}

/** Flattened key sets, used by the check that fr, ar and en have the same keys. */
export function flattenKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flattenKeys(v, `${prefix}${k}.`)));
}
export const serverCatalogs = catalogs;
