import { sql, type SQL } from 'drizzle-orm';
import { can, scopeCondition, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, forbidden } from '../../../core/errors';
import { PERM } from '../contract';
import { OPS_ERR } from '../ops-errors';
import type { CrisisViewT, RequestViewT } from './shapes';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const json = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** Whether the person works on reserves at all (crises are shared among every responder). */
export function holdsAnyReservesPermission(ctx: RequestContext): boolean {
  return Object.values(PERM).some((p) => can(ctx, p));
}

interface CrisisRow {
  id: string;
  number: string;
  kind: CrisisViewT['kind'];
  title: string;
  severity: number;
  people_affected: number;
  status: CrisisViewT['status'];
  declared_at: Date | string;
  closed_at: Date | string | null;
  areas: { code: string; type: string; nameFr: string; nameAr: string; level: string; province: string }[] | string | null;
  total?: number | string;
}

const CRISIS_SELECT = sql`c.id, c.number, c.kind, c.title, c.severity, c.people_affected, c.status, c.declared_at, c.closed_at,
  (SELECT json_agg(json_build_object('code', o.code, 'type', o.type, 'nameFr', o.name_fr, 'nameAr', o.name_ar,
                                     'level', a.level, 'province', p.code) ORDER BY a.level DESC, o.code)
   FROM reserves.crisis_areas a JOIN core.organisations o ON o.id = a.org_id JOIN core.organisations p ON p.id = a.province_id
   WHERE a.crisis_id = c.id) AS areas`;

function toCrisis(r: CrisisRow): CrisisViewT {
  const areas = json(r.areas) ?? [];
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    title: r.title,
    severity: r.severity,
    peopleAffected: r.people_affected,
    status: r.status,
    declaredAt: iso(r.declared_at)!,
    closedAt: iso(r.closed_at),
    provinces: areas
      .filter((a) => a.level === 'province')
      .map(({ code, type, nameFr, nameAr }) => ({ code, type, nameFr, nameAr })),
    communes: areas
      .filter((a) => a.level === 'commune')
      .map(({ code, type, nameFr, nameAr, province }) => ({ code, type, nameFr, nameAr, province })),
  };
}

export async function listCrises(
  exec: Executor,
  ctx: RequestContext,
  q: { status?: 'active' | 'closed' | undefined; page: number; pageSize: number },
): Promise<{ items: CrisisViewT[]; total: number }> {
  if (!holdsAnyReservesPermission(ctx)) throw forbidden(PERM.crisesManage);
  const where: SQL = q.status ? sql`c.status = ${q.status}` : sql`TRUE`;
  const found = await rows<CrisisRow>(
    exec,
    sql`SELECT ${CRISIS_SELECT}, count(*) OVER () AS total FROM reserves.crises c WHERE ${where}
        ORDER BY c.declared_at DESC, c.number DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { items: found.map(toCrisis), total: found.length ? Number(found[0]!.total) : 0 };
}

export async function getCrisis(exec: Executor, ctx: RequestContext, number: string): Promise<CrisisViewT> {
  if (!holdsAnyReservesPermission(ctx)) throw forbidden(PERM.crisesManage);
  const [r] = await rows<CrisisRow>(exec, sql`SELECT ${CRISIS_SELECT} FROM reserves.crises c WHERE c.number = ${number}`);
  if (!r) throw new AppError(OPS_ERR.crisisNotFound, 404, { number });
  return toCrisis(r);
}

/** Requests the person may see: those of territories where they file, allocate or dispatch. */
export function requestScope(ctx: RequestContext, orgColumn: SQL): SQL {
  return sql`(${scopeCondition(ctx, PERM.requestsFile, orgColumn)} OR ${scopeCondition(ctx, PERM.allocate, orgColumn)}
              OR ${scopeCondition(ctx, PERM.dispatch, orgColumn)})`;
}

interface RequestRow {
  id: string;
  number: string;
  crisis: string;
  t_code: string;
  t_type: string;
  t_fr: string;
  t_ar: string;
  c_code: string | null;
  c_type: string | null;
  c_fr: string | null;
  c_ar: string | null;
  status: RequestViewT['status'];
  urgency: RequestViewT['urgency'];
  people_affected: number;
  households: number;
  note: string | null;
  filed_at: Date | string;
  lines: RequestViewT['lines'] | string | null;
  total?: number | string;
}

const REQUEST_SELECT = sql`r.id, r.number, c.number AS crisis, t.code AS t_code, t.type AS t_type, t.name_fr AS t_fr, t.name_ar AS t_ar,
  cm.code AS c_code, cm.type AS c_type, cm.name_fr AS c_fr, cm.name_ar AS c_ar,
  r.status, r.urgency, r.people_affected, r.households, r.note, r.filed_at,
  (SELECT json_agg(json_build_object(
      'line', l.line_no, 'product', p.code, 'category', l.category, 'quantity', l.quantity, 'households', l.households,
      'dispatched', l.dispatched, 'delivered', l.delivered,
      'reserved', COALESCE((SELECT sum(s.quantity) FROM reserves.reservations s WHERE s.request_line_id = l.id), 0),
      'reservations', COALESCE((SELECT json_agg(json_build_object('platform', pf.code, 'product', sp.code, 'quantity', s.quantity) ORDER BY pf.code, sp.code)
                       FROM reserves.reservations s JOIN reserves.platforms pf ON pf.id = s.platform_id
                       JOIN reserves.products sp ON sp.id = s.product_id
                       WHERE s.request_line_id = l.id AND s.quantity > 0), '[]'::json)) ORDER BY l.line_no)
   FROM reserves.request_lines l LEFT JOIN reserves.products p ON p.id = l.product_id WHERE l.request_id = r.id) AS lines`;
const REQUEST_FROM = sql`reserves.need_requests r JOIN reserves.crises c ON c.id = r.crisis_id
  JOIN core.organisations t ON t.id = r.org_id LEFT JOIN core.organisations cm ON cm.id = r.commune_id`;

function toRequest(r: RequestRow): RequestViewT {
  return {
    id: r.id,
    number: r.number,
    crisis: r.crisis,
    territory: { code: r.t_code, type: r.t_type, nameFr: r.t_fr, nameAr: r.t_ar },
    commune: r.c_code ? { code: r.c_code, type: r.c_type!, nameFr: r.c_fr!, nameAr: r.c_ar! } : null,
    status: r.status,
    urgency: r.urgency,
    peopleAffected: r.people_affected,
    households: r.households,
    note: r.note,
    filedAt: iso(r.filed_at)!,
    lines: (json(r.lines) ?? []).map((l) => ({ ...l, reserved: Number(l.reserved) })),
  };
}

export async function listRequests(
  exec: Executor,
  ctx: RequestContext,
  q: { crisis?: string | undefined; status?: string | undefined; page: number; pageSize: number },
): Promise<{ items: RequestViewT[]; total: number }> {
  const where: SQL[] = [requestScope(ctx, sql`r.org_id`)];
  if (q.crisis) where.push(sql`c.number = ${q.crisis}`);
  if (q.status) where.push(sql`r.status = ${q.status}`);
  const found = await rows<RequestRow>(
    exec,
    sql`SELECT ${REQUEST_SELECT}, count(*) OVER () AS total FROM ${REQUEST_FROM} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY r.filed_at DESC, r.number DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { items: found.map(toRequest), total: found.length ? Number(found[0]!.total) : 0 };
}

/** One request; 404 outside the person's scope (its existence is not disclosed). */
export async function getRequest(exec: Executor, ctx: RequestContext, number: string): Promise<RequestViewT> {
  const [r] = await rows<RequestRow>(
    exec,
    sql`SELECT ${REQUEST_SELECT} FROM ${REQUEST_FROM} WHERE r.number = ${number} AND ${requestScope(ctx, sql`r.org_id`)}`,
  );
  if (!r) throw new AppError(OPS_ERR.requestNotFound, 404, { number });
  return toRequest(r);
}
