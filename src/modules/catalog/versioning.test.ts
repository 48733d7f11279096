import { describe, expect, it } from 'vitest';
import { VersionContentSchema } from './contract';
import { computeStale, contentProblems, diffContents, flatten, itemsOf } from './versioning';
import { exportCsv, csvCell, sitemapXml } from './open-data';
import { fixtureContent } from './fixtures.test-data';

const c = (o = {}) => VersionContentSchema.parse(fixtureContent(o));

describe('versioning rules', () => {
  it('addresses keyed items by key and texts per language', () => {
    const f = flatten(c());
    expect(f).toContainEqual({ field: 'documents[birth-extract].name', lang: 'ar', value: 'نسخة موجزة من رسم الولادة' });
    expect(f).toContainEqual({ field: 'fees[stamp].amountMad', lang: null, value: 75 });
    expect(f).toContainEqual({ field: 'keywords.fr', lang: null, value: ['CIN', 'CNIE'] });
    expect(f.some((x) => x.field.endsWith('.key'))).toBe(false);
  });

  it('diffs by field and language, ignoring reordering of keyed items', () => {
    const a = c();
    const b = c({ documents: [...a.documents].reverse() });
    expect(diffContents(a, b)).toEqual([]);
    const d = diffContents(a, c({ title: { fr: a.title.fr, ar: 'عنوان جديد' } }));
    expect(d).toEqual([{ field: 'title', lang: 'ar', change: 'changed', before: a.title.ar, after: 'عنوان جديد' }]);
    expect(diffContents(null, a).every((x) => x.change === 'added')).toBe(true);
  });

  it('flags the unchanged language of a field whose other language changed', () => {
    const base = c();
    const next = c({ summary: { fr: 'Autre', ar: base.summary.ar }, title: { fr: 'Titre', ar: 'عنوان' } });
    expect(computeStale(base, [], next, null)).toEqual([{ field: 'summary', lang: 'ar' }]);
    // Carried while untouched, cleared when both change.
    expect(computeStale(base, [{ field: 'summary', lang: 'ar' }], base, null)).toEqual([{ field: 'summary', lang: 'ar' }]);
    expect(computeStale(base, [{ field: 'summary', lang: 'ar' }], c({ summary: { fr: 'a', ar: 'ب' } }), null)).toEqual([]);
    // New fields are not flagged; no base, no flags.
    expect(computeStale(base, [], c({ conditions: [...base.conditions, { fr: 'x', ar: 'س' }] }), null)).toEqual([]);
    expect(computeStale(null, [], next, null)).toEqual([]);
  });

  it('builds items with centimes and checks keys and legal references', () => {
    const items = itemsOf(c({ fees: [{ key: 'f', label: { fr: 'a', ar: 'ب' }, amountMad: 12.3 }] }));
    expect(items.find((i) => i.kind === 'fee')!.amountCentimes).toBe(1230);
    expect(items.filter((i) => i.kind === 'delay')).toHaveLength(1);
    expect(contentProblems(c())).toEqual([]);
    expect(
      contentProblems(c({ fees: [{ key: 'f', label: { fr: 'a', ar: 'ب' }, amountMad: 1, legal: { ref: 'x' } }] }))[0]!.code,
    ).toBe('CATALOG_LEGAL_REF_UNKNOWN');
  });

  it('neutralises formulas in CSV cells and escapes the sitemap', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('""');
    const csv = exportCsv(
      [
        {
          id: 'i',
          slug: 's',
          ownerCode: 'DGSN',
          version: 1,
          effectiveDate: null,
          publishedAt: '2026-01-01T00:00:00.000Z',
          content: c(),
          items: [],
        },
      ],
      'https://x.ma/',
    );
    expect(csv.startsWith('\uFEFFid,slug,')).toBe(true);
    expect(csv).toContain('"https://x.ma/procedures/s?lang=ar"');
    const xml = sitemapXml([{ slug: 'a-b', publishedAt: '2026-01-01T00:00:00.000Z', hasEnglish: false }], 'https://x.ma');
    expect(xml).toContain('<loc>https://x.ma/procedures/a-b?lang=fr</loc>');
    expect(xml).toContain('hreflang="x-default"');
    expect(xml).not.toContain('lang=en');
  });
});
