import { describe, expect, it } from 'vitest';
import { VersionContentSchema } from './contract';
import { computeStale, contentProblems, diffContents, flatten, itemsOf } from './versioning';
import { exportCsv, csvCell, feeTextFr, sitemapXml } from './open-data';
import { localize, NO_REFS } from './queries';
import { parseLegalTitle } from './commands/legal-texts';
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
          refs: NO_REFS,
        },
      ],
      'https://x.ma/',
    );
    expect(csv.startsWith('\uFEFFid,slug,')).toBe(true);
    expect(csv).toContain('"https://x.ma/procedures/s?lang=ar"');
    const xml = sitemapXml([{ slug: 'a-b', publishedAt: '2026-01-01T00:00:00.000Z', hasEnglish: false }], 'https://x.ma');
    expect(xml).toContain('<loc>https://x.ma/procedures/a-b?lang=fr</loc>');
    // x-default as on the page itself (ProcedurePage's head): the address without a language.
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://x.ma/procedures/a-b"/>');
    expect(xml).not.toContain('lang=en');
  });

  it('infers the kind of a fee and checks what each kind carries', () => {
    const fee = (f: Record<string, unknown>) => c({ fees: [{ key: 'f', label: { fr: 'a', ar: 'ب' }, ...f }] as never });
    expect(fee({ amountMad: 75 }).fees[0]!.kind).toBe('fixed');
    expect(fee({ amountMad: 0 }).fees[0]!.kind).toBe('free');
    expect(fee({}).fees[0]!.kind).toBe('free');
    const basis = { fr: 'de la valeur du bien', ar: 'من قيمة العقار' };
    expect(contentProblems(fee({ kind: 'rate', percent: 1.5, basis }))).toEqual([]);
    expect(contentProblems(fee({ kind: 'rate', amountMad: 2, basis }))).toEqual([]);
    expect(contentProblems(fee({ kind: 'range', minMad: 20, maxMad: 30 }))).toEqual([]);
    expect(contentProblems(fee({ kind: 'variable', basis }))).toEqual([]);
    const codes = (f: Record<string, unknown>) => contentProblems(fee(f)).map((p) => `${p.code} ${p.path}`);
    expect(codes({ kind: 'fixed' })).toEqual(['CATALOG_FEE_KIND_INVALID fees[0].amountMad']);
    expect(codes({ kind: 'rate', percent: 1, amountMad: 2, basis })).toEqual(['CATALOG_FEE_KIND_INVALID fees[0].percent']);
    expect(codes({ kind: 'rate', percent: 1 })).toEqual(['CATALOG_FEE_KIND_INVALID fees[0].basis']);
    expect(codes({ kind: 'range', minMad: 30, maxMad: 20 })).toEqual(['CATALOG_FEE_KIND_INVALID fees[0].maxMad']);
    expect(codes({ kind: 'variable', basis, amountMad: 5 })).toEqual(['CATALOG_FEE_KIND_INVALID fees[0].amountMad']);
    expect(codes({ kind: 'free', percent: 2 })).toEqual(['CATALOG_FEE_KIND_INVALID fees[0].percent']);
    expect(codes({ kind: 'range', minMad: 1.001, maxMad: 2 })).toEqual(['CATALOG_FEE_AMOUNT_INVALID fees[0].minMad']);
    // Items: amounts in centimes per kind.
    const it = (f: Record<string, unknown>) => itemsOf(fee(f)).find((i) => i.kind === 'fee')!;
    expect(it({ kind: 'range', minMad: 20, maxMad: 30 })).toMatchObject({
      feeKind: 'range',
      amountCentimes: 2000,
      amountMaxCentimes: 3000,
    });
    expect(it({ kind: 'rate', percent: 1.5, basis })).toMatchObject({ feeKind: 'rate', amountCentimes: null, ratePercent: 1.5 });
    expect(it({ kind: 'variable', basis })).toMatchObject({ feeKind: 'variable', amountCentimes: null });
    expect(it({})).toMatchObject({ feeKind: 'free', amountCentimes: 0 });
    // Words in the CSV.
    const words = (f: Record<string, unknown>) => feeTextFr(localize(fee(f), 'fr', []).fees[0]!);
    expect(words({ kind: 'rate', percent: 1.5, basis })).toBe('a: 1.5 % de la valeur du bien');
    expect(words({ kind: 'range', minMad: 20, maxMad: 30 })).toBe('a: 20.00 à 30.00 MAD');
    expect(words({ kind: 'variable', basis: { fr: "selon l'arrêté fiscal", ar: 'حسب القرار الجبائي' } })).toBe(
      "a: variable (selon l'arrêté fiscal)",
    );
  });

  it('requires a legal-basis entry to be a shared text or to carry its title', () => {
    const problems = contentProblems(c({ legalBasis: [{ id: 'loi-x' }] }));
    expect(problems.map((p) => p.code)).toContain('CATALOG_LEGAL_TEXT_MISSING');
  });

  it('reads the kind, number and date of a legal text from its French title, without guessing', () => {
    expect(
      parseLegalTitle("Décret n° 2-99-665 du 2 chaabane 1423 (9 octobre 2002) pris pour l'application de la loi n° 37-99"),
    ).toEqual({
      kind: 'decree',
      number: '2-99-665',
      date: '2002-10-09',
    });
    expect(
      parseLegalTitle('Loi n° 37-99 relative à l’état civil', 'Dahir n° 1-02-239 du 25 rejeb 1423 (3 octobre 2002)'),
    ).toEqual({
      kind: 'law',
      number: '37-99',
      date: '2002-10-03',
    });
    expect(parseLegalTitle('Loi organique n° 113-14 relative aux communes').number).toBe('113-14');
    expect(parseLegalTitle('Dahir portant loi n° 1-72-184 du 15 joumada II 1392 (27 juillet 1972)')).toMatchObject({
      kind: 'dahir',
      number: '1-72-184',
      date: '1972-07-27',
    });
    expect(parseLegalTitle('Code général des impôts (institué par la loi de finances n° 43-06)')).toEqual({
      kind: 'other',
      number: null,
      date: null,
    });
  });
});
