import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../../core/db/client';
import { testDatabase } from '../../../test/harness';
import { FIXTURE_ORG, fixtureDocuments } from './fixtures';
import type { SearchDocument } from './indexer';
import { indexProcedure } from './indexer';
import { runSearch, type SearchParams } from './query';
import { sectionsOf, type SearchSections } from './sections';
import { seedSynonyms } from './synonyms';

let h: DbHandle;

const t = (fr: string, ar: string) => ({ fr, ar });
/** The body as the indexer gets it: every part but the keywords, one line each. */
const bodyOf = (s: SearchSections) => {
  const lines = (lang: 'fr' | 'ar') =>
    Object.entries(s[lang] ?? {})
      .filter(([field]) => field !== 'keywords')
      .flatMap(([, l]) => l)
      .join('\n');
  return { fr: lines('fr'), ar: lines('ar') };
};
/** A building permit whose cadastral plan and urban planning note are only among its required documents. */
const permit = {
  documents: [
    {
      name: t('Demande signée par le propriétaire', 'طلب موقع من طرف المالك'),
      description: t('Sur papier libre.', 'على ورق عادي.'),
    },
    {
      name: t('Plan cadastral du terrain', 'التصميم المساحي للبقعة'),
      description: t('Délivré par la conservation foncière.', 'تسلمه المحافظة العقارية.'),
    },
    {
      name: t("Note de renseignements d'urbanisme", 'مذكرة المعلومات التعميرية'),
      description: t(
        "Elle précise les règles applicables au terrain : hauteur des constructions, reculs par rapport aux voies, coefficient d'occupation du sol, servitudes et équipements publics prévus par le plan d'aménagement approuvé de la commune concernée par le projet de bâtiment.",
        'تحدد القواعد المطبقة على البقعة: علو البنايات والتراجعات عن الطرق ومعامل استغلال الأرض والارتفاقات والتجهيزات العمومية المنصوص عليها في تصميم التهيئة المصادق عليه للجماعة المعنية بمشروع البناء.',
      ),
    },
  ],
  steps: [{ title: t('Dépôt du dossier sur la plateforme Rokhas', 'إيداع الملف عبر منصة رخص') }],
  conditions: [t('Être propriétaire du terrain.', 'أن يكون مالكا للبقعة.')],
  fees: [],
  channels: [{ where: t('Guichet unique de l’urbanisme de la commune', 'الشباك الوحيد للتعمير بالجماعة') }],
  legalBasis: [],
  competence: [{ service: t('Commune', 'الجماعة') }],
  keywords: { fr: ['permis de bâtir', 'urbanisme'], ar: ['رخصة البناء'], darija: ['rokhsat lbni'] },
};

const docs: SearchDocument[] = [
  ...fixtureDocuments(),
  {
    procedureId: '0190f0bb-0000-7000-8000-0000000000a1',
    versionId: '0190f0bb-0000-7000-8000-0000000000a2',
    slug: 'autorisation-construire',
    ownerOrgId: FIXTURE_ORG.id,
    ownerOrgPath: FIXTURE_ORG.path,
    audiences: ['citizens'],
    categories: ['urbanism'],
    lifeEvents: [],
    title: t('Autorisation de construire', 'رخصة البناء'),
    summary: t('Obtenir l’autorisation avant de bâtir une construction.', 'الحصول على الرخصة قبل تشييد بناية.'),
    keywords: permit.keywords,
    body: bodyOf(sectionsOf(permit)),
    orgNames: [],
    sections: sectionsOf(permit),
    publishedAt: new Date('2026-01-15T10:00:00Z'),
  },
  {
    procedureId: '0190f0bb-0000-7000-8000-0000000000b1',
    versionId: '0190f0bb-0000-7000-8000-0000000000b2',
    slug: 'legalisation-signature',
    ownerOrgId: FIXTURE_ORG.id,
    ownerOrgPath: FIXTURE_ORG.path,
    audiences: ['citizens'],
    categories: ['civil_status'],
    lifeEvents: [],
    title: t('Légalisation de signature <b>test</b>', 'تصحيح الإمضاء'),
    summary: t('Faire légaliser sa signature.', 'تصحيح الإمضاء.'),
    keywords: { fr: [], ar: [], darija: [] },
    body: { fr: 'Formulaire <script>alert(1)</script> signé', ar: 'مطبوع' },
    orgNames: [],
    sections: sectionsOf({
      ...permit,
      documents: [{ name: t('Formulaire <script>alert("x")</script> signé & daté', 'مطبوع <script>alert(1)</script>') }],
      steps: [],
      conditions: [],
      channels: [],
      competence: [],
      keywords: { fr: [], ar: [] },
    }),
    publishedAt: new Date('2026-01-15T10:00:00Z'),
  },
];

beforeAll(async () => {
  h = await testDatabase();
  await h.db.execute(sql`DELETE FROM catalog.search_documents`);
  await seedSynonyms(h.db);
  for (const d of docs) await indexProcedure(h.db, d);
});
afterAll(async () => h?.close());

const p = (q: string | undefined, extra: Partial<SearchParams> = {}): SearchParams => ({
  q,
  lang: 'fr',
  page: 1,
  pageSize: 10,
  ...extra,
});
async function first(q: string, extra: Partial<SearchParams> = {}) {
  const r = await runSearch(h.db, p(q, extra));
  expect(r.items.length).toBeGreaterThan(0);
  return r.items[0]!;
}

describe('catalog search: snippets', () => {
  it('French: a word found only among the required documents gives an excerpt of that document, the word marked', async () => {
    const it0 = await first('plan cadastral');
    expect(it0.slug).toBe('autorisation-construire');
    expect(it0.highlights.title).not.toContain('<mark>');
    expect(it0.snippet).toEqual({
      html: '<mark>Plan</mark> <mark>cadastral</mark> du terrain — Délivré par la conservation foncière.',
      matchedIn: 'documents',
      lang: 'fr',
    });
    // Accents, case and stemming as the search has them.
    const it1 = await first('CADASTRALE');
    expect(it1.snippet?.matchedIn).toBe('documents');
    expect(it1.snippet?.html).toContain('<mark>cadastral</mark>');
  });

  it('Arabic: the same, with spelling variants (ة/ه, hamza, article)', async () => {
    const it0 = await first('التصميم المساحي', { lang: 'ar' });
    expect(it0.slug).toBe('autorisation-construire');
    expect(it0.snippet).toEqual({
      html: '<mark>التصميم</mark> <mark>المساحي</mark> للبقعة — تسلمه المحافظة العقارية.',
      matchedIn: 'documents',
      lang: 'ar',
    });
    const it1 = await first('المحافظه العقاريه', { lang: 'ar' });
    expect(it1.snippet?.matchedIn).toBe('documents');
    expect(it1.snippet?.html).toContain('<mark>المحافظة</mark> <mark>العقارية</mark>');
  });

  it('cuts a long line around the match at word boundaries, with ellipses', async () => {
    const it0 = await first('servitudes');
    expect(it0.snippet?.matchedIn).toBe('documents');
    const html = it0.snippet!.html;
    expect(html).toContain('<mark>servitudes</mark>');
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    const text = html
      .replace(/<\/?mark>/g, '')
      .replace(/…/g, '')
      .replace(/&#39;/g, "'");
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text.length).toBeGreaterThan(100);
    // Whole words only: the excerpt is a run of words of the original line.
    expect(permit.documents[2]!.name.fr + ' — ' + permit.documents[2]!.description.fr).toContain(text.trim());
  });

  it('a step, a keyword, and the language of the excerpt when the query is in another one', async () => {
    const step = await first('plateforme');
    expect(step.snippet).toMatchObject({ matchedIn: 'steps', lang: 'fr' });
    expect(step.snippet?.html).toContain('<mark>plateforme</mark>');
    const kw = await first('urbanisme');
    expect(kw.slug).toBe('autorisation-construire');
    expect(kw.snippet).toEqual({
      html: 'permis de bâtir, <mark>urbanisme</mark>, rokhsat lbni',
      matchedIn: 'keywords',
      lang: 'fr',
    });
    // A darija synonym: its expansion (« construire construction ») is marked where it is.
    const syn = await first('rokhsat lbni');
    expect(syn.slug).toBe('autorisation-construire');
    expect(syn.snippet).toMatchObject({ matchedIn: 'summary', lang: 'fr' });
    expect(syn.snippet?.html).toContain('<mark>construction</mark>');
    // An Arabic query on the French page: the Arabic excerpt, labelled as Arabic (dir="rtl" on the page).
    const cross = await first('المساحي', { lang: 'fr' });
    expect(cross.snippet).toMatchObject({ matchedIn: 'documents', lang: 'ar' });
    expect(cross.snippet?.html).toContain('<mark>المساحي</mark>');
  });

  it('title matches still highlight the title, in French and Arabic', async () => {
    const fr = await first('passeport');
    expect(fr.highlights.title).toBe('<mark>Passeport</mark> biométrique');
    expect(fr.snippet).toMatchObject({ matchedIn: 'summary', lang: 'fr' });
    expect(fr.snippet?.html).toContain('<mark>passeport</mark>');
    const ar = await first('رخصة السياقة', { lang: 'ar' });
    expect(ar.highlights.title).toBe('<mark>رخصة</mark> <mark>السياقة</mark>');
    expect(ar.snippet?.lang).toBe('ar');
    // A synonym (CIN) highlights the title words it stands for.
    const cin = await first('CIN');
    expect(cin.highlights.title).toContain('<mark>');
  });

  it('a document indexed without its parts: an excerpt of its body', async () => {
    const r = await first('photos');
    expect(r.slug).toBe('cnie-premiere-demande');
    expect(r.snippet).toMatchObject({ matchedIn: 'body', lang: 'fr' });
    expect(r.snippet?.html).toContain('<mark>Photos</mark>');
  });

  it('never lets markup through: content with <script> comes escaped', async () => {
    const r = await first('formulaire');
    expect(r.slug).toBe('legalisation-signature');
    expect(r.snippet?.matchedIn).toBe('documents');
    expect(r.snippet?.html).toBe('<mark>Formulaire</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; signé &amp; daté');
    expect(r.highlights.title).toBe('Légalisation de signature &lt;b&gt;test&lt;/b&gt;');
    const ar = await first('مطبوع', { lang: 'ar' });
    expect(ar.snippet?.html).toBe('<mark>مطبوع</mark> &lt;script&gt;alert(1)&lt;/script&gt;');
    for (const item of [r, ar]) {
      const markup = (item.snippet!.html + item.highlights.title + item.highlights.summary).match(/<[^>]*>/g) ?? [];
      expect(markup.every((m) => m === '<mark>' || m === '</mark>')).toBe(true);
    }
  });

  it('no query, no snippet', async () => {
    const r = await runSearch(h.db, p(undefined));
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.snippet === null)).toBe(true);
  });
});
