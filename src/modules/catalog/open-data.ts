/**
 * Open data: the published catalog as JSON and CSV, and the sitemap. Pure functions over the rows
 * of `publishedCatalog` / `sitemapEntries`.
 */
import type { ExportRow } from './queries';
import { localize } from './queries';

const procedureUrl = (base: string, slug: string, lang: string) => `${base.replace(/\/$/, '')}/procedures/${slug}?lang=${lang}`;

/** The whole published catalog, both languages, with item ids (a stable, documented shape). */
export function exportJson(list: ExportRow[], publicUrl: string) {
  return {
    generatedAt: new Date().toISOString(),
    licence: 'Licence Ouverte / Open Licence 2.0',
    count: list.length,
    procedures: list.map((p) => ({
      id: p.id,
      slug: p.slug,
      owner: p.ownerCode,
      version: p.version,
      effectiveDate: p.effectiveDate,
      publishedAt: p.publishedAt,
      url: { fr: procedureUrl(publicUrl, p.slug, 'fr'), ar: procedureUrl(publicUrl, p.slug, 'ar') },
      items: p.items.map((i) => ({ id: i.id, kind: i.kind, key: i.key })),
      ...p.content,
      fees: p.content.fees.map((f) => ({ ...f, amountCentimes: Math.round(f.amountMad * 100) })),
    })),
  };
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
    const fr = localize(p.content, 'fr', p.items);
    const ar = localize(p.content, 'ar', p.items);
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
      fr.fees.map((f) => `${f.label}: ${(f.amountCentimes / 100).toFixed(2)} MAD`).join(' | '),
      fr.fees.reduce((s, f) => s + f.amountCentimes, 0),
      fr.delay.legalDays,
      fr.delay.legalUnit,
      fr.legalBasis.map((l) => l.title).join(' | '),
      p.content.channels.map((c) => c.kind).join('|'),
      procedureUrl(publicUrl, p.slug, 'fr'),
      procedureUrl(publicUrl, p.slug, 'ar'),
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
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${xml(procedureUrl(publicUrl, e.slug, 'fr'))}"/>`,
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
