/**
 * Scheduled versions (ADR 0011, amendment): a version published with a future effective date
 * waits, the version in force stays public everywhere (page, search, sitemap, open data, items),
 * and on its day (00:00 Africa/Casablanca) it takes effect without anybody acting.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { createLogger } from '../../core/logger';
import { processOutbox } from '../../core/notify/worker';
import { addDays, localDay, startOfLocalDay } from '../../core/workflow/calendar';
import { login, testApp, type Session, type TestApp, asSession, type SessionRequest } from '../../test/harness';
import { takeDueVersions } from './commands/schedule';
import { fixtureContent } from './fixtures.test-data';

let t: TestApp;
let editor: Session;
let reviewer: Session;

const M = '/api/v1/catalog/manage/procedures';
const P = '/api/v1/catalog/procedures';
const inject = (...r: SessionRequest) => asSession(t.app, ...r);
const act = (s: Session, slug: string, n: number, action: string) =>
  inject(s, 'POST', `${M}/${slug}/versions/${n}/actions/${action}`, {});

const today = () => localDay(new Date());
const tomorrow = () => addDays(today(), 1);

/** A procedure with version 1 in force since 2025-01-01, titled `word`. */
async function inForce(slug: string, word: string) {
  const base = fixtureContent();
  const res = await inject(editor, 'POST', M, {
    slug,
    ownerCode: 'DGSN',
    effectiveDate: '2025-01-01',
    content: { ...base, title: { fr: `${word} ancien régime`, ar: `${base.title.ar} ${slug}` } },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect((await act(editor, slug, 1, 'submit')).statusCode).toBe(200);
  expect((await act(reviewer, slug, 1, 'publish')).json().state).toBe('published');
}

/** Opens version `n` dated `effectiveDate`, titled `title`, and submits it. */
async function submitted(slug: string, n: number, effectiveDate: string, title: string) {
  const draft = await inject(editor, 'POST', `${M}/${slug}/versions`, { effectiveDate });
  expect(draft.statusCode, draft.body).toBe(201);
  expect(draft.json().number).toBe(n);
  const base = fixtureContent();
  const patch = await inject(editor, 'PATCH', `${M}/${slug}/versions/${n}`, {
    content: { ...base, title: { fr: title, ar: `${base.title.ar} ${slug} ${n}` } },
  });
  expect(patch.statusCode, patch.body).toBe(200);
  expect((await act(editor, slug, n, 'submit')).statusCode).toBe(200);
}

const page = (slug: string, headers: Record<string, string> = {}) => inject(null, 'GET', `${P}/${slug}`, undefined, headers);
const searchSlugs = async (q: string) =>
  ((await inject(null, 'GET', `${P}?q=${encodeURIComponent(q)}&lang=fr`)).json().items as { slug: string }[]).map((i) => i.slug);
const exported = async (slug: string) =>
  ((await inject(null, 'GET', '/api/v1/catalog/export.json')).json().procedures as { slug: string; version: number }[]).find(
    (p) => p.slug === slug,
  );
const csvLine = async (slug: string) =>
  (await inject(null, 'GET', '/api/v1/catalog/export.csv')).body.split('\n').find((l) => l.includes(`/procedures/${slug}`)) ?? '';

beforeAll(async () => {
  t = await testApp();
  editor = await login(t.app, 'editor.catalog@demo.raqmana.ma');
  reviewer = await login(t.app, 'reviewer.catalog@demo.raqmana.ma');
});
afterAll(() => t?.close());

describe('catalog: scheduled versions', () => {
  it('keeps the version in force public until the effective day, then switches everywhere at 00:00 Casablanca', async () => {
    const slug = 'cnie-programmee';
    await inForce(slug, 'Zarkonite');
    const before = await page(slug);
    expect(before.statusCode).toBe(200);
    const etag1 = before.headers.etag as string;
    const exportEtag1 = (await inject(null, 'GET', '/api/v1/catalog/export.json')).headers.etag as string;
    const sitemap1 = await inject(null, 'GET', '/sitemap.xml');

    await submitted(slug, 2, tomorrow(), 'Quorbazine nouveau régime');
    const pub = await act(reviewer, slug, 2, 'publish');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'scheduled', effectiveDate: tomorrow(), publishedAt: null });
    expect(pub.json().actions).toEqual([{ action: 'archive', to: 'archived', requiresComment: false }]);
    const proc = (await inject(reviewer, 'GET', `${M}/${slug}`)).json();
    expect(proc).toMatchObject({ publishedVersion: 1, scheduledVersion: { number: 2, effectiveDate: tomorrow() } });
    const listed = (await inject(reviewer, 'GET', `${M}?state=scheduled`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ slug, state: 'scheduled', effectiveDate: tomorrow() })]);

    // Still version 1 on the page (same validators), in search, in open data, in the sitemap.
    const still = await page(slug);
    expect(still.json()).toMatchObject({ title: 'Zarkonite ancien régime', version: { number: 1, effectiveDate: '2025-01-01' } });
    expect(still.headers.etag).toBe(etag1);
    expect((await page(slug, { 'if-none-match': etag1 })).statusCode).toBe(304);
    expect(await searchSlugs('Zarkonite')).toContain(slug);
    expect(await searchSlugs('Quorbazine')).not.toContain(slug);
    expect((await exported(slug))?.version).toBe(1);
    expect(await csvLine(slug)).toContain('Zarkonite');
    expect((await inject(null, 'GET', '/api/v1/catalog/export.json')).headers.etag).toBe(exportEtag1);
    expect((await inject(null, 'GET', '/sitemap.xml')).headers.etag).toBe(sitemap1.headers.etag);
    // The scheduled version's items are not public yet (its editors and reviewers see them).
    const v2Item = pub.json().items[0].id as string;
    expect((await inject(null, 'GET', `/api/v1/catalog/items/${v2Item}`)).statusCode).toBe(404);
    expect((await inject(reviewer, 'GET', `/api/v1/catalog/items/${v2Item}`)).statusCode).toBe(200);

    // The worker's event waits for 00:00 Africa/Casablanca of the effective day (stored in UTC).
    const [ev] = await rows<{ available_at: Date | string }>(
      t.handle.db,
      sql`SELECT available_at FROM core.outbox WHERE topic = 'catalog.version.due' AND payload->>'versionId' = ${pub.json().id}`,
    );
    const midnight = startOfLocalDay(tomorrow());
    expect(new Date(ev!.available_at).toISOString()).toBe(midnight.toISOString());

    // One millisecond before that day nothing happens; at the day's first instant the version takes effect.
    expect(await takeDueVersions(t.handle.db, new Date(midnight.getTime() - 1))).toEqual([]);
    expect(await takeDueVersions(t.handle.db, midnight)).toEqual([{ slug, number: 2, effectiveDate: tomorrow(), archived: 1 }]);
    expect(await takeDueVersions(t.handle.db, midnight)).toEqual([]); // idempotent

    const after = await page(slug);
    expect(after.json()).toMatchObject({ title: 'Quorbazine nouveau régime', version: { number: 2, effectiveDate: tomorrow() } });
    expect(after.headers.etag).not.toBe(etag1);
    expect((await page(slug, { 'if-none-match': etag1 })).statusCode).toBe(200);
    expect(await searchSlugs('Quorbazine')).toContain(slug);
    expect(await searchSlugs('Zarkonite')).not.toContain(slug);
    expect((await exported(slug))?.version).toBe(2);
    expect(await csvLine(slug)).toContain('Quorbazine');
    expect((await inject(null, 'GET', '/api/v1/catalog/export.json')).headers.etag).not.toBe(exportEtag1);
    expect((await inject(null, 'GET', '/sitemap.xml')).headers.etag).not.toBe(sitemap1.headers.etag);
    expect((await inject(null, 'GET', `/api/v1/catalog/items/${v2Item}`)).statusCode).toBe(200);

    const managed = (await inject(reviewer, 'GET', `${M}/${slug}`)).json();
    expect(managed).toMatchObject({ publishedVersion: 2, scheduledVersion: null });
    expect(managed.versions.map((v: { number: number; state: string }) => `${v.number}:${v.state}`)).toEqual([
      '2:published',
      '1:archived',
    ]);
    // The audit trail says the system did it.
    const audited = await rows<{ action: string; actor_kind: string }>(
      t.handle.db,
      sql`SELECT action, actor_kind FROM core.audit_log WHERE entity_id IN (SELECT id::text FROM catalog.versions WHERE procedure_id =
            (SELECT id FROM catalog.procedures WHERE slug = ${slug})) AND action IN ('catalog.version.schedule',
            'catalog.version.take_effect', 'catalog.version.archive') ORDER BY seq`,
    );
    expect(audited).toEqual([
      { action: 'catalog.version.schedule', actor_kind: 'agent' },
      { action: 'catalog.version.take_effect', actor_kind: 'system' },
      { action: 'catalog.version.archive', actor_kind: 'system' },
    ]);
    const v2 = (await inject(reviewer, 'GET', `${M}/${slug}/versions/2`)).json();
    expect(v2.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'schedule', 'take_effect']);
  });

  it('takes effect through the outbox worker, not before its day (an early delivery is retried)', async () => {
    const slug = 'passeport-programme';
    await inForce(slug, 'Vexilor');
    await submitted(slug, 2, tomorrow(), 'Plumbazar nouveau régime');
    const pub = await act(reviewer, slug, 2, 'publish');
    expect(pub.json().state).toBe('scheduled');
    const log = createLogger('silent');
    const deliver = async () => {
      await t.handle.db.execute(
        sql`UPDATE core.outbox SET available_at = now() - interval '1 second'
            WHERE topic = 'catalog.version.due' AND processed_at IS NULL AND failed_at IS NULL`,
      );
      await processOutbox(t.handle.db, t.config, log);
    };
    // Delivered too early (clocks apart): nothing changes and the event stays pending with its error.
    await deliver();
    expect((await page(slug)).json().version.number).toBe(1);
    const [pending] = await rows<{ processed_at: unknown; last_error: string | null }>(
      t.handle.db,
      sql`SELECT processed_at, last_error FROM core.outbox WHERE payload->>'versionId' = ${pub.json().id}`,
    );
    expect(pending).toMatchObject({ processed_at: null });
    expect(pending!.last_error).toContain('CATALOG_VERSION_NOT_DUE');
    // The day has come (the effective date moved to today in the database): the worker switches it.
    await t.handle.db.execute(sql`UPDATE catalog.versions SET effective_date = ${today()} WHERE id = ${pub.json().id}`);
    await deliver();
    const now = (await page(slug)).json();
    expect(now).toMatchObject({ title: 'Plumbazar nouveau régime', version: { number: 2, effectiveDate: today() } });
    expect(await searchSlugs('Plumbazar')).toContain(slug);
    const [done] = await rows<{ processed_at: unknown }>(
      t.handle.db,
      sql`SELECT processed_at FROM core.outbox WHERE payload->>'versionId' = ${pub.json().id}`,
    );
    expect(done!.processed_at).not.toBeNull();
  });

  it('publishes at once with an effective date of today or in the past', async () => {
    const slug = 'permis-immediat';
    await inForce(slug, 'Ondrivel');
    await submitted(slug, 2, today(), 'Ondrivel aujourd’hui');
    expect((await act(reviewer, slug, 2, 'publish')).json()).toMatchObject({ state: 'published', effectiveDate: today() });
    expect((await page(slug)).json().version.number).toBe(2);
    await submitted(slug, 3, today(), 'Ondrivel correction');
    expect((await act(reviewer, slug, 3, 'publish')).json().state).toBe('published');
    // No date given: in force today (Casablanca).
    const d4 = await inject(editor, 'POST', `${M}/${slug}/versions`, {});
    expect(d4.json().effectiveDate).toBeNull();
    expect((await act(editor, slug, 4, 'submit')).statusCode).toBe(200);
    expect((await act(reviewer, slug, 4, 'publish')).json()).toMatchObject({ state: 'published', effectiveDate: today() });
  });

  it('refuses what would make the order in force ambiguous, with problem+json', async () => {
    const slug = 'casier-ordre';
    await inForce(slug, 'Gravelin');
    // A date before that of the version in force (2025-01-01).
    await submitted(slug, 2, '2024-06-30', 'Gravelin antidaté');
    const early = await act(reviewer, slug, 2, 'publish');
    expect(early.statusCode).toBe(400);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({
      code: 'CATALOG_EFFECTIVE_DATE_BEFORE_CURRENT',
      errors: [{ path: 'effectiveDate', code: 'CATALOG_EFFECTIVE_DATE_BEFORE_CURRENT' }],
    });
    expect(early.json().detail).toContain('2025-01-01');
    // Nothing was archived or changed by the refusal.
    expect((await inject(reviewer, 'GET', `${M}/${slug}/versions/2`)).json().state).toBe('submitted');
    expect((await page(slug)).json().version.number).toBe(1);
    await act(reviewer, slug, 2, 'archive').then((r) => expect(r.statusCode).toBe(409)); // submitted: not archivable
    await inject(reviewer, 'POST', `${M}/${slug}/versions/2/actions/request_changes`, { comment: 'Date ?' });
    await inject(editor, 'PATCH', `${M}/${slug}/versions/2`, { effectiveDate: addDays(today(), 30) });
    await act(editor, slug, 2, 'submit');
    expect((await act(reviewer, slug, 2, 'publish')).json().state).toBe('scheduled');

    // While version 2 waits, a new draft starts from it, and cannot be published before it takes effect.
    await submitted(slug, 3, addDays(today(), 60), 'Gravelin suivant');
    const base = (await inject(reviewer, 'GET', `${M}/${slug}/versions/3/diff`)).json();
    expect(base.against).toBe(2);
    const blocked = await act(reviewer, slug, 3, 'publish');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('CATALOG_VERSION_SCHEDULED');
    expect(blocked.json().detail).toContain(addDays(today(), 30));
    // Taking effect is not an API action.
    expect((await act(reviewer, slug, 2, 'take_effect')).statusCode).toBe(400);
    expect((await act(reviewer, slug, 2, 'schedule')).statusCode).toBe(400);

    // Withdrawn before its day: archived, version 1 stays in force, the worker's event does nothing.
    const withdrawn = await act(reviewer, slug, 2, 'archive');
    expect(withdrawn.json()).toMatchObject({ state: 'archived' });
    expect(await takeDueVersions(t.handle.db, startOfLocalDay(addDays(today(), 31)))).toEqual([]);
    expect((await page(slug)).json().version.number).toBe(1);
    // Now version 3 may be scheduled.
    expect((await act(reviewer, slug, 3, 'publish')).json().state).toBe('scheduled');
  });
});
