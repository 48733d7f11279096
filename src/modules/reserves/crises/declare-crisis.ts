import { sql } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { nextNumber } from '../../../core/numbering/numbering';
import { PERM } from '../contract';
import { notifyOps } from '../dispatch/events';
import { OPS_ERR } from '../ops-errors';
import { COMMUNE_TYPES, orgsByCode, PROVINCE_TYPES, rootOrg } from './orgs';
import type { DeclareCrisisT } from './shapes';

/**
 * Declares a crisis: every area must be a province/prefecture or a commune (a commune brings its
 * province in); the declarer needs `reserves.crises.manage` on every province touched.
 */
export async function declareCrisis(
  db: Database,
  ctx: RequestContext,
  input: DeclareCrisisT,
): Promise<{ id: string; number: string }> {
  return db.transaction(async (tx) => {
    const orgs = await orgsByCode(tx, input.areas);
    const areas: { orgId: string; level: 'province' | 'commune'; provinceId: string; provincePath: string }[] = [];
    for (const code of new Set(input.areas)) {
      const o = orgs.get(code);
      if (o && PROVINCE_TYPES.has(o.type)) areas.push({ orgId: o.id, level: 'province', provinceId: o.id, provincePath: o.path });
      else if (o && COMMUNE_TYPES.has(o.type) && o.parent_id && PROVINCE_TYPES.has(o.parent_type ?? ''))
        areas.push({ orgId: o.id, level: 'commune', provinceId: o.parent_id, provincePath: o.parent_path! });
      else throw new AppError(OPS_ERR.areaInvalid, 400, { code });
    }
    // A commune's province is affected too.
    for (const a of [...areas])
      if (a.level === 'commune' && !areas.some((x) => x.orgId === a.provinceId))
        areas.push({ orgId: a.provinceId, level: 'province', provinceId: a.provinceId, provincePath: a.provincePath });
    for (const path of new Set(areas.map((a) => a.provincePath))) authorize(ctx, PERM.crisesManage, path);

    const root = await rootOrg(tx);
    const { number } = await nextNumber(tx, { orgId: root.id, series: 'CRI' });
    const [c] = await rows<{ id: string }>(
      tx,
      sql`INSERT INTO reserves.crises (id, number, kind, title, severity, people_affected, status, org_id, declared_by)
          VALUES (${uuidv7()}, ${number}, ${input.kind}, ${input.title}, ${input.severity}, ${input.peopleAffected},
                  'active', ${root.id}, ${ctx.actor!.id})
          RETURNING id`,
    );
    await tx.execute(
      sql`INSERT INTO reserves.crisis_areas (crisis_id, org_id, level, province_id)
          VALUES ${sql.join(
            areas.map((a) => sql`(${c!.id}, ${a.orgId}, ${a.level}, ${a.provinceId})`),
            sql`, `,
          )}`,
    );
    await notifyOps(tx, { kind: 'crisis', id: c!.id, number, status: 'active', orgPath: root.path, perms: Object.values(PERM) });
    await audit(tx, ctx, {
      action: 'reserves.crisis.declare',
      entityType: 'reserves.crisis',
      entityId: c!.id,
      orgId: root.id,
      after: {
        number,
        kind: input.kind,
        title: input.title,
        severity: input.severity,
        peopleAffected: input.peopleAffected,
        areas: input.areas,
      },
    });
    return { id: c!.id, number };
  });
}

/** Closes a crisis: its open requests are closed and their reservations released. */
export async function closeCrisis(db: Database, ctx: RequestContext, number: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await rows<{ id: string; status: string; org_id: string; path: string }>(
      tx,
      sql`SELECT c.id, c.status, c.org_id, o.path FROM reserves.crises c JOIN core.organisations o ON o.id = c.org_id
          WHERE c.number = ${number} FOR UPDATE OF c`,
    );
    if (!c) throw new AppError(OPS_ERR.crisisNotFound, 404, { number });
    authorize(ctx, PERM.crisesManage, c.path);
    if (c.status === 'closed') throw new AppError(OPS_ERR.crisisClosed, 409, { number });
    await tx.execute(sql`UPDATE reserves.crises SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = ${c.id}`);
    await tx.execute(
      sql`UPDATE reserves.reservations SET quantity = 0, updated_at = now()
          WHERE quantity > 0 AND request_id IN (SELECT id FROM reserves.need_requests WHERE crisis_id = ${c.id} AND status = 'open')`,
    );
    await tx.execute(
      sql`UPDATE reserves.need_requests SET status = 'closed', updated_at = now() WHERE crisis_id = ${c.id} AND status = 'open'`,
    );
    await notifyOps(tx, { kind: 'crisis', id: c.id, number, status: 'closed', orgPath: c.path, perms: Object.values(PERM) });
    await audit(tx, ctx, {
      action: 'reserves.crisis.close',
      entityType: 'reserves.crisis',
      entityId: c.id,
      orgId: c.org_id,
      before: { status: 'active' },
      after: { status: 'closed' },
    });
  });
}
