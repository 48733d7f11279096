import { desc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import type { Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { CATALOG_EDIT } from '../contract';
import { versions } from '../schema/catalog';
import { checkEffectiveDate, isOpen, loadProcedure, writeItems } from './shared';

/**
 * Opens a new draft of a procedure, copied from its scheduled or published version (or its latest version):
 * at most one draft at a time (409 CATALOG_DRAFT_EXISTS).
 */
export async function newVersion(
  db: Database,
  ctx: RequestContext,
  slug: string,
  input: { effectiveDate?: string | undefined; changeNote?: string | undefined },
) {
  return db.transaction(async (tx) => {
    checkEffectiveDate(input.effectiveDate);
    const p = await loadProcedure(tx, slug, true);
    authorize(ctx, CATALOG_EDIT, p.owner_path);
    const all = await tx.select().from(versions).where(eq(versions.procedureId, p.id)).orderBy(desc(versions.number));
    const open = all.find((v) => isOpen(v.state));
    if (open) throw new AppError('CATALOG_DRAFT_EXISTS', 409, { number: open.number });
    // The latest approved content: the version waiting for its date, else the one in force.
    const base = all.find((v) => v.state === 'scheduled') ?? all.find((v) => v.state === 'published') ?? all[0];
    if (!base) throw new AppError('CATALOG_VERSION_NOT_FOUND', 404, {});
    const number = (all[0]?.number ?? 0) + 1;
    const id = uuidv7();
    await tx.insert(versions).values({
      id,
      procedureId: p.id,
      number,
      state: 'draft',
      baseVersionId: base.id,
      effectiveDate: input.effectiveDate ?? null,
      changeNote: input.changeNote ?? null,
      authorId: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
      content: base.content,
      stale: base.stale,
    });
    await writeItems(tx, p.id, id, base.content);
    await audit(tx, ctx, {
      action: 'catalog.version.created',
      entityType: 'catalog.version',
      entityId: id,
      orgId: p.owner_org_id,
      after: { slug, number, basedOn: base.number },
    });
    return { versionId: id, number };
  });
}
