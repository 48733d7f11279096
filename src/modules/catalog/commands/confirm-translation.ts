import { eq } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import type { Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { CATALOG_EDIT, EDITABLE_STATES, type StaleFlag, type VersionState } from '../contract';
import { versions } from '../schema/catalog';
import { loadProcedure, loadVersion } from './shared';

/** An editor confirms that texts flagged as possibly out of date are right (all flags, or the ones given). */
export async function confirmTranslation(
  db: Database,
  ctx: RequestContext,
  slug: string,
  number: number,
  flags: StaleFlag[] | undefined,
) {
  return db.transaction(async (tx) => {
    const p = await loadProcedure(tx, slug);
    authorize(ctx, CATALOG_EDIT, p.owner_path);
    const v = await loadVersion(tx, p.id, number, true);
    if (!EDITABLE_STATES.includes(v.state as VersionState))
      throw new AppError('CATALOG_VERSION_NOT_EDITABLE', 409, { number, state: v.state });
    const drop = flags ? new Set(flags.map((f) => `${f.field}|${f.lang}`)) : null;
    const remaining = drop ? v.stale.filter((s) => !drop.has(`${s.field}|${s.lang}`)) : [];
    const cleared = v.stale.filter((s) => !remaining.includes(s));
    await tx.update(versions).set({ stale: remaining }).where(eq(versions.id, v.id));
    await audit(tx, ctx, {
      action: 'catalog.version.translation_confirmed',
      entityType: 'catalog.version',
      entityId: v.id,
      orgId: p.owner_org_id,
      before: { staleCount: v.stale.length },
      after: { staleCount: remaining.length },
      meta: { slug, number, cleared },
    });
    return remaining;
  });
}
