/**
 * Open data: the published catalog as JSON and CSV, and the sitemap. Pure functions over the rows
 * of `publishedCatalog` / `sitemapEntries`.
 */
import type { ExportRow } from './queries';
import { localize } from './queries';
import { feeAmounts } from './versioning';

const procedureUrl = (base: string, slug: string, lang: string) => `${base.replace(/\/$/, '')}/procedures/${slug}?lang=${lang}`;

const stripNote = <T extends { editorNote?: string | undefined }>(x: T): Omit<T, 'editorNote'> => {
  const { editorNote: _note, ...rest } = x;
  return rest;
};

/** The whole published catalog, both languages, with item ids and shared legal texts resolved (a stable, documented shape; editor notes left out). */
export function exportJson(list: ExportRow[], publicUrl: string) {
  const base = publicUrl.replace(/\/$/, '');
  return {
    generatedAt: new Date().toISOString(),
    licence: 'Licence Ouverte / Open Licence 2.0',
    count: list.length,
    procedures: list.map((p) => {
      const fr = localize(p.content, 'fr', p.items, p.refs, p.slug);
      return {
        id: p.id,
        slug: p.slug,
        owner: p.ownerCode,
        version: p.version,
        effectiveDate: p.effectiveDate,
        publishedAt: p.publishedAt,
        url: { fr: procedureUrl(publicUrl, p.slug, 'fr'), ar: procedureUrl(publicUrl, p.slug, 'ar') },
        items: p.items.map((i) => ({ id: i.id, kind: i.kind, key: i.key })),
        ...p.content,
        documents: p.content.documents.map(stripNote),
        delay: stripNote(p.content.delay),
        fees: p.content.fees.map((f) => {
          const a = feeAmounts(f);
          return { ...stripNote(f), amountCentimes: a.amountCentimes, maxCentimes: a.amountMaxCentimes, percent: a.ratePercent };
        }),
        legalBasis: p.content.legalBasis.map((l) => {
          const t = l.textId ? p.refs.legal.get(l.textId) : undefined;
          return t
            ? {
                id: l.id,
                textId: t.id,
                code: t.code,
                kind: t.kind,
                number: t.number,
                date: t.date,
                title: { fr: t.titleFr, ar: t.titleAr, ...(t.titleEn ? { en: t.titleEn } : {}) },
                reference: t.reference,
                bulletin: t.bulletin,
                url: t.url,
              }
            : l;
        }),
        forms: p.content.forms.map((f, i) => ({
          ...f,
          download: fr.forms[i]?.download ? `${base}${fr.forms[i]!.download}` : null,
        })),
      };
    }),
  };
}

const num = (centimes: number) => (centimes / 100).toFixed(2);

/** A fee in words for the CSV (French): « Timbre : 75.00 MAD », « … : 1.5 % de la valeur », « … : variable (selon …) ». */
export function feeTextFr(f: ReturnType<typeof localize>['fees'][number]): string {
  switch (f.kind) {
    case 'free':
      return `${f.label}: gratuit`;
    case 'fixed':
      return `${f.label}: ${num(f.amountCentimes ?? 0)} MAD`;
    case 'rate':
      return `${f.label}: ${f.percent !== null ? `${f.percent} %` : `${num(f.amountCentimes ?? 0)} MAD`} ${f.basis ?? ''}`.trim();
    case 'range':
      return `${f.label}: ${num(f.amountCentimes ?? 0)} à ${num(f.maxCentimes ?? 0)} MAD${f.basis ? ` (${f.basis})` : ''}`;
    default:
      return `${f.label}: variable${f.basis ? ` (${f.basis})` : ''}`;
  }
}

export const CSV_COLUMNS = [
  'id',
  'slug',
  'owner',
  'version',
  'effective_date',
  'published_at',
  'title_fr',
  'title_ar',
  'summary_fr',
  'summary_ar',
  'audiences',
  'categories',
  'life_events',
  'documents_fr',
  'documents_ar',
  'fees_fr',
  'fees_total_centimes',
  'legal_delay_days',
  'legal_delay_unit',
  'legal_basis_fr',
  'channels',
  'url_fr',
  'url_ar',
  'fees_kinds',
  'fees_variable',
  'legal_basis_codes',
  'competence',
  'forms',
  'related',
] as const;

/** One CSV cell: quoted, quotes doubled, and formulas neutralised (a leading = + - @ gets a quote). */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The published catalog, one line per procedure (UTF-8 with a BOM so spreadsheets read Arabic right). */
export function exportCsv(list: ExportRow[], publicUrl: string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const p of list) {
    const fr = localize(p.content, 'fr', p.items, p.refs, p.slug);
    const ar = localize(p.content, 'ar', p.items, p.refs, p.slug);
    const base = publicUrl.replace(/\/$/, '');
    const cells = [
      p.id,
      p.slug,
      p.ownerCode,
      p.version,
      p.effectiveDate,
      p.publishedAt,
      fr.title,
      ar.title,
      fr.summary,
      ar.summary,
      p.content.audiences.join('|'),
      p.content.categories.join('|'),
      p.content.lifeEvents.join('|'),
      fr.documents.map((d) => d.name).join(' | '),
      ar.documents.map((d) => d.name).join(' | '),
      fr.fees.map(feeTextFr).join(' | '),
      // Fixed amounts only; `fees_variable` says whether other fees (rates, ranges, variable) apply.
      fr.fees.reduce((s, f) => s + (f.kind === 'fixed' ? (f.amountCentimes ?? 0) : 0), 0),
      fr.delay.legalDays,
      fr.delay.legalUnit,
      fr.legalBasis.map((l) => l.title).join(' | '),
      p.content.channels.map((c) => c.kind).join('|'),
      procedureUrl(publicUrl, p.slug, 'fr'),
      procedureUrl(publicUrl, p.slug, 'ar'),
      fr.fees.map((f) => f.kind).join('|'),
      fr.fees.some((f) => f.kind === 'rate' || f.kind === 'range' || f.kind === 'variable') ? 'yes' : 'no',
      fr.legalBasis.map((l) => (l.textId ? (p.refs.legal.get(l.textId)?.code ?? l.id) : l.id)).join('|'),
      p.content.competence.map((c) => ('orgType' in c ? `type:${c.orgType}` : c.orgCodes.join('+'))).join('|'),
      fr.forms.map((f) => (f.download ? `${base}${f.download}` : (f.url ?? f.name))).join(' | '),
      p.content.related.join('|'),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sitemap.xml: each published procedure in French and Arabic (and English when written), with hreflang alternates. */
export function sitemapXml(entries: { slug: string; publishedAt: string; hasEnglish: boolean }[], publicUrl: string): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const e of entries) {
    const langs = e.hasEnglish ? ['fr', 'ar', 'en'] : ['fr', 'ar'];
    const alternates = [
      ...langs.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${xml(procedureUrl(publicUrl, e.slug, l))}"/>`),
      // The address without a language (the page negotiates it), as the page's own x-default link says.
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${xml(`${publicUrl.replace(/\/$/, '')}/procedures/${e.slug}`)}"/>`,
    ];
    for (const l of langs)
      out.push(
        '  <url>',
        `    <loc>${xml(procedureUrl(publicUrl, e.slug, l))}</loc>`,
        `    <lastmod>${e.publishedAt.slice(0, 10)}</lastmod>`,
        ...alternates,
        '  </url>',
      );
  }
  out.push('</urlset>');
  return `${out.join('\n')}\n`;
}
