/**
 * What a version refers to outside itself (ADR 0022): competent administrations, downloadable
 * forms (files of the core store), related procedures, fee kinds, shared legal texts — through the
 * editor API, the public page, the diff and the open data.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, testApp, TEST_DB, type Session, type TestApp, asSession, type SessionRequest } from '../../test/harness';
import { fixtureContent } from './fixtures.test-data';

let t: TestApp;
let editor: Session; // catalog_editor on MIN-INTERIEUR and below (DGSN)
let reviewer: Session; // catalog_reviewer on MA and below
let otherEditor: Session; // catalog_editor on DGI only
let agent: Session; // no catalog permission

const M = '/api/v1/catalog/manage/procedures';
const LT = '/api/v1/catalog/manage/legal-texts';
const inject = (...r: SessionRequest) => asSession(t.app, ...r);

const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
function multipart(content: Buffer, filename: string, type: string) {
  const boundary = '----raqmanaCatalogForm';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const uploadForm = (s: Session, slug: string, n: number, content = pdf(), name = 'demande.pdf', type = 'application/pdf') => {
  const m = multipart(content, name, type);
  return t.app.inject({
    method: 'POST',
    url: `${M}/${slug}/versions/${n}/forms`,
    payload: m.payload,
    headers: { ...s.headers, ...m.headers },
  });
};

async function create(slug: string, overrides = {}, ownerCode = 'DGSN') {
  const res = await inject(editor, 'POST', M, {
    slug,
    ownerCode,
    effectiveDate: '2025-01-01',
    content: fixtureContent(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function publish(slug: string, n = 1) {
  expect((await inject(editor, 'POST', `${M}/${slug}/versions/${n}/actions/submit`, {})).statusCode).toBe(200);
  const res = await inject(reviewer, 'POST', `${M}/${slug}/versions/${n}/actions/publish`, {});
  expect(res.statusCode, res.body).toBe(200);
}
const patch = (s: Session, slug: string, n: number, content: unknown) =>
  inject(s, 'PATCH', `${M}/${slug}/versions/${n}`, { content });

beforeAll(async () => {
  t = await testApp();
  await t.handle.db.execute(
    sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
        SELECT gen_random_uuid(), u.id, r.id, o.id, false
        FROM core.users u, core.roles r, core.organisations o
        WHERE u.email = 'agent.skhirate@demo.raqmana.ma' AND r.code = 'catalog_editor' AND o.code = 'DGI'`,
  );
  editor = await login(t.app, 'editor.catalog@demo.raqmana.ma');
  reviewer = await login(t.app, 'reviewer.catalog@demo.raqmana.ma');
  otherEditor = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
  agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
});
afterAll(() => t?.close());

describe('catalog: competent administrations and related procedures', () => {
  it('saves an organisation type or named organisations, shows their names, and refuses unknown ones', async () => {
    await create('refs-competence');
    const content = fixtureContent({
      competence: [
        { orgType: 'commune', service: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' } },
        { orgCodes: ['DGSN', 'MIN-INTERIEUR'], service: { fr: 'Service de la CNIE', ar: 'مصلحة البطاقة' } },
      ],
    });
    const ok = await patch(editor, 'refs-competence', 1, content);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().content.competence[0]).toMatchObject({ orgType: 'commune' });

    const unknownOrg = await patch(editor, 'refs-competence', 1, {
      ...content,
      competence: [{ orgCodes: ['DGSN', 'NO-SUCH-ORG'], service: { fr: 'x', ar: 'س' } }],
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.headers['content-type']).toContain('application/problem+json');
    expect(unknownOrg.json()).toMatchObject({ code: 'CATALOG_COMPETENCE_ORG_UNKNOWN' });
    expect(unknownOrg.json().errors).toContainEqual({
      path: 'content.competence[0].orgCodes[1]',
      code: 'CATALOG_COMPETENCE_ORG_UNKNOWN',
    });
    const badType = await patch(editor, 'refs-competence', 1, {
      ...content,
      competence: [{ orgType: 'spaceport', service: { fr: 'x', ar: 'س' } }],
    });
    expect(badType.statusCode).toBe(400);

    await publish('refs-competence');
    const page = (await inject(null, 'GET', '/api/v1/catalog/procedures/refs-competence?lang=ar')).json();
    expect(page.competence[0]).toMatchObject({ orgType: 'commune', orgs: [] });
    expect(page.competence[1].orgs).toEqual([
      { code: 'DGSN', name: expect.stringMatching(/[\u0600-\u06FF]/) },
      { code: 'MIN-INTERIEUR', name: 'وزارة الداخلية' },
    ]);
  });

  it('links related procedures that exist and shows their titles; refuses unknown slugs and itself', async () => {
    await create('refs-related-target', { title: { fr: 'Procédure cible', ar: 'الإجراء المستهدف' } });
    await publish('refs-related-target');
    await create('refs-related');
    const unknown = await patch(editor, 'refs-related', 1, fixtureContent({ related: ['no-such-procedure'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('CATALOG_RELATED_UNKNOWN');
    expect((await patch(editor, 'refs-related', 1, fixtureContent({ related: ['refs-related'] }))).statusCode).toBe(400);
    expect((await patch(editor, 'refs-related', 1, fixtureContent({ related: ['refs-related-target'] }))).statusCode).toBe(200);
    await publish('refs-related');
    const page = (await inject(null, 'GET', '/api/v1/catalog/procedures/refs-related?lang=fr')).json();
    expect(page.related).toEqual([{ slug: 'refs-related-target', title: 'Procédure cible' }]);
  });
});

describe('catalog: downloadable forms', () => {
  it('uploads a form file to a draft, lists it with its title, and serves it publicly once published', async () => {
    const v = await create('refs-forms');
    const up = await uploadForm(editor, 'refs-forms', 1);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ filename: 'demande.pdf', mimeType: 'application/pdf' });
    const [row] = await rows<{ owner_type: string; owner_id: string }>(
      t.handle.db,
      sql`SELECT owner_type, owner_id FROM core.files WHERE id = ${file.id}`,
    );
    expect(row).toEqual({ owner_type: 'catalog.version', owner_id: v.id });

    const forms = [{ name: { fr: 'Formulaire de demande', ar: 'مطبوع الطلب' }, fileId: file.id }];
    const saved = await patch(editor, 'refs-forms', 1, fixtureContent({ forms }));
    expect(saved.statusCode, saved.body).toBe(200);
    // Not public while the version is a draft.
    expect((await inject(null, 'GET', `/api/v1/catalog/procedures/refs-forms/forms/${file.id}`)).statusCode).toBe(404);
    // Editors read it through the core file store.
    expect((await inject(editor, 'GET', `/api/v1/files/${file.id}`)).statusCode).toBe(200);
    expect((await inject(otherEditor, 'GET', `/api/v1/files/${file.id}`)).statusCode).toBe(404);

    await publish('refs-forms');
    const page = (await inject(null, 'GET', '/api/v1/catalog/procedures/refs-forms?lang=ar')).json();
    expect(page.forms[0]).toMatchObject({
      name: 'مطبوع الطلب',
      fileId: file.id,
      file: { filename: 'demande.pdf', mimeType: 'application/pdf' },
      download: `/api/v1/catalog/procedures/refs-forms/forms/${file.id}`,
    });
    const dl = await inject(null, 'GET', page.forms[0].download);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain('demande.pdf');
    expect(dl.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');

    // The next version keeps the form (the file belongs to the procedure's first version).
    expect((await inject(editor, 'POST', `${M}/refs-forms/versions`, {})).statusCode).toBe(201);
    expect((await patch(editor, 'refs-forms', 2, fixtureContent({ forms }))).statusCode).toBe(200);
  });

  it('refuses uploads from another administration, to a version under review, of a wrong type, and files of another procedure', async () => {
    await create('refs-forms-scope');
    const other = await uploadForm(otherEditor, 'refs-forms-scope', 1);
    expect(other.statusCode).toBe(404); // outside their scope, the procedure is not revealed
    expect((await uploadForm(agent, 'refs-forms-scope', 1)).statusCode).toBe(404);
    const reviewerUp = await uploadForm(reviewer, 'refs-forms-scope', 1);
    expect(reviewerUp.statusCode).toBe(403);
    expect(reviewerUp.headers['content-type']).toContain('application/problem+json');
    const html = await uploadForm(editor, 'refs-forms-scope', 1, Buffer.from('<html><script>x</script></html>'), 'x.pdf');
    expect(html.statusCode).toBe(415);
    expect(html.json().code).toBe('CORE_FILE_TYPE_REFUSED');

    // A file uploaded to another procedure cannot be listed here.
    await create('refs-forms-other');
    const foreign = (await uploadForm(editor, 'refs-forms-other', 1)).json();
    const bad = await patch(
      editor,
      'refs-forms-scope',
      1,
      fixtureContent({ forms: [{ name: { fr: 'F', ar: 'م' }, fileId: foreign.id }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CATALOG_FORM_FILE_UNKNOWN' });
    expect(bad.json().errors).toContainEqual({ path: 'content.forms[0].fileId', code: 'CATALOG_FORM_FILE_UNKNOWN' });

    expect((await inject(editor, 'POST', `${M}/refs-forms-scope/versions/1/actions/submit`, {})).statusCode).toBe(200);
    const submitted = await uploadForm(editor, 'refs-forms-scope', 1);
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().code).toBe('CATALOG_VERSION_NOT_EDITABLE');
  });
});

describe('catalog: fee kinds', () => {
  const basis = {
    fr: 'par m² couvert, selon l’arrêté fiscal de la commune',
    ar: 'عن كل متر مربع مغطى، حسب القرار الجبائي للجماعة',
  };
  const fees = [
    { key: 'stamp', label: { fr: 'Timbre', ar: 'تنبر' }, amountMad: 75 },
    { key: 'free', label: { fr: 'Dépôt', ar: 'الإيداع' }, kind: 'free' },
    {
      key: 'rate-pct',
      label: { fr: 'Droits', ar: 'رسوم' },
      kind: 'rate',
      percent: 1.5,
      basis: { fr: 'du prix', ar: 'من الثمن' },
    },
    { key: 'rate-unit', label: { fr: 'Taxe', ar: 'رسم' }, kind: 'rate', amountMad: 20, basis },
    { key: 'range', label: { fr: 'Greffe', ar: 'كتابة الضبط' }, kind: 'range', minMad: 100, maxMad: 350.5 },
    {
      key: 'variable',
      label: { fr: 'Taxe locale', ar: 'رسم محلي' },
      kind: 'variable',
      basis: { fr: "Selon l'arrêté fiscal de la commune", ar: 'حسب القرار الجبائي للجماعة' },
      payment: { fr: 'Régie de recettes', ar: 'شباك المداخيل' },
    },
  ];

  it('stores every kind, with items per kind, and shows them on the public page and in open data', async () => {
    await create('refs-fees');
    const saved = await patch(editor, 'refs-fees', 1, fixtureContent({ fees } as never));
    expect(saved.statusCode, saved.body).toBe(200);
    const [range] = await rows<{ fee_kind: string; amount_centimes: number; amount_max_centimes: number }>(
      t.handle.db,
      sql`SELECT fee_kind, amount_centimes, amount_max_centimes FROM catalog.items i JOIN catalog.procedures p ON p.id = i.procedure_id
          WHERE p.slug = 'refs-fees' AND i.key = 'range'`,
    );
    expect(range).toEqual({ fee_kind: 'range', amount_centimes: 10000, amount_max_centimes: 35050 });
    await publish('refs-fees');
    const page = (await inject(null, 'GET', '/api/v1/catalog/procedures/refs-fees?lang=fr')).json();
    const by = (k: string) => page.fees.find((f: { key: string }) => f.key === k);
    expect(by('stamp')).toMatchObject({ kind: 'fixed', amountCentimes: 7500 });
    expect(by('free')).toMatchObject({ kind: 'free', amountCentimes: 0 });
    expect(by('rate-pct')).toMatchObject({ kind: 'rate', percent: 1.5, amountCentimes: null, basis: 'du prix' });
    expect(by('rate-unit')).toMatchObject({ kind: 'rate', amountCentimes: 2000, percent: null });
    expect(by('range')).toMatchObject({ kind: 'range', amountCentimes: 10000, maxCentimes: 35050 });
    expect(by('variable')).toMatchObject({
      kind: 'variable',
      amountCentimes: null,
      basis: "Selon l'arrêté fiscal de la commune",
    });

    const json = (await inject(null, 'GET', '/api/v1/catalog/export.json')).json();
    const p = json.procedures.find((x: { slug: string }) => x.slug === 'refs-fees');
    expect(p.fees.find((f: { key: string }) => f.key === 'range')).toMatchObject({
      kind: 'range',
      minMad: 100,
      maxMad: 350.5,
      maxCentimes: 35050,
    });
    expect(p.fees.find((f: { key: string }) => f.key === 'rate-pct')).toMatchObject({ kind: 'rate', percent: 1.5 });
    const csv = (await inject(null, 'GET', '/api/v1/catalog/export.csv')).body;
    const header = csv.split('\r\n')[0]!;
    expect(header).toContain('fees_kinds');
    const line = csv.split('\r\n').find((l) => l.includes('"refs-fees"'))!;
    expect(line).toContain('"fixed|free|rate|rate|range|variable"');
    expect(line).toContain('Greffe: 100.00 à 350.50 MAD');
    expect(line).toContain('"7500"'); // only fixed amounts are summed
  });

  it('refuses a fee that does not fit its kind (problem+json with the field)', async () => {
    await create('refs-fees-bad');
    const bad = await patch(
      editor,
      'refs-fees-bad',
      1,
      fixtureContent({ fees: [{ key: 'r', label: { fr: 'R', ar: 'ر' }, kind: 'range', minMad: 50, maxMad: 10 }] } as never),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'CATALOG_FEE_KIND_INVALID' });
    expect(bad.json().errors).toContainEqual({ path: 'content.fees[0].maxMad', code: 'CATALOG_FEE_KIND_INVALID' });
    const unknownKind = await patch(
      editor,
      'refs-fees-bad',
      1,
      fixtureContent({ fees: [{ key: 'r', label: { fr: 'R', ar: 'ر' }, kind: 'donation' }] } as never),
    );
    expect(unknownKind.statusCode).toBe(400);
    const variableNoBasis = await patch(
      editor,
      'refs-fees-bad',
      1,
      fixtureContent({ fees: [{ key: 'v', label: { fr: 'V', ar: 'ف' }, kind: 'variable' }] } as never),
    );
    expect(variableNoBasis.json().errors).toContainEqual({ path: 'content.fees[0].basis', code: 'CATALOG_FEE_KIND_INVALID' });
  });
});

describe('catalog: shared legal texts', () => {
  const body = {
    code: 'loi-55-19-test',
    kind: 'law',
    number: '55-19',
    date: '2020-03-06',
    title: {
      fr: 'Loi n° 55-19 relative à la simplification des procédures et formalités administratives',
      ar: 'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية',
    },
    bulletin: 'BO n° 6866 du 19 mars 2020',
  };

  it('creates, finds and cites a shared text; refuses duplicates, bad inputs and people without catalog rights', async () => {
    const created = await inject(editor, 'POST', LT, body);
    expect(created.statusCode, created.body).toBe(201);
    const text = created.json();
    expect(text).toMatchObject({ code: 'loi-55-19-test', kind: 'law', number: '55-19', date: '2020-03-06' });
    const dup = await inject(editor, 'POST', LT, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CATALOG_LEGAL_TEXT_CODE_TAKEN');
    expect((await inject(editor, 'POST', LT, { ...body, code: 'x-y', kind: 'treaty' })).statusCode).toBe(400);
    expect((await inject(editor, 'POST', LT, { ...body, code: 'x-z', title: { fr: 'Sans arabe' } })).statusCode).toBe(400);
    const forbidden = await inject(agent, 'POST', LT, { ...body, code: 'by-agent' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    expect((await inject(agent, 'GET', `${LT}?q=55`)).statusCode).toBe(403);
    expect((await inject(null, 'GET', `${LT}?q=55`)).statusCode).toBe(401);

    for (const q of ['55-19', 'simplification', 'تبسيط']) {
      const found = (await inject(otherEditor, 'GET', `${LT}?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.items.map((x: { id: string }) => x.id),
        q,
      ).toContain(text.id);
    }

    // A version cites it; items keep the article and point at the shared text.
    await create('refs-legal');
    const content = fixtureContent({
      legalBasis: [...(fixtureContent().legalBasis ?? []), { id: 'l5519', textId: text.id }],
      delay: { legalDays: 60, legalUnit: 'calendar_days', legal: { ref: 'l5519', article: 'art. 6' } },
    });
    const saved = await patch(editor, 'refs-legal', 1, content);
    expect(saved.statusCode, saved.body).toBe(200);
    const [delay] = await rows<{ legal_text_id: string; legal_article: string }>(
      t.handle.db,
      sql`SELECT legal_text_id, legal_article FROM catalog.items i JOIN catalog.procedures p ON p.id = i.procedure_id
          WHERE p.slug = 'refs-legal' AND i.kind = 'delay'`,
    );
    expect(delay).toEqual({ legal_text_id: text.id, legal_article: 'art. 6' });
    const unknown = await patch(editor, 'refs-legal', 1, {
      ...content,
      legalBasis: [...(fixtureContent().legalBasis ?? []), { id: 'l5519', textId: '0190a000-0000-7000-8000-000000000000' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('CATALOG_LEGAL_TEXT_UNKNOWN');
    const missing = await patch(editor, 'refs-legal', 1, {
      ...content,
      legalBasis: [...(fixtureContent().legalBasis ?? []), { id: 'l5519' }],
    });
    expect(missing.json().code).toBe('CATALOG_LEGAL_TEXT_MISSING');

    await publish('refs-legal');
    const page = (await inject(null, 'GET', '/api/v1/catalog/procedures/refs-legal?lang=ar')).json();
    expect(page.legalBasis[1]).toMatchObject({ textId: text.id, kind: 'law', number: '55-19', title: body.title.ar });
    expect(page.delay.legal).toMatchObject({ ref: 'l5519', textId: text.id, article: 'art. 6', bulletin: body.bulletin });
    const json = (await inject(null, 'GET', '/api/v1/catalog/export.json')).json();
    const p = json.procedures.find((x: { slug: string }) => x.slug === 'refs-legal');
    expect(p.legalBasis[1]).toMatchObject({ id: 'l5519', code: 'loi-55-19-test', title: body.title });
  });

  it('turns an inline text into a shared one, reused by code by the next procedure (no duplicate)', async () => {
    await create('refs-inline-a');
    await create('refs-inline-b');
    const [a] = await rows<{ content: { legalBasis: { id: string; textId?: string; title?: unknown }[] } }>(
      t.handle.db,
      sql`SELECT v.content FROM catalog.versions v JOIN catalog.procedures p ON p.id = v.procedure_id WHERE p.slug = 'refs-inline-a'`,
    );
    const [b] = await rows<{ content: { legalBasis: { id: string; textId?: string }[] } }>(
      t.handle.db,
      sql`SELECT v.content FROM catalog.versions v JOIN catalog.procedures p ON p.id = v.procedure_id WHERE p.slug = 'refs-inline-b'`,
    );
    expect(a!.content.legalBasis[0]).toEqual({ id: 'loi-35-06', textId: expect.any(String) });
    expect(b!.content.legalBasis[0]!.textId).toBe(a!.content.legalBasis[0]!.textId);
    const [n] = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM catalog.legal_texts WHERE code = 'loi-35-06'`,
    );
    expect(n!.n).toBe(1);
  });

  it.runIf(TEST_DB === 'postgres')('creates one shared text when parallel saves write the same inline text', async () => {
    await Promise.all(['refs-par-1', 'refs-par-2', 'refs-par-3'].map((s) => create(s)));
    const content = fixtureContent({
      legalBasis: [
        ...(fixtureContent().legalBasis ?? []),
        { id: 'loi-parallele', title: { fr: 'Loi n° 99-99 parallèle', ar: 'القانون رقم 99.99' } },
      ],
    });
    const res = await Promise.all(['refs-par-1', 'refs-par-2', 'refs-par-3'].map((s) => patch(editor, s, 1, content)));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const ids = new Set(res.map((r) => r.json().content.legalBasis[1].textId));
    expect(ids.size).toBe(1);
    const [n] = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM catalog.legal_texts WHERE code = 'loi-parallele'`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('catalog: the diff shows the new fields to reviewers', () => {
  it('lists competence, forms (with the file name), related procedures, fee kinds and legal texts (with their title)', async () => {
    await create('refs-diff-target');
    await create('refs-diff');
    await publish('refs-diff');
    expect((await inject(editor, 'POST', `${M}/refs-diff/versions`, {})).statusCode).toBe(201);
    const file = (await uploadForm(editor, 'refs-diff', 2, pdf(), 'formulaire-cnie.pdf')).json();
    const lt = (
      await inject(editor, 'POST', LT, {
        code: 'decret-diff',
        kind: 'decree',
        title: { fr: 'Décret n° 2-00-000 de test', ar: 'مرسوم اختبار' },
      })
    ).json();
    const v2 = fixtureContent({
      competence: [{ orgType: 'prefecture_or_province', service: { fr: 'Annexe administrative', ar: 'الملحقة الإدارية' } }],
      forms: [{ name: { fr: 'Formulaire', ar: 'مطبوع' }, fileId: file.id }],
      related: ['refs-diff-target'],
      fees: [
        {
          key: 'stamp',
          label: { fr: 'Timbre', ar: 'تنبر' },
          kind: 'variable',
          basis: { fr: 'Selon le barème', ar: 'حسب الجدول' },
        },
      ],
      legalBasis: [{ id: 'loi-35-06', textId: lt.id }],
    } as never);
    expect((await patch(editor, 'refs-diff', 2, v2)).statusCode).toBe(200);
    const diff = (await inject(reviewer, 'GET', `${M}/refs-diff/versions/2/diff`)).json();
    const at = (field: string, lang: string | null = null) =>
      diff.changes.find((c: { field: string; lang: string | null }) => c.field === field && c.lang === lang);
    expect(at('competence[0].orgType')).toMatchObject({ change: 'added', after: 'prefecture_or_province' });
    expect(at('competence[0].orgCodes')).toMatchObject({ change: 'removed', before: ['DGSN'] });
    expect(at('forms[0].fileId')).toMatchObject({ change: 'added', after: file.id, afterLabel: 'formulaire-cnie.pdf' });
    expect(at('related')).toMatchObject({ change: 'changed', before: [], after: ['refs-diff-target'] });
    expect(at('fees[stamp].kind')).toMatchObject({ change: 'changed', before: 'fixed', after: 'variable' });
    expect(at('fees[stamp].basis', 'ar')).toMatchObject({ change: 'added', after: 'حسب الجدول' });
    expect(at('legalBasis[loi-35-06].textId') ?? at('legalBasis[0].textId')).toMatchObject({
      change: 'changed',
      afterLabel: 'decret-diff — Décret n° 2-00-000 de test',
    });
    // Another administration's editor sees neither the version nor its diff.
    expect((await inject(otherEditor, 'GET', `${M}/refs-diff/versions/2/diff`)).statusCode).toBe(404);
    expect((await patch(otherEditor, 'refs-diff', 2, v2)).statusCode).toBe(403);
  });
});
