import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, testApp, TEST_DB, type Session, type TestApp, asSession, type SessionRequest } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import { fixtureContent } from './fixtures.test-data';

let t: TestApp;
let editor: Session; // catalog_editor on MIN-INTERIEUR and below (DGSN)
let reviewer: Session; // catalog_reviewer on MA and below
let otherEditor: Session; // catalog_editor on DGI only
let citizen: Session;
let agent: Session; // no catalog permission

async function grant(email: string, role: string, orgCode: string, includeDescendants: boolean) {
  await t.handle.db.execute(
    sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
        SELECT gen_random_uuid(), u.id, r.id, o.id, ${includeDescendants}
        FROM core.users u, core.roles r, core.organisations o
        WHERE u.email = ${email} AND r.code = ${role} AND o.code = ${orgCode}`,
  );
}

const M = '/api/v1/catalog/manage/procedures';
const inject = (...r: SessionRequest) => asSession(t.app, ...r);

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
async function act(s: Session, slug: string, n: number, action: string, comment?: string) {
  return inject(s, 'POST', `${M}/${slug}/versions/${n}/actions/${action}`, comment ? { comment } : {});
}
async function publish(slug: string, n = 1) {
  expect((await act(editor, slug, n, 'submit')).statusCode).toBe(200);
  const res = await act(reviewer, slug, n, 'publish');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await testApp();
  await grant('agent.skhirate@demo.raqmana.ma', 'catalog_editor', 'DGI', false);
  editor = await login(t.app, 'editor.catalog@demo.raqmana.ma');
  reviewer = await login(t.app, 'reviewer.catalog@demo.raqmana.ma');
  otherEditor = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
  citizen = await login(t.app, 'citizen@demo.raqmana.ma');
  agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
});
afterAll(() => t?.close());

describe('catalog: content and workflow', () => {
  it('creates a draft with items that have ids, and keeps it private until published', async () => {
    const v = await create('cnie-workflow');
    expect(v).toMatchObject({ number: 1, state: 'draft', ownerCode: 'DGSN', stale: [] });
    expect(v.items.map((i: { kind: string; key: string }) => `${i.kind}:${i.key}`).sort()).toEqual([
      'delay:delay',
      'document:birth-extract',
      'document:photos',
      'fee:stamp',
    ]);
    expect(v.items.find((i: { kind: string }) => i.kind === 'fee').amountCentimes).toBe(7500);
    expect(v.actions.map((a: { action: string }) => a.action)).toEqual(['submit']);
    expect((await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-workflow')).statusCode).toBe(404);
    // A draft's item is not public either.
    const itemId = v.items[0].id;
    expect((await inject(null, 'GET', `/api/v1/catalog/items/${itemId}`)).statusCode).toBe(404);
    expect((await inject(editor, 'GET', `/api/v1/catalog/items/${itemId}`)).statusCode).toBe(200);
  });

  it('runs draft → submitted → changes_requested → submitted → published → archived, refusing the rest', async () => {
    // Reviewers cannot submit, editors cannot publish.
    expect((await act(reviewer, 'cnie-workflow', 1, 'submit')).statusCode).toBe(403);
    expect((await act(editor, 'cnie-workflow', 1, 'publish')).json().code).toBe('CORE_WORKFLOW_ACTION_NOT_ALLOWED');
    expect((await act(editor, 'cnie-workflow', 1, 'submit')).json().state).toBe('submitted');
    // Submitted: not editable, editors cannot publish.
    const patch = await inject(editor, 'PATCH', `${M}/cnie-workflow/versions/1`, { changeNote: 'x' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('CATALOG_VERSION_NOT_EDITABLE');
    expect((await act(editor, 'cnie-workflow', 1, 'publish')).statusCode).toBe(403);
    const noComment = await act(reviewer, 'cnie-workflow', 1, 'request_changes');
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().code).toBe('CORE_WORKFLOW_COMMENT_REQUIRED');
    const rc = await act(reviewer, 'cnie-workflow', 1, 'request_changes', 'Précisez le délai.');
    expect(rc.json().state).toBe('changes_requested');
    expect((await inject(editor, 'PATCH', `${M}/cnie-workflow/versions/1`, { changeNote: 'Délai précisé' })).statusCode).toBe(
      200,
    );
    await act(editor, 'cnie-workflow', 1, 'submit');
    const pub = await act(reviewer, 'cnie-workflow', 1, 'publish');
    expect(pub.json()).toMatchObject({ state: 'published', effectiveDate: '2025-01-01' });
    expect(pub.json().history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'request_changes',
      'submit',
      'publish',
    ]);
    expect((await act(reviewer, 'cnie-workflow', 1, 'submit')).statusCode).toBe(409);
    const pubRes = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-workflow?lang=ar');
    expect(pubRes.statusCode).toBe(200);
    expect(pubRes.json().title).toBe('البطاقة الوطنية للتعريف الإلكترونية — اختبار');

    const arch = await act(reviewer, 'cnie-workflow', 1, 'archive');
    expect(arch.json().state).toBe('archived');
    expect((await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-workflow')).statusCode).toBe(404);
    // The items of an archived version stay addressable (a complaint may point at them).
    const itemId = arch.json().items[0].id;
    const item = await inject(null, 'GET', `/api/v1/catalog/items/${itemId}`);
    expect(item.statusCode).toBe(200);
    expect(item.json().version.state).toBe('archived');

    // Every step is in the audit trail.
    const audited = await rows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM core.audit_log WHERE entity_id IN (SELECT id::text FROM catalog.versions WHERE procedure_id =
            (SELECT id FROM catalog.procedures WHERE slug = 'cnie-workflow')) ORDER BY seq`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'catalog.version.submit',
      'catalog.version.request_changes',
      'catalog.version.updated',
      'catalog.version.submit',
      'catalog.version.publish',
      'catalog.version.archive',
    ]);
  });

  it('keeps one draft and one published version; publishing a new version archives the old one', async () => {
    await create('cnie-versions');
    await publish('cnie-versions');
    const v2 = await inject(editor, 'POST', `${M}/cnie-versions/versions`, { changeNote: 'Nouveau tarif' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ number: 2, state: 'draft' });
    const again = await inject(editor, 'POST', `${M}/cnie-versions/versions`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CATALOG_DRAFT_EXISTS');
    // The public page still shows version 1 while version 2 is a draft.
    await inject(editor, 'PATCH', `${M}/cnie-versions/versions/2`, {
      content: fixtureContent({ fees: [{ key: 'stamp', label: { fr: 'Timbre', ar: 'تنبر' }, amountMad: 100.5 }] }),
    });
    expect((await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-versions')).json().fees[0].amountCentimes).toBe(7500);
    await publish('cnie-versions', 2);
    const page = (await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-versions?lang=fr')).json();
    expect(page.version.number).toBe(2);
    expect(page.fees[0].amountCentimes).toBe(10050);
    const proc = (await inject(reviewer, 'GET', `${M}/cnie-versions`)).json();
    expect(proc.versions.map((v: { number: number; state: string }) => `${v.number}:${v.state}`)).toEqual([
      '2:published',
      '1:archived',
    ]);
    // Stable keys, new ids: the fee of version 1 and of version 2 are two items.
    const ids = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(DISTINCT id)::int AS n FROM catalog.items WHERE key = 'stamp'
            AND procedure_id = (SELECT id FROM catalog.procedures WHERE slug = 'cnie-versions')`,
    );
    expect(ids[0]!.n).toBe(2);
  });

  it('gives reviewers a field-level diff in both languages', async () => {
    await create('cnie-diff');
    await publish('cnie-diff');
    await inject(editor, 'POST', `${M}/cnie-diff/versions`, {});
    const content = fixtureContent({
      summary: { fr: 'Nouveau résumé.', ar: 'ملخص جديد.' },
      documents: [fixtureContent().documents![0]!],
    });
    await inject(editor, 'PATCH', `${M}/cnie-diff/versions/2`, { content });
    const d = await inject(reviewer, 'GET', `${M}/cnie-diff/versions/2/diff?against=1`);
    expect(d.statusCode, d.body).toBe(200);
    const changes = d.json().changes as { field: string; lang: string | null; change: string; before: unknown; after: unknown }[];
    expect(changes).toContainEqual({
      field: 'summary',
      lang: 'fr',
      change: 'changed',
      before: "Obtenir sa première carte nationale d'identité électronique.",
      after: 'Nouveau résumé.',
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ field: 'summary', lang: 'ar', change: 'changed', after: 'ملخص جديد.' }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ field: 'documents[photos].name', lang: 'ar', change: 'removed' }));
    expect(changes).toContainEqual(
      expect.objectContaining({ field: 'documents[photos].copies', lang: null, change: 'removed', before: 2 }),
    );
    expect(changes.some((c) => c.field === 'title')).toBe(false);
    // Default: against the version it was copied from.
    expect((await inject(reviewer, 'GET', `${M}/cnie-diff/versions/2/diff`)).json().against).toBe(1);
    // Another administration's editor does not see it.
    expect((await inject(otherEditor, 'GET', `${M}/cnie-diff/versions/2/diff`)).statusCode).toBe(404);
    expect((await inject(editor, 'GET', `${M}/cnie-diff/versions/9/diff`)).json().code).toBe('CATALOG_VERSION_NOT_FOUND');
  });

  it('flags the other language as possibly out of date until an editor confirms it', async () => {
    await create('cnie-stale');
    await publish('cnie-stale');
    await inject(editor, 'POST', `${M}/cnie-stale/versions`, {});
    const base = fixtureContent();
    const changedFr = fixtureContent({
      summary: { fr: 'Résumé réécrit en français seulement.', ar: base.summary.ar },
      conditions: [{ fr: base.conditions![0]!.fr, ar: 'شرط معدل بالعربية فقط.' }],
    });
    const v = (await inject(editor, 'PATCH', `${M}/cnie-stale/versions/2`, { content: changedFr })).json();
    expect(v.stale).toEqual([
      { field: 'conditions[0]', lang: 'fr' },
      { field: 'summary', lang: 'ar' },
    ]);
    // Saving again without touching those fields keeps the flags.
    const again = (await inject(editor, 'PATCH', `${M}/cnie-stale/versions/2`, { content: changedFr, changeNote: 'x' })).json();
    expect(again.stale).toHaveLength(2);
    // The editor confirms the Arabic summary; the flag goes, the other stays, and survives a save.
    const conf = await inject(editor, 'POST', `${M}/cnie-stale/versions/2/confirm-translations`, {
      flags: [{ field: 'summary', lang: 'ar' }],
    });
    expect(conf.json().stale).toEqual([{ field: 'conditions[0]', lang: 'fr' }]);
    const saved = (await inject(editor, 'PATCH', `${M}/cnie-stale/versions/2`, { content: changedFr })).json();
    expect(saved.stale).toEqual([{ field: 'conditions[0]', lang: 'fr' }]);
    // Published with a flag: the public page in French says which field may be out of date.
    await publish('cnie-stale', 2);
    const fr = (await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-stale?lang=fr')).json();
    expect(fr.possiblyOutdated).toEqual(['conditions[0]']);
    expect((await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-stale?lang=ar')).json().possiblyOutdated).toEqual([]);
    // A next version carries the flag until both languages change.
    await inject(editor, 'POST', `${M}/cnie-stale/versions`, {});
    const both = fixtureContent({
      summary: changedFr.summary,
      conditions: [{ fr: 'Condition réécrite.', ar: 'شرط معاد صياغته.' }],
    });
    expect((await inject(editor, 'PATCH', `${M}/cnie-stale/versions/3`, { content: both })).json().stale).toEqual([]);
  });

  it('lets editors change only their administration’s procedures (scopes)', async () => {
    await create('cnie-scope');
    await expectScoped(
      t.app,
      { method: 'PATCH', url: `${M}/cnie-scope/versions/1`, payload: { changeNote: 'Note' } },
      { allowed: editor, denied: otherEditor },
    );
    // Creating in another administration.
    const res = await inject(otherEditor, 'POST', M, { slug: 'cnie-other', ownerCode: 'DGSN', content: fixtureContent() });
    expect(res.statusCode).toBe(403);
    const count = async () =>
      Number((await rows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM catalog.versions`))[0]!.n);
    await expectScoped(
      t.app,
      { method: 'POST', url: `${M}/cnie-scope/versions/1/actions/submit`, payload: {} },
      { allowed: editor, denied: agent, countRows: count },
    );
    // Lists are filtered in the database.
    const list = (await inject(otherEditor, 'GET', M)).json();
    expect(list.items.some((i: { slug: string }) => i.slug === 'cnie-scope')).toBe(false);
    expect((await inject(editor, 'GET', `${M}?state=submitted`)).json().items.map((i: { slug: string }) => i.slug)).toContain(
      'cnie-scope',
    );
    expect((await inject(otherEditor, 'GET', `${M}/cnie-scope`)).statusCode).toBe(404);
    expect((await inject(null, 'GET', `${M}/cnie-scope`)).statusCode).toBe(401);
    expect((await inject(citizen, 'GET', `${M}/cnie-scope`)).statusCode).toBe(404);
  });

  it('refuses bad inputs with precise problem codes', async () => {
    const base = { slug: 'cnie-bad', ownerCode: 'DGSN', content: fixtureContent() };
    const cases: [unknown, number, string][] = [
      [{ ...base, slug: 'Pas Un Slug' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, ownerCode: 'NOPE' }, 400, 'CATALOG_OWNER_UNKNOWN'],
      [{ ...base, content: { ...fixtureContent(), title: { fr: 'Titre seul' } } }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, content: fixtureContent({ audiences: ['martians' as never] }) }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, content: fixtureContent({ delay: { legal: { ref: 'loi-inconnue' } } }) }, 400, 'CATALOG_LEGAL_REF_UNKNOWN'],
      [{ ...base, content: fixtureContent({ related: ['procedure-qui-n-existe-pas'] }) }, 400, 'CATALOG_RELATED_UNKNOWN'],
      [
        { ...base, content: fixtureContent({ fees: [{ key: 'a', label: { fr: 'a', ar: 'ب' }, amountMad: 1.005 }] }) },
        400,
        'CATALOG_FEE_AMOUNT_INVALID',
      ],
      [
        {
          ...base,
          content: fixtureContent({
            documents: [fixtureContent().documents![1]!, fixtureContent().documents![1]!],
          }),
        },
        400,
        'CATALOG_DUPLICATE_KEY',
      ],
      [{ ...base, effectiveDate: '1900-01-01' }, 400, 'CATALOG_EFFECTIVE_DATE_INVALID'],
      [{ ...base, effectiveDate: '2025-02-30' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, slug: 'cnie-scope' }, 409, 'CATALOG_SLUG_TAKEN'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await inject(editor, 'POST', M, payload);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    expect((await inject(editor, 'POST', `${M}/cnie-scope/versions/1/actions/explode`, {})).statusCode).toBe(400);
    expect((await inject(editor, 'GET', `${M}/nope-nope`)).json().code).toBe('CATALOG_PROCEDURE_NOT_FOUND');
    expect((await inject(null, 'GET', '/api/v1/catalog/items/not-a-uuid')).statusCode).toBe(400);
    const ar = await inject(editor, 'POST', M, { ...base, ownerCode: 'NOPE' }, { 'accept-language': 'ar' });
    expect(ar.json().title).toBe('إدارة غير معروفة: NOPE.');
  });
});

describe('catalog: public page, cache and open data', () => {
  let itemId: string;
  beforeAll(async () => {
    await create('cnie-public');
    await publish('cnie-public');
  });

  it('serves the published version with items, legal references and last update', async () => {
    const res = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=fr');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      slug: 'cnie-public',
      lang: 'fr',
      owner: { code: 'DGSN' },
      version: { number: 1, effectiveDate: '2025-01-01' },
    });
    expect(p.documents[0]).toMatchObject({
      key: 'birth-extract',
      form: 'original',
      copies: 1,
      legal: { ref: 'loi-35-06', article: 'art. 6', title: "Loi n° 35-06 instituant la carte nationale d'identité électronique" },
    });
    expect(p.delay).toMatchObject({ legalDays: 30, legalUnit: 'calendar_days', usual: 'Environ 15 jours' });
    expect(Date.parse(p.lastUpdated)).toBeGreaterThan(Date.now() - 60_000);
    itemId = p.documents[0].id;
    const item = await inject(null, 'GET', `/api/v1/catalog/items/${itemId}?lang=ar`);
    expect(item.json()).toMatchObject({ kind: 'document', key: 'birth-extract', version: { number: 1, state: 'published' } });
    expect(item.json().item.name).toBe('نسخة موجزة من رسم الولادة');
    // English falls back to French when not written.
    expect((await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=en')).json().title).toContain(
      'Carte nationale',
    );
    expect((await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=de')).statusCode).toBe(400);
  });

  it('answers 304 to a matching ETag or Last-Modified and counts views', async () => {
    const first = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=fr');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^W\/".+-fr"$/);
    expect(lastModified).toBeTruthy();
    const hit = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=fr', undefined, { 'if-none-match': etag });
    expect(hit.statusCode).toBe(304);
    expect(hit.body).toBe('');
    const ims = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=fr', undefined, {
      'if-modified-since': lastModified,
    });
    expect(ims.statusCode).toBe(304);
    const old = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=fr', undefined, {
      'if-modified-since': new Date(Date.parse(lastModified) - 3600_000).toUTCString(),
    });
    expect(old.statusCode).toBe(200);
    const otherLang = await inject(null, 'GET', '/api/v1/catalog/procedures/cnie-public?lang=ar', undefined, {
      'if-none-match': etag,
    });
    expect(otherLang.statusCode).toBe(200);
    const [views] = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT sum(count)::int AS n FROM catalog.views_daily WHERE procedure_id = (SELECT id FROM catalog.procedures WHERE slug = 'cnie-public')`,
    );
    expect(views!.n).toBe(7); // 2 above, 5 here (304s count: the page was seen)
  });

  it('changes the ETag of a page when a related procedure changes, and caches published items only', async () => {
    await create('cnie-rel-target');
    await publish('cnie-rel-target');
    await create('cnie-rel-page', { related: ['cnie-rel-target'] });
    await publish('cnie-rel-page');
    const url = '/api/v1/catalog/procedures/cnie-rel-page?lang=fr';
    const first = await inject(null, 'GET', url);
    const etag = first.headers.etag as string;
    expect((await inject(null, 'GET', url, undefined, { 'if-none-match': etag })).statusCode).toBe(304);
    // The related procedure publishes a new title: the page shows it, so its validators change.
    await inject(editor, 'POST', `${M}/cnie-rel-target/versions`, {});
    const retitled = fixtureContent({ title: { fr: 'Procédure liée renommée', ar: 'إجراء مرتبط بعنوان جديد' } });
    expect((await inject(editor, 'PATCH', `${M}/cnie-rel-target/versions/2`, { content: retitled })).statusCode).toBe(200);
    await publish('cnie-rel-target', 2);
    const after = await inject(null, 'GET', url, undefined, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.json().related).toEqual([{ slug: 'cnie-rel-target', title: 'Procédure liée renommée' }]);
    expect(after.headers.etag).not.toBe(etag);
    expect(Date.parse(after.headers['last-modified'] as string)).toBeGreaterThanOrEqual(
      Date.parse(first.headers['last-modified'] as string),
    );
    // Withdrawn: the related link loses its title, the validators change again.
    const etag2 = after.headers.etag as string;
    expect((await act(reviewer, 'cnie-rel-target', 2, 'archive')).statusCode).toBe(200);
    const withdrawn = await inject(null, 'GET', url, undefined, { 'if-none-match': etag2 });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().related).toEqual([{ slug: 'cnie-rel-target', title: null }]);

    // Items: a published item is cacheable; an archived one too, with new validators; a draft's is not.
    const itemId = withdrawn.json().documents[0].id as string;
    const item = await inject(null, 'GET', `/api/v1/catalog/items/${itemId}?lang=fr`);
    expect(item.headers['cache-control']).toContain('public');
    expect(
      (
        await inject(null, 'GET', `/api/v1/catalog/items/${itemId}?lang=fr`, undefined, {
          'if-none-match': item.headers.etag as string,
        })
      ).statusCode,
    ).toBe(304);
    const archivedItem = (await inject(reviewer, 'GET', `${M}/cnie-rel-target/versions/2`)).json().items[0].id as string;
    const a1 = await inject(null, 'GET', `/api/v1/catalog/items/${archivedItem}?lang=fr`);
    expect(a1.json().version).toMatchObject({ state: 'archived', archivedAt: expect.any(String) });
    expect(
      (
        await inject(null, 'GET', `/api/v1/catalog/items/${archivedItem}?lang=fr`, undefined, {
          'if-modified-since': a1.headers['last-modified'] as string,
        })
      ).statusCode,
    ).toBe(304);
    await create('cnie-rel-draft');
    const draftItem = (await inject(editor, 'GET', `${M}/cnie-rel-draft/versions/1`)).json().items[0].id as string;
    const d = await inject(editor, 'GET', `/api/v1/catalog/items/${draftItem}`);
    expect(d.statusCode).toBe(200);
    expect(d.headers['cache-control']).toBe('private, no-store');
    expect(d.headers.etag).toBeUndefined();
  });

  it('exports the published catalog as JSON and CSV, drafts excluded', async () => {
    await create('cnie-draft-only');
    const json = await inject(null, 'GET', '/api/v1/catalog/export.json');
    expect(json.statusCode).toBe(200);
    const data = json.json();
    const slugs = data.procedures.map((p: { slug: string }) => p.slug);
    expect(slugs).toContain('cnie-public');
    expect(slugs).not.toContain('cnie-draft-only');
    const p = data.procedures.find((x: { slug: string }) => x.slug === 'cnie-public');
    expect(p.title.ar).toBe('البطاقة الوطنية للتعريف الإلكترونية — اختبار');
    expect(p.fees[0].amountCentimes).toBe(7500);
    expect(p.items.map((i: { id: string }) => i.id)).toContain(itemId);
    expect(json.headers.etag).toBeTruthy();
    expect(
      (await inject(null, 'GET', '/api/v1/catalog/export.json', undefined, { 'if-none-match': json.headers.etag as string }))
        .statusCode,
    ).toBe(304);

    const csv = await inject(null, 'GET', '/api/v1/catalog/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['id', 'slug', 'owner']);
    const line = lines.find((l) => l.includes('"cnie-public"'))!;
    expect(line).toContain('"البطاقة الوطنية للتعريف الإلكترونية — اختبار"');
    expect(line).toContain('"Timbre: 75.00 MAD"');
    expect(lines.some((l) => l.includes('cnie-draft-only'))).toBe(false);
    expect(lines).toHaveLength(data.count + 1);
  });

  it('lists every published procedure in /sitemap.xml with French and Arabic addresses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const base = t.config.publicUrl.replace(/\/$/, '');
    expect(res.body).toContain(`<loc>${base}/procedures/cnie-public?lang=fr</loc>`);
    expect(res.body).toContain(`<loc>${base}/procedures/cnie-public?lang=ar</loc>`);
    expect(res.body).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${base}/procedures/cnie-public?lang=ar"/>`);
    expect(res.body).not.toContain('cnie-draft-only');
    const count = (res.body.match(/<url>/g) ?? []).length;
    const [n] = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM catalog.procedures WHERE published_version_id IS NOT NULL`,
    );
    expect(count).toBeGreaterThanOrEqual(2 * n!.n);
    expect(
      (await t.app.inject({ method: 'GET', url: '/sitemap.xml', headers: { 'if-none-match': res.headers.etag as string } }))
        .statusCode,
    ).toBe(304);
  });

  it.skipIf(TEST_DB !== 'postgres')('keeps one draft when two editors open one at the same time', async () => {
    await create('cnie-race');
    await publish('cnie-race');
    const results = await Promise.all([
      inject(editor, 'POST', `${M}/cnie-race/versions`, {}),
      inject(editor, 'POST', `${M}/cnie-race/versions`, {}),
      inject(editor, 'POST', `${M}/cnie-race/versions`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it.skipIf(TEST_DB !== 'postgres')(
    'publishes once when two reviewers publish at the same time, and counts parallel views exactly',
    async () => {
      await create('cnie-race-publish');
      expect((await act(editor, 'cnie-race-publish', 1, 'submit')).statusCode).toBe(200);
      const results = await Promise.all([
        act(reviewer, 'cnie-race-publish', 1, 'publish'),
        act(reviewer, 'cnie-race-publish', 1, 'publish'),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const [h] = await rows<{ n: number }>(
        t.handle.db,
        sql`SELECT count(*)::int AS n FROM core.workflow_actions WHERE action = 'publish' AND entity_id =
            (SELECT published_version_id FROM catalog.procedures WHERE slug = 'cnie-race-publish')`,
      );
      expect(h!.n).toBe(1);
      await Promise.all(Array.from({ length: 20 }, () => inject(null, 'GET', '/api/v1/catalog/procedures/cnie-race-publish')));
      const [v] = await rows<{ n: number }>(
        t.handle.db,
        sql`SELECT sum(count)::int AS n FROM catalog.views_daily WHERE procedure_id = (SELECT id FROM catalog.procedures WHERE slug = 'cnie-race-publish')`,
      );
      expect(v!.n).toBe(20);
    },
  );
});
