import { sql } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { nextNumber } from '../../../core/numbering/numbering';
import { ERR, PERM } from '../contract';
import { notifyOps } from '../dispatch/events';
import { OPS_ERR } from '../ops-errors';
import { orgsByCode } from './orgs';
import type { FileRequestT } from './shapes';

/**
 * Files a request for needs for a territory touched by an active crisis. The filer needs
 * `reserves.requests.file` on that territory: a province's authority files only for its own.
 */
export async function fileRequest(
  db: Database,
  ctx: RequestContext,
  crisisNumber: string,
  input: FileRequestT,
): Promise<{ id: string; number: string }> {
  return db.transaction(async (tx) => {
    const [c] = await rows<{ id: string; status: string }>(
      tx,
      sql`SELECT id, status FROM reserves.crises WHERE number = ${crisisNumber}`,
    );
    if (!c) throw new AppError(OPS_ERR.crisisNotFound, 404, { number: crisisNumber });
    const orgs = await orgsByCode(tx, [input.territory, ...(input.commune ? [input.commune] : [])]);
    const territory = orgs.get(input.territory);
    if (!territory) throw new AppError(OPS_ERR.areaInvalid, 400, { code: input.territory });
    // Scope first: someone outside the territory learns nothing about it.
    authorize(ctx, PERM.requestsFile, territory.path);
    if (c.status !== 'active') throw new AppError(OPS_ERR.crisisClosed, 409, { number: crisisNumber });
    const [affected] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM reserves.crisis_areas WHERE crisis_id = ${c.id} AND province_id = ${territory.id}`,
    );
    if (!affected || affected.n === 0) throw new AppError(OPS_ERR.territoryNotAffected, 409, { code: input.territory });
    let communeId: string | null = null;
    if (input.commune) {
      const commune = orgs.get(input.commune);
      if (!commune || commune.parent_id !== territory.id)
        throw new AppError(OPS_ERR.communeOutside, 400, { code: input.commune });
      communeId = commune.id;
    }
    // Products by code, in one query.
    const codes = [...new Set(input.lines.flatMap((l) => (l.product ? [l.product] : [])))];
    const products = new Map<string, string>();
    if (codes.length) {
      const found = await rows<{ id: string; code: string }>(
        tx,
        sql`SELECT id, code FROM reserves.products WHERE active AND code IN (${sql.join(
          codes.map((x) => sql`${x}`),
          sql`, `,
        )})`,
      );
      for (const p of found) products.set(p.code, p.id);
      const missing = codes.filter((x) => !products.has(x));
      if (missing.length)
        throw new AppError(
          ERR.unknownProduct,
          400,
          { product: missing[0] },
          {
            errors: input.lines.flatMap((l, i) =>
              l.product && !products.has(l.product) ? [{ path: `lines.${i}.product`, code: ERR.unknownProduct }] : [],
            ),
          },
        );
    }

    const id = uuidv7();
    const { number } = await nextNumber(tx, { orgId: territory.id, series: `REQ-${input.territory}` });
    await tx.execute(
      sql`INSERT INTO reserves.need_requests (id, number, crisis_id, org_id, commune_id, status, urgency, people_affected, households, note, filed_by)
          VALUES (${id}, ${number}, ${c.id}, ${territory.id}, ${communeId}, 'open', ${input.urgency}, ${input.peopleAffected},
                  ${input.households}, ${input.note ?? null}, ${ctx.actor!.id})`,
    );
    await tx.execute(
      sql`INSERT INTO reserves.request_lines (id, request_id, line_no, product_id, category, quantity, households)
          VALUES ${sql.join(
            input.lines.map(
              (l, i) =>
                sql`(${uuidv7()}, ${id}, ${i + 1}, ${l.product ? products.get(l.product)! : null}, ${l.product ? null : (l.category ?? null)},
                     ${l.quantity}, ${l.households})`,
            ),
            sql`, `,
          )}`,
    );
    await notifyOps(tx, {
      kind: 'request',
      id,
      number,
      status: 'open',
      orgPath: territory.path,
      perms: [PERM.requestsFile, PERM.allocate, PERM.dispatch],
    });
    await audit(tx, ctx, {
      action: 'reserves.request.file',
      entityType: 'reserves.request',
      entityId: id,
      orgId: territory.id,
      after: { number, crisis: crisisNumber, territory: input.territory, urgency: input.urgency, lines: input.lines.length },
    });
    return { id, number };
  });
}
