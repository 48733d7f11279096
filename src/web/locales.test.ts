import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fr from './locales/fr.json';
import ar from './locales/ar.json';
import en from './locales/en.json';
import coreFr from '../core/i18n/locales/fr.json';
import coreAr from '../core/i18n/locales/ar.json';
import coreEn from '../core/i18n/locales/en.json';
import { SERVICES } from './pages/Home';

type Tree = { [k: string]: string | Tree };
function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every namespace's texts of the app (src/web/<area>/locales: account, admin, shell…), per language. */
function namespaceTexts(root: string): Record<'fr' | 'ar' | 'en', Tree[]> {
  const out: Record<'fr' | 'ar' | 'en', Tree[]> = { fr: [], ar: [], en: [] };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (!statSync(p).isDirectory()) continue;
      if (name === 'locales' && d !== root)
        for (const l of ['fr', 'ar', 'en'] as const)
          out[l].push(JSON.parse(readFileSync(path.join(p, `${l}.json`), 'utf8')) as Tree);
      else walk(p);
    }
  };
  walk(root);
  return out;
}

describe('web app texts', () => {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const used = new Set<string>();
  for (const file of sources(dir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
  }
  for (const s of SERVICES) used.add(`services.${s}.title`).add(`services.${s}.text`);
  const namespaces = namespaceTexts(dir);

  it('finds the keys the screens use', () => {
    expect(used.size).toBeGreaterThan(30);
    expect(namespaces.fr.length).toBeGreaterThan(0);
  });

  // The API's error messages are merged in from the server's files (src/web/i18n.ts); screens of
  // an area with its own locales/ (account, admin, shell) use that namespace.
  it.each([
    ['fr', fr, coreFr],
    ['ar', ar, coreAr],
    ['en', en, coreEn],
  ] as const)('every key used by a screen exists in %s', (lang, tree, core) => {
    const known = (k: string) => has(tree as Tree, k) || has(core as Tree, k) || namespaces[lang].some((n) => has(n, k));
    expect([...used].filter((k) => !known(k))).toEqual([]);
  });
});
