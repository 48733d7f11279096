import { eq } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import type { Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { CATALOG_EDIT, EDITABLE_STATES, type StaleFlag, type VersionContent, type VersionState } from '../contract';
import { versions } from '../schema/catalog';
import { computeStale, diffContents } from '../versioning';
import { checkEffectiveDate, checkContent, loadProcedure, loadVersion, writeItems } from './shared';
import { resolveLegalBasis } from './legal-texts';

export interface UpdateVersionInput {
  content?: VersionContent | undefined;
  effectiveDate?: string | undefined;
  changeNote?: string | undefined;
}

/**
 * Changes a draft (or a version whose changes were requested): content, effective date, change
 * note. Recomputes the language staleness flags against the version it was copied from.
 */
export async function updateVersion(db: Database, ctx: RequestContext, slug: string, number: number, input: UpdateVersionInput) {
  return db.transaction(async (tx) => {
    checkEffectiveDate(input.effectiveDate);
    const p = await loadProcedure(tx, slug);
    authorize(ctx, CATALOG_EDIT, p.owner_path);
    const v = await loadVersion(tx, p.id, number, true);
    if (!EDITABLE_STATES.includes(v.state as VersionState))
      throw new AppError('CATALOG_VERSION_NOT_EDITABLE', 409, { number, state: v.state });
    let stale: StaleFlag[] = v.stale;
    let changed: string[] = [];
    let content: VersionContent | undefined;
    if (input.content) {
      await checkContent(tx, input.content, slug, p.id);
      content = await resolveLegalBasis(tx, ctx, input.content);
      const base = v.baseVersionId ? (await tx.select().from(versions).where(eq(versions.id, v.baseVersionId)))[0] : undefined;
      stale = computeStale(base?.content ?? null, base?.stale ?? [], content, { content: v.content, stale: v.stale });
      changed = [...new Set(diffContents(v.content, content).map((d) => d.field))];
      await writeItems(tx, p.id, v.id, content);
    }
    const [after] = await tx
      .update(versions)
      .set({
        ...(content ? { content, stale } : {}),
        ...(input.effectiveDate !== undefined ? { effectiveDate: input.effectiveDate } : {}),
        ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}),
      })
      .where(eq(versions.id, v.id))
      .returning();
    await audit(tx, ctx, {
      action: 'catalog.version.updated',
      entityType: 'catalog.version',
      entityId: v.id,
      orgId: p.owner_org_id,
      before: { effectiveDate: v.effectiveDate, changeNote: v.changeNote, staleCount: v.stale.length },
      after: { effectiveDate: after!.effectiveDate, changeNote: after!.changeNote, staleCount: stale.length },
      meta: { slug, number, changedFields: changed.slice(0, 200) },
    });
    return after!;
  });
}
