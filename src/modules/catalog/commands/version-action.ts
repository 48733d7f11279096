import { and, eq, ne } from 'drizzle-orm';
import type { RequestContext } from '../../../core/access/context';
import type { Database, Executor } from '../../../core/db/client';
import { AppError, badRequest } from '../../../core/errors';
import { applyAction } from '../../../core/workflow/engine';
import { localDay, startOfLocalDay } from '../../../core/workflow/calendar';
import { versionWorkflow, type VersionContent } from '../contract';
import { procedures, versions } from '../schema/catalog';
import { indexProcedure, unindexProcedure } from '../search/indexer';
import { outbox } from '../../../core/notify/schema';
import { loadProcedure, loadVersion, searchDocumentOf, type ProcedureRow, type VersionRow } from './shared';

/**
 * Takes a workflow action on a version: submit (editor), publish or request changes (reviewer),
 * archive (reviewer). Publishing archives the previously published version, copies the lists'
 * fields onto the procedure and indexes it for search, in the same transaction — unless the
 * version's effective date is after today (Africa/Casablanca): then it is `scheduled`, the
 * version in force stays public, and the background worker takes it into force on that day
 * (commands/schedule.ts, ADR 0011).
 */
export async function versionAction(
  db: Database,
  ctx: RequestContext,
  slug: string,
  number: number,
  action: string,
  comment?: string,
) {
  return db.transaction(async (tx) => {
    const p = await loadProcedure(tx, slug, true);
    const v = await loadVersion(tx, p.id, number, true);
    return applyVersionAction(tx, ctx, p, v, action, comment);
  });
}

export async function applyVersionAction(
  tx: Executor,
  ctx: RequestContext,
  p: ProcedureRow,
  v: VersionRow,
  action: string,
  comment?: string,
  at: Date = new Date(),
) {
  if (action === 'publish') {
    // The version being replaced is archived first (one published version at a time).
    const [current] = await tx
      .select()
      .from(versions)
      .where(and(eq(versions.procedureId, p.id), eq(versions.state, 'published'), ne(versions.id, v.id)))
      .for('update');
    const today = localDay(at);
    const effective = v.effectiveDate ?? today;
    if (v.state === 'submitted') {
      // Versions take effect in number order: nothing is published while an earlier one waits for its date.
      const [waiting] = await tx
        .select({ number: versions.number, effectiveDate: versions.effectiveDate })
        .from(versions)
        .where(and(eq(versions.procedureId, p.id), eq(versions.state, 'scheduled'), ne(versions.id, v.id)));
      if (waiting)
        throw new AppError('CATALOG_VERSION_SCHEDULED', 409, { number: waiting.number, effectiveDate: waiting.effectiveDate });
      // A version cannot take effect before the one it replaces: the order in force would be ambiguous.
      if (current?.effectiveDate && effective < current.effectiveDate)
        throw badRequest(
          'CATALOG_EFFECTIVE_DATE_BEFORE_CURRENT',
          { date: effective, currentEffectiveDate: current.effectiveDate, current: current.number },
          [{ path: 'effectiveDate', code: 'CATALOG_EFFECTIVE_DATE_BEFORE_CURRENT' }],
        );
      if (effective > today) return schedule(tx, ctx, p, v, effective, comment, at);
    }
    if (current) {
      // Checked before archiving: a refused publication must not archive anything.
      await applyAction(tx, ctx, versionWorkflow, {
        entityId: v.id,
        orgId: p.owner_org_id,
        orgPath: p.owner_path,
        currentState: v.state,
        action: 'publish',
        comment: comment ?? null,
        payload: { number: v.number },
        record: { staleCount: v.stale.length },
        at,
      });
      await archiveReplaced(tx, ctx, p, current, v.number, `replaced by version ${v.number}`, at);
      return finishPublish(tx, p, v, at, effective);
    }
  }
  const r = await applyAction(tx, ctx, versionWorkflow, {
    entityId: v.id,
    orgId: p.owner_org_id,
    orgPath: p.owner_path,
    currentState: v.state,
    action,
    comment: comment ?? null,
    payload: { number: v.number },
    record: { staleCount: v.stale.length },
    at,
  });
  if (action === 'publish') return finishPublish(tx, p, v, at, v.effectiveDate ?? localDay(at));
  const set: Partial<typeof versions.$inferInsert> = { state: r.state };
  if (r.state === 'submitted') set.submittedAt = at;
  if (r.state === 'archived') set.archivedAt = at;
  const [after] = await tx.update(versions).set(set).where(eq(versions.id, v.id)).returning();
  if (r.state === 'archived' && p.published_version_id === v.id) {
    await tx.update(procedures).set({ publishedVersionId: null, publishedAt: null }).where(eq(procedures.id, p.id));
    await unindexProcedure(tx, p.id);
  }
  return after!;
}

/** Outbox topic of a scheduled version's day: delivered at 00:00 Africa/Casablanca of its effective date. */
export const TOPIC_VERSION_DUE = 'catalog.version.due';

/** Publishing a version dated after today: it waits, in `scheduled`, for the worker to take it into force. */
async function schedule(
  tx: Executor,
  ctx: RequestContext,
  p: ProcedureRow,
  v: VersionRow,
  effectiveDate: string,
  comment: string | undefined,
  at: Date,
) {
  await applyAction(tx, ctx, versionWorkflow, {
    entityId: v.id,
    orgId: p.owner_org_id,
    orgPath: p.owner_path,
    currentState: v.state,
    action: 'schedule',
    comment: comment ?? null,
    payload: { number: v.number, effectiveDate },
    record: { staleCount: v.stale.length },
    at,
  });
  const [after] = await tx.update(versions).set({ state: 'scheduled', effectiveDate }).where(eq(versions.id, v.id)).returning();
  // The worker delivers this at the start of the effective day (commands/schedule.ts takes the version into force).
  await tx.insert(outbox).values({
    topic: TOPIC_VERSION_DUE,
    payload: { versionId: v.id, effectiveDate },
    availableAt: startOfLocalDay(effectiveDate),
  });
  return after!;
}

/**
 * Makes `v` the procedure's published version: the one pointer (`procedures.published_version_id`)
 * that the public page, search, the sitemap, open data and the items read. Used by publication
 * and by a scheduled version taking effect.
 */
/** The version in force, replaced by version `by` (publication or a scheduled version taking effect): archived, audited. */
export async function archiveReplaced(
  tx: Executor,
  ctx: RequestContext,
  p: ProcedureRow,
  current: typeof versions.$inferSelect,
  by: number,
  comment: string,
  at: Date,
): Promise<void> {
  await applyAction(tx, ctx, versionWorkflow, {
    entityId: current.id,
    orgId: p.owner_org_id,
    orgPath: p.owner_path,
    currentState: current.state,
    action: 'archive',
    comment,
    payload: { replacedBy: by },
    record: { staleCount: current.stale.length },
    at,
  });
  await tx.update(versions).set({ state: 'archived', archivedAt: at }).where(eq(versions.id, current.id));
}

export async function finishPublish(tx: Executor, p: ProcedureRow, v: VersionRow, at: Date, effectiveDate: string) {
  const [after] = await tx
    .update(versions)
    .set({ state: 'published', publishedAt: at, effectiveDate })
    .where(eq(versions.id, v.id))
    .returning();
  const c: VersionContent = v.content;
  await tx
    .update(procedures)
    .set({
      publishedVersionId: v.id,
      publishedAt: at,
      audiences: c.audiences,
      categories: c.categories,
      lifeEvents: c.lifeEvents,
      related: c.related,
    })
    .where(eq(procedures.id, p.id));
  await indexProcedure(
    tx,
    await searchDocumentOf(
      tx,
      { id: p.id, slug: p.slug, ownerOrgId: p.owner_org_id, ownerPath: p.owner_path },
      { id: v.id, content: c, publishedAt: at },
    ),
  );
  return after!;
}
