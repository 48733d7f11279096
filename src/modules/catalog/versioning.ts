/**
 * Pure rules on the content of versions: field paths, the field-level diff between two versions,
 * language staleness, and the items (documents, fees, delay) a version is made of.
 */
import type { DiffEntry, StaleFlag, VersionContent } from './contract';

export interface FlatField {
  field: string;
  lang: 'fr' | 'ar' | 'en' | null;
  value: unknown;
}

const TEXT_KEYS = new Set(['fr', 'ar', 'en']);

/** A bilingual text: an object whose keys are languages and whose values are strings. */
export function isText(v: unknown): v is { fr: string; ar: string; en?: string } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return entries.length > 0 && entries.every(([k, x]) => TEXT_KEYS.has(k) && typeof x === 'string') && ('fr' in v || 'ar' in v);
}

const hasKey = (v: unknown): v is { key: string } =>
  !!v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string';

/**
 * Flattens a content into its fields: a text gives one entry per language (`summary` fr, `summary`
 * ar); arrays of keyed items are addressed by key (`documents[birth-extract].name`), other arrays
 * of objects by position (`steps[2].title`); arrays of plain values are one value.
 */
export function flatten(content: unknown, prefix = '', out: FlatField[] = []): FlatField[] {
  if (isText(content)) {
    for (const lang of ['fr', 'ar', 'en'] as const) {
      const v = (content as Record<string, string | undefined>)[lang];
      if (v !== undefined) out.push({ field: prefix, lang, value: v });
    }
    return out;
  }
  if (Array.isArray(content)) {
    if (content.every((x) => x === null || typeof x !== 'object')) {
      out.push({ field: prefix, lang: null, value: content });
      return out;
    }
    content.forEach((x, i) => flatten(x, `${prefix}[${hasKey(x) ? x.key : i}]`, out));
    return out;
  }
  if (content && typeof content === 'object') {
    for (const [k, v] of Object.entries(content)) {
      if (k === 'key' && prefix.endsWith(']')) continue;
      if (v === undefined) continue;
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
    return out;
  }
  if (content !== undefined) out.push({ field: prefix, lang: null, value: content });
  return out;
}

const fieldId = (f: { field: string; lang: string | null }) => `${f.field}\u0000${f.lang ?? ''}`;

/** The field-level differences from `before` to `after`, in the order of `after` then removals. */
export function diffContents(before: VersionContent | null, after: VersionContent): DiffEntry[] {
  const b = new Map(flatten(before ?? {}).map((f) => [fieldId(f), f]));
  const a = flatten(after);
  const out: DiffEntry[] = [];
  const seen = new Set<string>();
  for (const f of a) {
    const id = fieldId(f);
    seen.add(id);
    const old = b.get(id);
    if (!old) out.push({ field: f.field, lang: f.lang, change: 'added', before: null, after: f.value });
    else if (JSON.stringify(old.value) !== JSON.stringify(f.value))
      out.push({ field: f.field, lang: f.lang, change: 'changed', before: old.value, after: f.value });
  }
  for (const [id, f] of b)
    if (!seen.has(id)) out.push({ field: f.field, lang: f.lang, change: 'removed', before: f.value, after: null });
  return out;
}

function textsByField(content: VersionContent | null): Map<string, { fr?: string; ar?: string }> {
  const m = new Map<string, { fr?: string; ar?: string }>();
  for (const f of flatten(content ?? {})) {
    if (f.lang !== 'fr' && f.lang !== 'ar') continue;
    const e = m.get(f.field) ?? {};
    e[f.lang] = f.value as string;
    m.set(f.field, e);
  }
  return m;
}

/**
 * Which texts of `next` may be out of date in one language: for each field present in `base`,
 * French changed and Arabic did not (Arabic flagged), or the reverse. Flags carried from `base`
 * stay while neither language of the field changes; changing both clears them. `previous` (the
 * content before this edit) and `confirmed` keep an editor's confirmation until the field
 * changes again.
 */
export function computeStale(
  base: VersionContent | null,
  baseStale: StaleFlag[],
  next: VersionContent,
  previous: { content: VersionContent; stale: StaleFlag[] } | null,
): StaleFlag[] {
  if (!base) return [];
  const b = textsByField(base);
  const n = textsByField(next);
  const p = previous ? textsByField(previous.content) : null;
  const flags = new Map<string, StaleFlag>();
  for (const [field, now] of n) {
    const was = b.get(field);
    if (!was) continue;
    const frChanged = was.fr !== now.fr;
    const arChanged = was.ar !== now.ar;
    if (frChanged && !arChanged && now.ar !== undefined) flags.set(`${field}|ar`, { field, lang: 'ar' });
    else if (arChanged && !frChanged && now.fr !== undefined) flags.set(`${field}|fr`, { field, lang: 'fr' });
    else if (!frChanged && !arChanged) for (const s of baseStale) if (s.field === field) flags.set(`${field}|${s.lang}`, s);
  }
  if (previous && p) {
    // A flag the editor cleared on the previous save stays cleared while the field is unchanged since.
    const prevFlags = new Set(previous.stale.map((s) => `${s.field}|${s.lang}`));
    for (const [k, s] of flags) {
      const before = p.get(s.field);
      const now = n.get(s.field);
      const unchangedSince = before && now && before.fr === now.fr && before.ar === now.ar;
      if (unchangedSince && !prevFlags.has(k)) flags.delete(k);
    }
  }
  return [...flags.values()].sort((x, y) => x.field.localeCompare(y.field) || x.lang.localeCompare(y.lang));
}

export interface ItemRow {
  kind: 'document' | 'fee' | 'delay';
  key: string;
  position: number;
  amountCentimes: number | null;
  feeKind: string | null;
  amountMaxCentimes: number | null;
  ratePercent: number | null;
  legalTextId: string | null;
  legalArticle: string | null;
  data: Record<string, unknown>;
}

/** Fees in MAD (as written) → integer centimes. */
export const toCentimes = (mad: number): number => Math.round(mad * 100);
const centimesOrNull = (mad: number | undefined) => (mad === undefined ? null : toCentimes(mad));

type FeeLike = VersionContent['fees'][number];

/** The amounts of a fee as the items table and the public pages hold them. */
export function feeAmounts(f: FeeLike): {
  amountCentimes: number | null;
  amountMaxCentimes: number | null;
  ratePercent: number | null;
} {
  switch (f.kind) {
    case 'free':
      return { amountCentimes: 0, amountMaxCentimes: null, ratePercent: null };
    case 'fixed':
      return { amountCentimes: centimesOrNull(f.amountMad), amountMaxCentimes: null, ratePercent: null };
    case 'rate':
      return { amountCentimes: centimesOrNull(f.amountMad), amountMaxCentimes: null, ratePercent: f.percent ?? null };
    case 'range':
      return { amountCentimes: centimesOrNull(f.minMad), amountMaxCentimes: centimesOrNull(f.maxMad), ratePercent: null };
    default:
      return { amountCentimes: null, amountMaxCentimes: null, ratePercent: null };
  }
}

/** The items of a version: each required document, each fee, and the delay (key `delay`). */
export function itemsOf(content: VersionContent): ItemRow[] {
  const textIds = new Map(content.legalBasis.map((l) => [l.id, l.textId ?? null]));
  const legal = (l?: { ref: string; article?: string | undefined }) => ({
    legalTextId: l ? (textIds.get(l.ref) ?? null) : null,
    legalArticle: l?.article ?? null,
  });
  const none = { feeKind: null, amountCentimes: null, amountMaxCentimes: null, ratePercent: null };
  const out: ItemRow[] = [];
  content.documents.forEach((d, i) =>
    out.push({ kind: 'document', key: d.key, position: i, ...none, ...legal(d.legal), data: d as Record<string, unknown> }),
  );
  content.fees.forEach((f, i) =>
    out.push({
      kind: 'fee',
      key: f.key,
      position: i,
      feeKind: f.kind,
      ...feeAmounts(f),
      ...legal(f.legal),
      data: f as Record<string, unknown>,
    }),
  );
  if (Object.keys(content.delay ?? {}).length)
    out.push({
      kind: 'delay',
      key: 'delay',
      position: 0,
      ...none,
      ...legal(content.delay.legal),
      data: content.delay as Record<string, unknown>,
    });
  return out;
}

type Problem = { code: string; path: string; params: Record<string, unknown> };

/** What a fee of each kind must and must not carry. */
export function feeProblems(f: FeeLike, path: string): Problem[] {
  const out: Problem[] = [];
  const need = (field: string, ok: boolean) => {
    if (!ok)
      out.push({ code: 'CATALOG_FEE_KIND_INVALID', path: `${path}.${field}`, params: { kind: f.kind, field, rule: 'required' } });
  };
  const forbid = (field: string, present: boolean) => {
    if (present)
      out.push({
        code: 'CATALOG_FEE_KIND_INVALID',
        path: `${path}.${field}`,
        params: { kind: f.kind, field, rule: 'forbidden' },
      });
  };
  const has = (v: unknown) => v !== undefined;
  switch (f.kind) {
    case 'fixed':
      need('amountMad', (f.amountMad ?? 0) > 0);
      forbid('minMad', has(f.minMad));
      forbid('maxMad', has(f.maxMad));
      forbid('percent', has(f.percent));
      break;
    case 'free':
      forbid('amountMad', (f.amountMad ?? 0) > 0);
      forbid('minMad', has(f.minMad));
      forbid('maxMad', has(f.maxMad));
      forbid('percent', has(f.percent));
      break;
    case 'rate':
      // A percentage of a value, or an amount per unit: exactly one of them, and what it applies to.
      need('percent', has(f.percent) !== (f.amountMad ?? 0) > 0);
      need('basis', has(f.basis));
      forbid('minMad', has(f.minMad));
      forbid('maxMad', has(f.maxMad));
      break;
    case 'range':
      need('minMad', has(f.minMad));
      need('maxMad', has(f.maxMad) && (f.minMad === undefined || f.maxMad! > f.minMad));
      forbid('amountMad', has(f.amountMad));
      forbid('percent', has(f.percent));
      break;
    case 'variable':
      need('basis', has(f.basis));
      forbid('amountMad', has(f.amountMad));
      forbid('minMad', has(f.minMad));
      forbid('maxMad', has(f.maxMad));
      forbid('percent', has(f.percent));
      break;
  }
  for (const field of ['amountMad', 'minMad', 'maxMad'] as const) {
    const v = f[field];
    if (v !== undefined && Math.abs(v * 100 - Math.round(v * 100)) > 1e-6)
      out.push({ code: 'CATALOG_FEE_AMOUNT_INVALID', path: `${path}.${field}`, params: { amount: v } });
  }
  return out;
}

/** Problems a content has beyond its schema: duplicate keys, legal references to unknown texts, fees that do not fit their kind. */
export function contentProblems(content: VersionContent): Problem[] {
  const problems: Problem[] = [];
  const legalIds = new Set<string>();
  content.legalBasis.forEach((l, i) => {
    if (legalIds.has(l.id)) problems.push({ code: 'CATALOG_DUPLICATE_KEY', path: `legalBasis[${i}].id`, params: { key: l.id } });
    legalIds.add(l.id);
    if (!l.textId && !l.title)
      problems.push({ code: 'CATALOG_LEGAL_TEXT_MISSING', path: `legalBasis[${i}]`, params: { id: l.id } });
  });
  const checkRef = (path: string, legal?: { ref: string }) => {
    if (legal && !legalIds.has(legal.ref)) problems.push({ code: 'CATALOG_LEGAL_REF_UNKNOWN', path, params: { ref: legal.ref } });
  };
  for (const [name, list] of [
    ['documents', content.documents],
    ['fees', content.fees],
  ] as const) {
    const keys = new Set<string>();
    list.forEach((x, i) => {
      if (keys.has(x.key)) problems.push({ code: 'CATALOG_DUPLICATE_KEY', path: `${name}[${i}].key`, params: { key: x.key } });
      keys.add(x.key);
      checkRef(`${name}[${i}].legal.ref`, x.legal);
    });
  }
  content.fees.forEach((f, i) => problems.push(...feeProblems(f, `fees[${i}]`)));
  checkRef('delay.legal.ref', content.delay.legal);
  return problems;
}
