import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { login, testApp, type Session, type TestApp, asSession, type SessionRequest } from '../../test/harness';
import { expectScoped } from '../../test/scopes';
import { fixtureContent } from './fixtures.test-data';

let t: TestApp;
let editor: Session; // catalog_editor on MIN-INTERIEUR and below (answers DGSN's reports)
let reviewer: Session;
let otherEditor: Session; // catalog_editor on DGI only
let citizen: Session;
let company: Session;
let agent: Session;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let baseline: any;

const M = '/api/v1/catalog/manage/procedures';
const P = '/api/v1/catalog/procedures';
const inject = (...r: SessionRequest) => asSession(t.app, ...r);

async function publishedProcedure(slug: string, ownerCode = 'DGSN', by = editor) {
  const c = await inject(by, 'POST', M, { slug, ownerCode, content: fixtureContent() });
  expect(c.statusCode, c.body).toBe(201);
  await inject(by, 'POST', `${M}/${slug}/versions/1/actions/submit`, {});
  const p = await inject(reviewer, 'POST', `${M}/${slug}/versions/1/actions/publish`, {});
  expect(p.statusCode, p.body).toBe(200);
}

beforeAll(async () => {
  t = await testApp();
  await t.handle.db.execute(
    sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
        SELECT gen_random_uuid(), u.id, r.id, o.id, false FROM core.users u, core.roles r, core.organisations o
        WHERE u.email = 'agent.skhirate@demo.raqmana.ma' AND r.code = 'catalog_editor' AND o.code = 'DGI'`,
  );
  editor = await login(t.app, 'editor.catalog@demo.raqmana.ma');
  reviewer = await login(t.app, 'reviewer.catalog@demo.raqmana.ma');
  otherEditor = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
  citizen = await login(t.app, 'citizen@demo.raqmana.ma');
  company = await login(t.app, 'company@demo.raqmana.ma');
  agent = await login(t.app, 'agent.temara@demo.raqmana.ma');
  // The demo activity (views and ratings of the demo catalog) is the baseline.
  baseline = (await inject(editor, 'GET', '/api/v1/catalog/indicators?org=DGSN&months=6')).json();
  await publishedProcedure('fb-cnie');
  await publishedProcedure('fb-dgi', 'DGI', otherEditor);
});
afterAll(() => t?.close());

describe('catalog feedback', () => {
  it('takes "was this useful", a rating and a comment, anonymously or signed in', async () => {
    const anon = await inject(null, 'POST', `${P}/fb-cnie/feedback`, { useful: true, rating: 5 });
    expect(anon.statusCode, anon.body).toBe(201);
    expect(
      (await inject(citizen, 'POST', `${P}/fb-cnie/feedback`, { useful: false, rating: 2, comment: 'Il manque la photo.' }))
        .statusCode,
    ).toBe(201);
    expect((await inject(null, 'POST', `${P}/fb-cnie/feedback`, { useful: true })).statusCode).toBe(201);
    const [row] = await rows<{ n: number; signed: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n, count(user_id)::int AS signed FROM catalog.feedback
          WHERE procedure_id = (SELECT id FROM catalog.procedures WHERE slug = 'fb-cnie')`,
    );
    expect(row).toEqual({ n: 3, signed: 1 });
    const [audited] = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM core.audit_log WHERE action = 'catalog.feedback.given'`,
    );
    expect(audited!.n).toBe(3);
  });

  it('lists ratings and comments to the administration in scope', async () => {
    const list = (await inject(editor, 'GET', '/api/v1/catalog/feedback?slug=fb-cnie&withComment=true')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      slug: 'fb-cnie',
      rating: 2,
      useful: false,
      comment: 'Il manque la photo.',
      versionNumber: 1,
    });
    expect((await inject(otherEditor, 'GET', '/api/v1/catalog/feedback?slug=fb-cnie')).json().total).toBe(0);
    expect((await inject(citizen, 'GET', '/api/v1/catalog/feedback')).json().total).toBe(0);
    expect((await inject(null, 'GET', '/api/v1/catalog/feedback')).statusCode).toBe(401);
  });

  it('refuses bad feedback', async () => {
    for (const [payload, code] of [
      [{}, 'CORE_VALIDATION_FAILED'],
      [{ rating: 6 }, 'CORE_VALIDATION_FAILED'],
      [{ rating: 2.5 }, 'CORE_VALIDATION_FAILED'],
      [{ comment: 'x'.repeat(2001) }, 'CORE_VALIDATION_FAILED'],
      [{ useful: 'yes' }, 'CORE_VALIDATION_FAILED'],
    ] as const) {
      const res = await inject(null, 'POST', `${P}/fb-cnie/feedback`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect((await inject(null, 'POST', `${P}/nope/feedback`, { useful: true })).json().code).toBe('CATALOG_PROCEDURE_NOT_FOUND');
  });

  it('rate-limits anonymous feedback', async () => {
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${P}/fb-cnie/feedback`,
        payload: { useful: true },
        remoteAddress: '10.250.0.1',
      });
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});

describe('catalog reports of unlisted documents (law 55.19)', () => {
  let reportId: string;

  it('takes a signed-in citizen’s report, routed to the owning administration', async () => {
    const body = { document: 'Certificat de résidence', occurredOn: '2026-10-02', orgText: 'Commissariat de Témara' };
    expect((await inject(null, 'POST', `${P}/fb-cnie/reports`, body)).statusCode).toBe(401);
    const byAgent = await inject(agent, 'POST', `${P}/fb-cnie/reports`, body);
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().code).toBe('CATALOG_CITIZENS_ONLY');
    const res = await inject(citizen, 'POST', `${P}/fb-cnie/reports`, body);
    expect(res.statusCode, res.body).toBe(201);
    reportId = res.json().id;
    expect(res.json().status).toBe('open');
    // Routed to DGSN (the owner): its editor sees it, DGI's does not.
    const list = (await inject(editor, 'GET', '/api/v1/catalog/reports?status=open')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(reportId);
    expect(list.items.find((r: { id: string }) => r.id === reportId)).toMatchObject({
      org: { code: 'DGSN' },
      orgText: 'Commissariat de Témara',
    });
    expect(
      (await inject(otherEditor, 'GET', '/api/v1/catalog/reports')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(reportId);
    // A report naming an administration by code goes there.
    const toDgi = await inject(company, 'POST', `${P}/fb-cnie/reports`, {
      document: 'Attestation fiscale',
      occurredOn: '2026-09-01',
      orgCode: 'DGI',
    });
    expect(toDgi.statusCode, toDgi.body).toBe(201);
    expect((await inject(otherEditor, 'GET', '/api/v1/catalog/reports')).json().items.map((r: { id: string }) => r.id)).toContain(
      toDgi.json().id,
    );
  });

  it('refuses bad reports', async () => {
    const base = { document: 'Copie certifiée', occurredOn: '2026-10-02', orgText: 'Une administration' };
    const cases: [unknown, number, string][] = [
      [{ ...base, occurredOn: '2999-01-01' }, 400, 'CATALOG_REPORT_DATE_INVALID'],
      [{ ...base, occurredOn: '02/10/2026' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ document: 'x', occurredOn: '2026-10-02', orgText: 'Une administration' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ document: 'Copie', occurredOn: '2026-10-02' }, 400, 'CORE_VALIDATION_FAILED'],
      [{ ...base, orgCode: 'NOPE' }, 400, 'CATALOG_REPORT_ORG_UNKNOWN'],
      [{ ...base, itemId: '0190f0aa-0000-7000-8000-000000000001' }, 400, 'CATALOG_ITEM_NOT_FOUND'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await inject(citizen, 'POST', `${P}/fb-cnie/reports`, payload);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
  });

  it('is answered by the administration in scope; the reporter follows it and is notified', async () => {
    const answer = { answer: 'Le certificat de résidence n’est pas exigible : rappel fait au service.' };
    // Scope: DGI's editor gets 404 (the report does not exist for them), DGSN's answers.
    await expectScoped(
      t.app,
      { method: 'POST', url: `/api/v1/catalog/reports/${reportId}/answer`, payload: answer },
      { allowed: editor, denied: otherEditor, deniedStatus: 404 },
    );
    const again = await inject(editor, 'POST', `/api/v1/catalog/reports/${reportId}/answer`, answer);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CATALOG_REPORT_ALREADY_ANSWERED');
    const mine = (await inject(citizen, 'GET', '/api/v1/catalog/my-reports')).json();
    expect(mine.items.find((r: { id: string }) => r.id === reportId)).toMatchObject({
      status: 'answered',
      answer: answer.answer,
    });
    expect(
      (await inject(company, 'GET', '/api/v1/catalog/my-reports')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(reportId);
    expect((await inject(null, 'GET', '/api/v1/catalog/my-reports')).statusCode).toBe(401);
    const notes = (await inject(citizen, 'GET', '/api/v1/notifications')).json();
    expect(notes.items).toContainEqual(
      expect.objectContaining({
        kind: 'catalog.report.answered',
        titleKey: 'catalog.notifications.reportAnswered',
        link: `/me/reports#report-${reportId}`,
        // Translated by the server in the request's language (French by default).
        title: expect.stringMatching(/^Votre signalement sur « .+ » a reçu une réponse\.$/),
      }),
    );
    const [audited] = await rows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM core.audit_log WHERE action = 'catalog.report.answered' AND entity_id = ${reportId}`,
    );
    expect(audited!.n).toBe(1);
  });
});

describe('catalog indicators', () => {
  it('gives an administration’s and a territory’s figures, with monthly series', async () => {
    await inject(null, 'GET', `${P}/fb-cnie?lang=fr`);
    await inject(null, 'GET', `${P}/fb-cnie?lang=ar`);
    const month = new Date().toISOString().slice(0, 7);
    const res = await inject(editor, 'GET', '/api/v1/catalog/indicators?org=DGSN&months=6');
    expect(res.statusCode, res.body).toBe(200);
    const ind = res.json();
    expect(ind.months).toHaveLength(6);
    expect(ind.months.at(-1)).toBe(month);
    expect(ind.procedures.published).toBe(baseline.procedures.published + 1);
    expect(ind.procedures.freshness.under90Days).toBeGreaterThanOrEqual(1);
    expect(ind.views.total).toBe(baseline.views.total + 2);
    expect(ind.views.series.at(-1)).toEqual({ month, count: baseline.views.series.at(-1).count + 2 });
    // 2 ratings here (5 and 2); usefulness: yes, no, yes and the rate-limit test's anonymous yeses.
    expect(ind.ratings.count).toBe(baseline.ratings.count + 2);
    const expectedAverage = (baseline.ratings.average * baseline.ratings.count + 7) / (baseline.ratings.count + 2);
    expect(Math.abs(ind.ratings.average - expectedAverage)).toBeLessThan(0.011);
    expect(ind.ratings.usefulAnswers).toBeGreaterThanOrEqual(baseline.ratings.usefulAnswers + 3);
    expect(ind.ratings.usefulPercent).toBeGreaterThan(50);
    expect(ind.reports).toMatchObject({ total: 1, answered: 1, open: 0 });
    expect(ind.reports.medianAnswerHours).toBeGreaterThanOrEqual(0);
    expect(ind.reports.series.at(-1)).toMatchObject({ month, received: 1, answered: 1 });
    // The Ministry of the Interior (territory: everything below it) includes DGSN's figures.
    const min = (await inject(editor, 'GET', '/api/v1/catalog/indicators?org=MIN-INTERIEUR')).json();
    expect(min.ratings.count).toBeGreaterThanOrEqual(ind.ratings.count);
    expect(min.months).toHaveLength(12);
    // Scope: DGI's editor cannot read DGSN's indicators; a citizen neither.
    expect((await inject(otherEditor, 'GET', '/api/v1/catalog/indicators?org=DGSN')).statusCode).toBe(403);
    expect((await inject(citizen, 'GET', '/api/v1/catalog/indicators?org=DGSN')).statusCode).toBe(403);
    expect((await inject(otherEditor, 'GET', '/api/v1/catalog/indicators?org=DGI')).json().reports.total).toBe(1);
    expect((await inject(editor, 'GET', '/api/v1/catalog/indicators?org=NOPE')).json().code).toBe('CATALOG_ORG_NOT_FOUND');
    expect((await inject(editor, 'GET', '/api/v1/catalog/indicators?org=DGSN&months=99')).statusCode).toBe(400);
  });
});
