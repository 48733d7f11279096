/**
 * Scheduled versions taking effect (ADR 0011, "Scheduled versions"). A version published with an
 * effective date after today (Africa/Casablanca) waits in `scheduled`; on that day — from 00:00
 * Casablanca time — it becomes the procedure's published version and the one in force is
 * archived, as the system, without anybody acting:
 *
 * - publishing writes an outbox event (`catalog.version.due`) available at 00:00 Casablanca time
 *   of the effective day; the background worker (ADR 0005) delivers it to `takeDueVersions`;
 * - every start of the server catches up on versions whose day came while it was stopped.
 *
 * The switch goes through the same `finishPublish` as a publication: one pointer
 * (`procedures.published_version_id`) read by the public page, search (re-indexed in the same
 * transaction, which moves the index's change marker, ADR 0017), the sitemap, open data and the
 * items; the page's `Last-Modified` and `ETag` change with `procedures.published_at` and the
 * version id.
 */
import { and, asc, eq, lte, ne } from 'drizzle-orm';
import { systemContext } from '../../../core/access/context';
import type { Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { subscribe } from '../../../core/notify/outbox';
import { localDay } from '../../../core/workflow/calendar';
import { applyAction } from '../../../core/workflow/engine';
import { versionWorkflow } from '../contract';
import { procedures, versions } from '../schema/catalog';
import { loadProcedure } from './shared';
import { archiveReplaced, finishPublish, TOPIC_VERSION_DUE } from './version-action';

export interface TakeEffectResult {
  slug: string;
  number: number;
  effectiveDate: string;
  archived: number | null;
}

/**
 * Takes into force every scheduled version whose effective date is today or before (local day
 * of `now` in Africa/Casablanca), each in its own transaction. Idempotent and safe on several
 * instances at once (the procedure row is locked and the state checked again under the lock).
 */
export async function takeDueVersions(db: Database, now: Date = new Date()): Promise<TakeEffectResult[]> {
  const today = localDay(now);
  const due = await db
    .select({ id: versions.id, procedureId: versions.procedureId })
    .from(versions)
    .where(and(eq(versions.state, 'scheduled'), lte(versions.effectiveDate, today)))
    .orderBy(asc(versions.effectiveDate), asc(versions.number));
  const out: TakeEffectResult[] = [];
  for (const d of due) {
    const r = await db.transaction(async (tx) => {
      const [proc] = await tx.select({ slug: procedures.slug }).from(procedures).where(eq(procedures.id, d.procedureId));
      if (!proc) return null;
      const p = await loadProcedure(tx, proc.slug, true);
      const [v] = await tx.select().from(versions).where(eq(versions.id, d.id)).for('update');
      if (!v || v.state !== 'scheduled' || !v.effectiveDate || v.effectiveDate > today) return null; // taken meanwhile
      const ctx = systemContext();
      const [current] = await tx
        .select()
        .from(versions)
        .where(and(eq(versions.procedureId, p.id), eq(versions.state, 'published'), ne(versions.id, v.id)))
        .for('update');
      await applyAction(tx, ctx, versionWorkflow, {
        entityId: v.id,
        orgId: p.owner_org_id,
        orgPath: p.owner_path,
        currentState: v.state,
        action: 'take_effect',
        comment: `in force from ${v.effectiveDate}`,
        payload: { number: v.number, effectiveDate: v.effectiveDate, replaces: current?.number ?? null },
        record: { staleCount: v.stale.length, due: true },
        at: now,
      });
      if (current)
        await archiveReplaced(
          tx,
          ctx,
          p,
          current,
          v.number,
          `replaced by version ${v.number}, in force from ${v.effectiveDate}`,
          now,
        );
      await finishPublish(tx, p, v, now, v.effectiveDate);
      return { slug: p.slug, number: v.number, effectiveDate: v.effectiveDate, archived: current?.number ?? null };
    });
    if (r) out.push(r);
  }
  return out;
}

let registered = false;

/** Registers the outbox subscriber of scheduled versions (once per process). */
export function registerScheduledVersions(): void {
  if (registered) return;
  registered = true;
  subscribe(TOPIC_VERSION_DUE, async (payload, { db, log }) => {
    const taken = await takeDueVersions(db);
    if (taken.length) log.info({ taken }, 'catalog: scheduled versions took effect');
    // Delivered early (clocks apart): fail, so that the outbox tries again later (with backoff).
    const id = typeof payload.versionId === 'string' ? payload.versionId : null;
    if (!id) return;
    const [v] = await db.select({ state: versions.state, number: versions.number }).from(versions).where(eq(versions.id, id));
    if (v?.state === 'scheduled')
      throw new AppError('CATALOG_VERSION_NOT_DUE', 409, { number: v.number, effectiveDate: payload.effectiveDate });
  });
}
