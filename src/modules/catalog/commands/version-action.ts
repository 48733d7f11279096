import { and, eq, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../../core/access/context';
import type { Database, Executor } from '../../../core/db/client';
import { applyAction } from '../../../core/workflow/engine';
import { versionWorkflow, type VersionContent } from '../contract';
import { procedures, versions } from '../schema/catalog';
import { indexProcedure, unindexProcedure } from '../search/indexer';
import { loadProcedure, loadVersion, searchDocumentOf, type ProcedureRow, type VersionRow } from './shared';

/**
 * Takes a workflow action on a version: submit (editor), publish or request changes (reviewer),
 * archive (reviewer). Publishing archives the previously published version, copies the lists'
 * fields onto the procedure and indexes it for search, in the same transaction.
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
      await applyAction(tx, ctx, versionWorkflow, {
        entityId: current.id,
        orgId: p.owner_org_id,
        orgPath: p.owner_path,
        currentState: current.state,
        action: 'archive',
        comment: `replaced by version ${v.number}`,
        payload: { replacedBy: v.number },
        record: { staleCount: current.stale.length },
        at,
      });
      await tx.update(versions).set({ state: 'archived', archivedAt: at }).where(eq(versions.id, current.id));
      return finishPublish(tx, p, v, at);
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
  if (action === 'publish') return finishPublish(tx, p, v, at);
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

async function finishPublish(tx: Executor, p: ProcedureRow, v: VersionRow, at: Date) {
  const [after] = await tx
    .update(versions)
    .set({ state: 'published', publishedAt: at, effectiveDate: v.effectiveDate ?? sql`(${at.toISOString()}::timestamptz)::date` })
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
