import { eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { systemContext } from '../../core/access/context';
import { audit } from '../../core/audit/audit';
import { rows, type Database } from '../../core/db/client';
import { seedDemoAccount } from '../../core/identity/seed';
import type { Logger } from '../../core/logger';
import type { SeedContext } from '../../core/module';
import { findOrgIdByCode } from '../../core/orgs/import';
import { VersionContentSchema, type VersionContent } from './contract';
import { demoProcedures } from './content';
import type { LegalText, ProcedureSource } from './content/types';
import { createLegalText, parseLegalTitle, resolveLegalBasis } from './commands/legal-texts';
import { legalTexts, procedures, versions } from './schema/catalog';
import { applyVersionAction } from './commands/version-action';
import { loadProcedure, writeItems } from './commands/shared';

export const DEMO_EFFECTIVE_DATE = '2025-01-01';

/** The demo content format (content/types.ts) → the content of a version. */
export function contentOf(src: ProcedureSource, knownSlugs: Set<string>): VersionContent {
  return VersionContentSchema.parse({
    title: src.title,
    summary: src.summary,
    audiences: src.audiences,
    categories: src.categories,
    lifeEvents: src.lifeEvents,
    competence: src.competence,
    channels: src.channels,
    documents: src.documents,
    conditions: src.conditions,
    fees: src.fees,
    delay: src.delay,
    legalBasis: src.legalBasis,
    steps: src.steps,
    forms: src.forms ?? [],
    keywords: { fr: src.keywords.fr, ar: src.keywords.ar, darija: src.keywords.darija ?? [] },
    related: src.related.filter((s) => s !== src.slug && knownSlugs.has(s)),
  });
}

/**
 * Loads procedures in the demo format, each with one published version (draft → submitted →
 * published through the workflow, as the system). Idempotent: existing slugs are skipped.
 * Returns how many were created.
 */
export async function seedProcedures(db: Database, log: Logger, list: ProcedureSource[], effectiveDate = DEMO_EFFECTIVE_DATE) {
  if (!list.length) return 0;
  const existing = new Set(
    (
      await db
        .select({ slug: procedures.slug })
        .from(procedures)
        .where(
          inArray(
            procedures.slug,
            list.map((p) => p.slug),
          ),
        )
    ).map((r) => r.slug),
  );
  const known = new Set([...list.map((p) => p.slug), ...existing]);
  const ctx = systemContext();
  await seedLegalTexts(db, list);
  let created = 0;
  for (const src of list) {
    if (existing.has(src.slug)) continue;
    let content: VersionContent;
    try {
      content = contentOf(src, known);
    } catch (err) {
      log.warn({ slug: src.slug, err: String(err).slice(0, 500) }, 'demo procedure skipped: content does not match the schema');
      continue;
    }
    const owner = (await findOrgIdByCode(db, src.owner)) ?? (await findOrgIdByCode(db, 'MA'));
    if (!owner) continue;
    if (!(await findOrgIdByCode(db, src.owner)))
      log.warn({ slug: src.slug, owner: src.owner }, 'demo procedure owner unknown: owned by MA');
    await db.transaction(async (tx) => {
      const procedureId = uuidv7();
      const versionId = uuidv7();
      content = await resolveLegalBasis(tx, ctx, content);
      const [ins] = await tx
        .insert(procedures)
        .values({ id: procedureId, slug: src.slug, ownerOrgId: owner.id })
        .onConflictDoNothing({ target: procedures.slug })
        .returning({ id: procedures.id });
      if (!ins) return;
      await tx.insert(versions).values({
        id: versionId,
        procedureId,
        number: 1,
        state: 'draft',
        effectiveDate,
        changeNote: src.source ? `Source : ${src.source}` : null,
        content,
        stale: [],
      });
      await writeItems(tx, procedureId, versionId, content);
      await audit(tx, ctx, {
        action: 'catalog.procedure.created',
        entityType: 'catalog.procedure',
        entityId: procedureId,
        orgId: owner.id,
        after: { slug: src.slug, owner: src.owner, version: 1, title: content.title.fr, seeded: true },
      });
      const p = await loadProcedure(tx, src.slug, true);
      for (const action of ['submit', 'publish']) {
        const [v] = await tx.select().from(versions).where(eq(versions.id, versionId));
        await applyVersionAction(tx, ctx, p, v!, action);
      }
      created++;
    });
  }
  return created;
}

/**
 * The legal texts of the demo content as shared texts, one per id (deduplicated): when several
 * procedures write the same text, the entry with the most references (promulgation, bulletin,
 * link) is kept. Existing codes are left as they are.
 */
export async function seedLegalTexts(db: Database, list: ProcedureSource[]): Promise<number> {
  const score = (l: LegalText) => [l.reference, l.bulletin, l.url].filter(Boolean).length;
  const best = new Map<string, LegalText>();
  for (const p of list) for (const l of p.legalBasis) if (!best.has(l.id) || score(l) > score(best.get(l.id)!)) best.set(l.id, l);
  if (!best.size) return 0;
  const ctx = systemContext();
  const known = new Set(
    (
      await db
        .select({ code: legalTexts.code })
        .from(legalTexts)
        .where(inArray(legalTexts.code, [...best.keys()]))
    ).map((r) => r.code),
  );
  let created = 0;
  await db.transaction(async (tx) => {
    for (const [code, l] of best) {
      if (known.has(code)) continue;
      const parsed = parseLegalTitle(l.title.fr, l.reference);
      await createLegalText(tx, ctx, {
        code,
        kind: parsed.kind,
        ...(parsed.number ? { number: parsed.number } : {}),
        ...(parsed.date ? { date: parsed.date } : {}),
        title: l.title,
        ...(l.reference ? { reference: l.reference } : {}),
        ...(l.bulletin ? { bulletin: l.bulletin } : {}),
        ...(l.url ? { url: l.url } : {}),
      });
      created++;
    }
  });
  return created;
}

/** Demo mode: the demo catalog and the catalog's demo accounts. */
export async function seedCatalogDemo(ctx: SeedContext): Promise<void> {
  await seedDemoAccount(ctx, {
    email: 'editor.catalog@demo.raqmana.ma',
    displayName: 'Meryem Chraibi',
    kind: 'agent',
    role: { code: 'catalog_editor', org: 'MIN-INTERIEUR', includeDescendants: true },
  });
  // A commune's office that receives the reports naming it (law 55.19: the administration that asked answers).
  await seedDemoAccount(ctx, {
    email: 'commune.catalog@demo.raqmana.ma',
    displayName: 'Leila Fassi',
    kind: 'agent',
    role: { code: 'catalog_editor', org: 'COM-HARHOURA', includeDescendants: false },
  });
  await seedDemoAccount(ctx, {
    email: 'reviewer.catalog@demo.raqmana.ma',
    displayName: 'Omar Benjelloun',
    kind: 'agent',
    role: { code: 'catalog_reviewer', org: 'MA', includeDescendants: true },
  });
  const created = await seedProcedures(ctx.db, ctx.log, demoProcedures);
  if (created) ctx.log.info({ created }, 'demo catalog loaded');
  await seedDemoActivity(ctx.db);
}

/**
 * Demo only: some past activity on the demo catalog so that the indicators have something to
 * chart — weekly view counts and a few ratings over the last six months, deterministic (derived
 * from the procedure id), written once (skipped when any view exists).
 */
export async function seedDemoActivity(db: Database): Promise<void> {
  const [any] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM catalog.views_daily`);
  if (any && any.n > 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO catalog.views_daily (procedure_id, day, count)
      SELECT p.id, d::date, 5 + abs(hashtext(p.id::text || d::text)) % 60
      FROM catalog.procedures p,
           generate_series(current_date - 182, current_date - 1, interval '7 days') AS d
      WHERE p.published_version_id IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await tx.execute(sql`
      INSERT INTO catalog.feedback (id, procedure_id, version_id, useful, rating, lang, created_at)
      SELECT gen_random_uuid(), p.id, p.published_version_id,
             (abs(hashtext(p.id::text || g::text)) % 10) < 8,
             CASE WHEN abs(hashtext(g::text || p.id::text)) % 3 = 0 THEN NULL
                  ELSE 2 + abs(hashtext(p.id::text || 'r' || g::text)) % 4 END,
             CASE WHEN g % 2 = 0 THEN 'fr' ELSE 'ar' END,
             now() - ((abs(hashtext(p.id::text || 'd' || g::text)) % 180) || ' days')::interval
      FROM catalog.procedures p, generate_series(1, 6) AS g
      WHERE p.published_version_id IS NOT NULL`);
  });
}
