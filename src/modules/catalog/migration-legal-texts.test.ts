/**
 * The data migration of ADR 0022 (migrations/0016): versions written before shared legal texts
 * and fee kinds (inline legal texts, fees with only an amount) are rewritten in place — items keep
 * their ids, the same text in two procedures becomes one shared text — and running it again
 * changes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../core/db/client';
import { migrationsFolder } from '../../core/db/migrate';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { fixtureContent } from './fixtures.test-data';

let t: TestApp;
let editor: Session;
const M = '/api/v1/catalog/manage/procedures';

const migration = readFileSync(path.join(migrationsFolder, '0016_catalog_shared_legal_texts_fee_kinds.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);
const runMigration = async () => {
  for (const statement of migration) await t.handle.db.execute(sql.raw(statement));
};

beforeAll(async () => {
  t = await testApp();
  editor = await login(t.app, 'editor.catalog@demo.raqmana.ma');
});
afterAll(() => t?.close());

describe('catalog: data migration to shared legal texts and fee kinds', () => {
  it('rewrites old versions in place, keeps item ids, deduplicates texts, and is idempotent', async () => {
    for (const slug of ['mig-a', 'mig-b']) {
      const res = await t.app.inject({
        method: 'POST',
        url: M,
        headers: editor.headers,
        payload: { slug, ownerCode: 'DGSN', content: fixtureContent() },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // Back to the shape written before ADR 0022: inline texts, fees without kind, items without references.
    const old = (slug: string, titleFr: string) => sql`
      UPDATE catalog.versions v SET content = jsonb_set(jsonb_set(v.content, '{legalBasis}',
          jsonb_build_array(jsonb_build_object('id', 'loi-mig-99', 'title', jsonb_build_object('fr', ${titleFr}::text, 'ar', 'القانون رقم 12.34'))
            || CASE WHEN ${slug} = 'mig-a' THEN '{"bulletin":"BO n° 1"}'::jsonb ELSE '{}'::jsonb END)),
        '{fees}', jsonb_build_array(jsonb_build_object('key', 'stamp', 'label', jsonb_build_object('fr', 'Timbre', 'ar', 'تنبر'), 'amountMad', 75, 'legal', jsonb_build_object('ref', 'loi-mig-99', 'article', 'art. 3'))))
      FROM catalog.procedures p WHERE p.id = v.procedure_id AND p.slug = ${slug}`;
    await t.handle.db.execute(old('mig-a', 'Loi n° 12-34 de test'));
    await t.handle.db.execute(old('mig-b', 'Loi n° 12-34 de test (titre divergent)'));
    await t.handle.db.execute(sql`UPDATE catalog.items SET fee_kind = NULL, legal_text_id = NULL, legal_article = NULL
      WHERE procedure_id IN (SELECT id FROM catalog.procedures WHERE slug IN ('mig-a', 'mig-b'))`);
    await t.handle.db.execute(sql`DELETE FROM catalog.legal_texts WHERE code = 'loi-mig-99'`);
    const itemsBefore = await rows<{ id: string }>(
      t.handle.db,
      sql`SELECT i.id FROM catalog.items i JOIN catalog.procedures p ON p.id = i.procedure_id WHERE p.slug IN ('mig-a', 'mig-b') ORDER BY i.id`,
    );

    await runMigration();
    await runMigration(); // idempotent

    const texts = await rows<{ id: string; kind: string; number: string | null; title_fr: string; bulletin: string | null }>(
      t.handle.db,
      sql`SELECT id, kind, number, title_fr, bulletin FROM catalog.legal_texts WHERE code = 'loi-mig-99'`,
    );
    expect(texts).toHaveLength(1);
    // The most complete copy (with its bulletin) is kept.
    expect(texts[0]).toMatchObject({ kind: 'law', number: '12-34', title_fr: 'Loi n° 12-34 de test', bulletin: 'BO n° 1' });
    const versions = await rows<{ content: { legalBasis: unknown[]; fees: { kind: string; amountMad: number }[] } }>(
      t.handle.db,
      sql`SELECT v.content FROM catalog.versions v JOIN catalog.procedures p ON p.id = v.procedure_id WHERE p.slug IN ('mig-a', 'mig-b')`,
    );
    for (const v of versions) {
      expect(v.content.legalBasis).toEqual([{ id: 'loi-mig-99', textId: texts[0]!.id }]);
      expect(v.content.fees[0]).toMatchObject({ kind: 'fixed', amountMad: 75 });
    }
    const items = await rows<{
      id: string;
      kind: string;
      fee_kind: string | null;
      legal_text_id: string | null;
      legal_article: string | null;
    }>(
      t.handle.db,
      sql`SELECT i.id, i.kind, i.fee_kind, i.legal_text_id, i.legal_article FROM catalog.items i JOIN catalog.procedures p ON p.id = i.procedure_id
          WHERE p.slug IN ('mig-a', 'mig-b') ORDER BY i.id`,
    );
    expect(items.map((i) => i.id)).toEqual(itemsBefore.map((i) => i.id));
    const fees = items.filter((i) => i.kind === 'fee');
    expect(fees).toHaveLength(2);
    for (const f of fees) expect(f).toMatchObject({ fee_kind: 'fixed', legal_text_id: texts[0]!.id, legal_article: 'art. 3' });

    // The public page reads the migrated content.
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/manage/procedures/mig-a/versions/1',
      headers: editor.headers,
    });
    expect(page.json().refs.legalTexts[0]).toMatchObject({ code: 'loi-mig-99', kind: 'law' });
  });
});
