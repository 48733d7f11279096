import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { createLogger } from '../../core/logger';
import { testApp, type TestApp } from '../../test/harness';
import { demoProcedures } from './content';
import { seedCatalogDemo, seedProcedures } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('catalog demo seed', () => {
  it('publishes every demo procedure once, owned by its administration, and is idempotent', async () => {
    const count = async () =>
      (
        await rows<{ n: number; published: number; versions: number }>(
          t.handle.db,
          sql`SELECT count(*)::int AS n, count(published_version_id)::int AS published,
                     (SELECT count(*)::int FROM catalog.versions) AS versions
              FROM catalog.procedures`,
        )
      )[0]!;
    const before = await count();
    expect(before.n).toBe(demoProcedures.length);
    expect(before.published).toBe(demoProcedures.length);
    await seedCatalogDemo({ db: t.handle.db, config: t.config, log: createLogger('silent') });
    expect(await count()).toEqual(before);
    const wrongOwner = await rows<{ slug: string }>(
      t.handle.db,
      sql`SELECT p.slug FROM catalog.procedures p JOIN core.organisations o ON o.id = p.owner_org_id
          WHERE o.code = 'MA'`,
    );
    expect(wrongOwner).toEqual([]);
    const v = await rows<{ effective_date: string; state: string; history: number }>(
      t.handle.db,
      sql`SELECT v.effective_date::text AS effective_date, v.state,
                 (SELECT count(*)::int FROM core.workflow_actions w WHERE w.entity_id = v.id) AS history
          FROM catalog.versions v LIMIT 5`,
    );
    for (const x of v) expect(x).toEqual({ effective_date: '2025-01-01', state: 'published', history: 2 });
  });

  it('loads a list in the demo format (fixture) and skips existing slugs', async () => {
    const src = demoProcedures[0];
    if (!src) return;
    const copy = { ...src, slug: `${src.slug}-copie`, related: [src.slug, 'inconnue'] };
    const log = createLogger('silent');
    expect(await seedProcedures(t.handle.db, log, [src, copy])).toBe(1);
    expect(await seedProcedures(t.handle.db, log, [src, copy])).toBe(0);
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/procedures/${copy.slug}?lang=ar` });
    expect(page.statusCode).toBe(200);
    expect(page.json().title).toBe(src.title.ar);
    expect(page.json().related.map((r: { slug: string }) => r.slug)).toEqual([src.slug]);
  });

  it('creates the catalog demo accounts with their roles', async () => {
    const r = await rows<{ email: string; role: string; org: string; descendants: boolean }>(
      t.handle.db,
      sql`SELECT u.email, r.code AS role, o.code AS org, g.include_descendants AS descendants
          FROM core.users u JOIN core.role_grants g ON g.user_id = u.id JOIN core.roles r ON r.id = g.role_id
          JOIN core.organisations o ON o.id = g.org_id
          WHERE u.email LIKE '%.catalog@demo.raqmana.ma' ORDER BY u.email`,
    );
    expect(r).toEqual([
      { email: 'commune.catalog@demo.raqmana.ma', role: 'catalog_editor', org: 'COM-HARHOURA', descendants: false },
      { email: 'editor.catalog@demo.raqmana.ma', role: 'catalog_editor', org: 'MIN-INTERIEUR', descendants: true },
      { email: 'reviewer.catalog@demo.raqmana.ma', role: 'catalog_reviewer', org: 'MA', descendants: true },
    ]);
  });
});
