import { sql, type SQL } from 'drizzle-orm';
import { authorize, can, scopeCondition, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { PERM } from '../contract';
import { MAINT_ERR } from '../maintenance/contract';
import { platformInScope } from '../maintenance/queries';
import { unitsCte, type UnitRow } from '../maintenance/readiness';
import {
  ALERT_KINDS,
  DEFAULT_EXPIRY_HORIZON_DAYS,
  SEVERITIES,
  type AlertKind,
  type AlertListT,
  type AlertQueryT,
  type AlertViewT,
  type Severity,
} from './contract';

/**
 * Alerts, computed on each request from the live tables, one set-based query per kind:
 *
 * - `below_minimum`: usable stock (unexpired lots) per platform and product from the balances,
 *   grouped once, against `min_levels`; since = the last change of that stock;
 * - `near_expiry` / `expired`: positive balances of lots expiring within the horizon / already
 *   expired, per warehouse and lot; since = the day the lot entered the horizon / expired;
 * - `maintenance_overdue`: units in the warehouses, not out of service, whose maintenance is
 *   overdue (readiness query of maintenance/readiness.ts); since = the earliest due date passed;
 * - `transit_late`: transfers with quantities still in transit and dispatches not delivered, past
 *   their expected arrival; since = the expected arrival.
 *
 * None reads the ledger entries: balances and lots are a few thousand rows nationally whatever
 * the size of the ledger. An acknowledgement counts only if made after the condition began.
 */

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const nameIn = (lang: string, r: { name_fr: string; name_ar: string; name_en: string }) =>
  lang === 'ar' ? r.name_ar : lang === 'en' ? r.name_en : r.name_fr;
const iso = (v: Date | string | null): string | null => (v ? new Date(v).toISOString() : null);

type Draft = Omit<AlertViewT, 'acknowledged'>;

const blank = {
  warehouse: null,
  product: null,
  productName: null,
  lot: null,
  serial: null,
  dispatch: null,
  transfer: null,
} as const;

async function belowMinimum(exec: Executor, ctx: RequestContext, platformId: string | undefined): Promise<Draft[]> {
  const pf: SQL[] = [sql`pf.active`, scopeCondition(ctx, PERM.stockRead, sql`pf.org_id`)];
  if (platformId) pf.push(sql`pf.id = ${platformId}`);
  const found = await rows<{
    platform: string;
    product: string;
    name_fr: string;
    name_ar: string;
    name_en: string;
    unit: string;
    minimum: number;
    quantity: string | number;
    last_change: Date | string | null;
  }>(
    exec,
    sql`WITH pf AS (SELECT pf.id, pf.code FROM reserves.platforms pf WHERE ${sql.join(pf, sql` AND `)}),
             stock AS (
               SELECT w.platform_id, b.product_id, sum(b.quantity) AS qty, max(b.updated_at) AS last_change
               FROM reserves.balances b
               JOIN reserves.warehouses w ON w.id = b.warehouse_id
               JOIN reserves.lots l ON l.id = b.lot_id
               WHERE w.platform_id IN (SELECT id FROM pf)
                 AND (l.expires_on IS NULL OR l.expires_on >= (now() AT TIME ZONE 'Africa/Casablanca')::date)
               GROUP BY w.platform_id, b.product_id)
        SELECT pf.code AS platform, p.code AS product, p.name_fr, p.name_ar, p.name_en, p.unit, ml.min_quantity AS minimum,
               coalesce(s.qty, 0) AS quantity, s.last_change
        FROM reserves.min_levels ml
        JOIN pf ON pf.id = ml.platform_id
        JOIN reserves.products p ON p.id = ml.product_id AND p.active
        LEFT JOIN stock s ON s.platform_id = ml.platform_id AND s.product_id = ml.product_id
        WHERE coalesce(s.qty, 0) < ml.min_quantity`,
  );
  return found.map((r) => {
    const quantity = Number(r.quantity);
    return {
      ...blank,
      key: `below_minimum:${r.platform}:${r.product}`,
      kind: 'below_minimum',
      severity: quantity === 0 ? 'critical' : quantity < r.minimum / 2 ? 'high' : 'medium',
      platform: r.platform,
      product: r.product,
      productName: nameIn(ctx.lang, r),
      figures: { quantity, minimum: r.minimum, missing: r.minimum - quantity, unit: r.unit },
      since: iso(r.last_change),
    };
  });
}

async function expiry(
  exec: Executor,
  ctx: RequestContext,
  platformId: string | undefined,
  horizonDays: number,
): Promise<Draft[]> {
  const where: SQL[] = [scopeCondition(ctx, PERM.stockRead, sql`w.org_id`)];
  if (platformId) where.push(sql`w.platform_id = ${platformId}`);
  const found = await rows<{
    platform: string;
    warehouse: string;
    product: string;
    name_fr: string;
    name_ar: string;
    name_en: string;
    unit: string;
    lot: string;
    expires_on: string;
    days_left: number;
    quantity: string | number;
    since: string;
  }>(
    exec,
    sql`WITH today AS (SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date AS on_day)
        SELECT pf.code AS platform, w.code AS warehouse, p.code AS product, p.name_fr, p.name_ar, p.name_en, p.unit, l.code AS lot,
               l.expires_on::text AS expires_on, (l.expires_on - (SELECT on_day FROM today))::int AS days_left, sum(b.quantity) AS quantity,
               (CASE WHEN l.expires_on < (SELECT on_day FROM today) THEN l.expires_on ELSE l.expires_on - ${horizonDays}::int END)::text AS since
        FROM reserves.balances b
        JOIN reserves.lots l ON l.id = b.lot_id
        JOIN reserves.warehouses w ON w.id = b.warehouse_id
        JOIN reserves.platforms pf ON pf.id = w.platform_id
        JOIN reserves.products p ON p.id = b.product_id
        WHERE b.quantity > 0 AND l.expires_on IS NOT NULL
          AND l.expires_on <= (SELECT on_day FROM today) + ${horizonDays}::int
          AND ${sql.join(where, sql` AND `)}
        GROUP BY pf.code, w.code, p.code, p.name_fr, p.name_ar, p.name_en, p.unit, l.code, l.expires_on`,
  );
  return found.map((r) => {
    const expired = r.days_left < 0;
    const kind: AlertKind = expired ? 'expired' : 'near_expiry';
    return {
      ...blank,
      key: `${kind}:${r.warehouse}:${r.product}:${r.lot}`,
      kind,
      severity: expired ? 'critical' : r.days_left <= 30 ? 'high' : r.days_left <= 60 ? 'medium' : 'low',
      platform: r.platform,
      warehouse: r.warehouse,
      product: r.product,
      productName: nameIn(ctx.lang, r),
      lot: r.lot,
      figures: { quantity: Number(r.quantity), unit: r.unit, expiresOn: r.expires_on, daysLeft: r.days_left },
      since: r.since,
    };
  });
}

async function maintenanceOverdue(exec: Executor, ctx: RequestContext, platformId: string | undefined): Promise<Draft[]> {
  const found = await rows<UnitRow & { days_overdue: number | null }>(
    exec,
    sql`${unitsCte({ ctx, ...(platformId ? { platformId } : {}), includeDeployed: false })}
        SELECT units.*, ((now() AT TIME ZONE 'Africa/Casablanca')::date - units.overdue_since::date)::int AS days_overdue
        FROM units WHERE units.overdue AND units.status <> 'out_of_service'`,
  );
  return found.map((r) => ({
    ...blank,
    key: `maintenance_overdue:${r.product}:${r.serial}`,
    kind: 'maintenance_overdue',
    severity: (r.days_overdue ?? 0) > 30 ? 'high' : 'medium',
    platform: r.platform,
    warehouse: r.warehouse,
    product: r.product,
    productName: nameIn(ctx.lang, r),
    serial: r.serial,
    figures: {
      dueOn: r.next_due_on,
      daysOverdue: r.days_overdue,
      hours: Number(r.hours),
      hoursLeft: r.hours_left === null ? null : Number(r.hours_left),
      status: r.status,
    },
    since: r.overdue_since,
  }));
}

const lateSeverity = (hoursLate: number): Severity => (hoursLate >= 48 ? 'critical' : hoursLate >= 12 ? 'high' : 'medium');

async function transitLate(exec: Executor, ctx: RequestContext, platformId: string | undefined): Promise<Draft[]> {
  const tWhere: SQL[] = [
    sql`t.remaining > 0`,
    sql`t.expected_at < now()`,
    sql`(${scopeCondition(ctx, PERM.stockRead, sql`fw.org_id`)} OR ${scopeCondition(ctx, PERM.stockRead, sql`tw.org_id`)})`,
  ];
  if (platformId) tWhere.push(sql`(fw.platform_id = ${platformId} OR tw.platform_id = ${platformId})`);
  const transfers = await rows<{
    transfer: string;
    platform: string;
    from_code: string;
    to_code: string;
    to_platform: string;
    lines: number;
    remaining: string | number;
    quantity: string | number;
    left_at: Date | string;
    expected_at: Date | string;
    hours_late: number;
  }>(
    exec,
    sql`SELECT t.movement_id AS transfer, fpf.code AS platform, fw.code AS from_code, tw.code AS to_code, tpf.code AS to_platform,
               count(*)::int AS lines, sum(t.remaining) AS remaining, sum(t.quantity) AS quantity, m.occurred_at AS left_at,
               min(t.expected_at) AS expected_at, floor(extract(epoch FROM now() - min(t.expected_at)) / 3600)::int AS hours_late
        FROM reserves.transits t
        JOIN reserves.movements m ON m.id = t.movement_id
        JOIN reserves.warehouses fw ON fw.id = t.from_warehouse_id
        JOIN reserves.warehouses tw ON tw.id = t.to_warehouse_id
        JOIN reserves.platforms fpf ON fpf.id = fw.platform_id
        JOIN reserves.platforms tpf ON tpf.id = tw.platform_id
        WHERE ${sql.join(tWhere, sql` AND `)}
        GROUP BY t.movement_id, fpf.code, fw.code, tw.code, tpf.code, m.occurred_at`,
  );
  const dWhere: SQL[] = [
    sql`d.status = 'in_transit'`,
    sql`d.expected_at < now()`,
    scopeCondition(ctx, PERM.stockRead, sql`d.org_id`),
  ];
  if (platformId) dWhere.push(sql`d.platform_id = ${platformId}`);
  const dispatches = await rows<{
    number: string;
    platform: string;
    destination: string;
    destination_name: string;
    lines: number;
    quantity: string | number;
    dispatched_at: Date | string;
    expected_at: Date | string;
    hours_late: number;
    vehicle: string;
  }>(
    exec,
    sql`SELECT d.number, pf.code AS platform, o.code AS destination, ${ctx.lang === 'ar' ? sql`o.name_ar` : sql`o.name_fr`} AS destination_name,
               (SELECT count(*)::int FROM reserves.dispatch_lines dl WHERE dl.dispatch_id = d.id) AS lines,
               (SELECT coalesce(sum(dl.quantity), 0) FROM reserves.dispatch_lines dl WHERE dl.dispatch_id = d.id) AS quantity,
               d.dispatched_at, d.expected_at, floor(extract(epoch FROM now() - d.expected_at) / 3600)::int AS hours_late, d.vehicle
        FROM reserves.dispatches d
        JOIN reserves.platforms pf ON pf.id = d.platform_id
        JOIN core.organisations o ON o.id = d.destination_id
        WHERE ${sql.join(dWhere, sql` AND `)}`,
  );
  return [
    ...transfers.map((r): Draft => ({
      ...blank,
      key: `transit_late:transfer:${r.transfer}`,
      kind: 'transit_late',
      severity: lateSeverity(r.hours_late),
      platform: r.platform,
      warehouse: r.from_code,
      transfer: r.transfer,
      figures: {
        to: r.to_code,
        toPlatform: r.to_platform,
        lines: r.lines,
        remaining: Number(r.remaining),
        quantity: Number(r.quantity),
        leftAt: iso(r.left_at),
        expectedAt: iso(r.expected_at),
        hoursLate: r.hours_late,
      },
      since: iso(r.expected_at),
    })),
    ...dispatches.map((r): Draft => ({
      ...blank,
      key: `transit_late:dispatch:${r.number}`,
      kind: 'transit_late',
      severity: lateSeverity(r.hours_late),
      platform: r.platform,
      dispatch: r.number,
      figures: {
        destination: r.destination,
        destinationName: r.destination_name,
        vehicle: r.vehicle,
        lines: r.lines,
        quantity: Number(r.quantity),
        leftAt: iso(r.dispatched_at),
        expectedAt: iso(r.expected_at),
        hoursLate: r.hours_late,
      },
      since: iso(r.expected_at),
    })),
  ];
}

/** Every alert the actor may see (reserves.stock.read), filtered, with counts per kind and severity. */
export async function listAlerts(exec: Executor, ctx: RequestContext, q: AlertQueryT): Promise<AlertListT> {
  authorize(ctx, PERM.stockRead);
  const platformId = q.platform ? (await platformInScope(exec, ctx, q.platform)).id : undefined;
  const horizon = q.horizonDays ?? DEFAULT_EXPIRY_HORIZON_DAYS;
  const want = (k: AlertKind) => !q.kind || q.kind === k;
  const parts = await Promise.all([
    want('below_minimum') ? belowMinimum(exec, ctx, platformId) : [],
    want('near_expiry') || want('expired') ? expiry(exec, ctx, platformId, horizon) : [],
    want('maintenance_overdue') ? maintenanceOverdue(exec, ctx, platformId) : [],
    want('transit_late') ? transitLate(exec, ctx, platformId) : [],
  ]);
  const all = parts.flat().filter((a) => want(a.kind));
  // Acknowledgements made after the condition began.
  const keys = all.map((a) => a.key);
  const acks = keys.length
    ? await rows<{ alert_key: string; by: string; at: Date | string; note: string | null }>(
        exec,
        sql`SELECT a.alert_key, coalesce(u.display_name, u.email, '') AS by, a.acknowledged_at AS at, a.note
            FROM reserves.alert_acks a LEFT JOIN core.users u ON u.id = a.acknowledged_by
            WHERE a.alert_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
      )
    : [];
  const ackOf = new Map(acks.map((a) => [a.alert_key, a]));
  let items: AlertViewT[] = all.map((a) => {
    const ack = ackOf.get(a.key);
    const valid = ack && (!a.since || new Date(ack.at).getTime() >= new Date(a.since).getTime());
    return { ...a, acknowledged: valid ? { by: ack.by, at: iso(ack.at)!, note: ack.note } : null };
  });
  if (q.severity) items = items.filter((a) => a.severity === q.severity);
  if (q.acknowledged !== undefined) items = items.filter((a) => (a.acknowledged !== null) === q.acknowledged);
  const counts = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((k) => [k, 0])) as Record<Severity, number>;
  for (const a of items) {
    counts[a.kind]++;
    bySeverity[a.severity]++;
  }
  items.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind) ||
      (a.since ?? '').localeCompare(b.since ?? '') ||
      a.key.localeCompare(b.key),
  );
  return {
    items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: items.length,
    counts,
    bySeverity,
    horizonDays: horizon,
  };
}

/**
 * Acknowledges an alert the actor can see (404 `RESERVES_ALERT_NOT_FOUND` when no such alert is
 * active for them). Audited; acknowledging again replaces the note and time.
 */
export async function acknowledgeAlert(
  db: Database,
  ctx: RequestContext,
  input: { key: string; note?: string | undefined; horizonDays?: number | undefined },
): Promise<AlertViewT> {
  const kind = input.key.split(':')[0] as AlertKind;
  if (!ALERT_KINDS.includes(kind)) throw new AppError(MAINT_ERR.alertNotFound, 404, { key: input.key });
  const query = { kind, horizonDays: input.horizonDays ?? DEFAULT_EXPIRY_HORIZON_DAYS, page: 1, pageSize: 1_000_000 };
  const alert = (await listAlerts(db, ctx, query)).items.find((a) => a.key === input.key);
  if (!alert) throw new AppError(MAINT_ERR.alertNotFound, 404, { key: input.key });
  const [pf] = await rows<{ org_id: string; path: string }>(
    db,
    sql`SELECT p.org_id, o.path FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id WHERE p.code = ${alert.platform}`,
  );
  if (!pf || !can(ctx, PERM.stockRead, pf.path)) throw new AppError(MAINT_ERR.alertNotFound, 404, { key: input.key });
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`INSERT INTO reserves.alert_acks (id, alert_key, org_id, note, acknowledged_by)
          VALUES (${uuidv7()}, ${input.key}, ${pf.org_id}, ${input.note ?? null}, ${ctx.actor!.id})
          ON CONFLICT (alert_key) DO UPDATE SET note = excluded.note, acknowledged_by = excluded.acknowledged_by,
                                                acknowledged_at = now(), org_id = excluded.org_id`,
    );
    await audit(tx, ctx, {
      action: 'reserves.alert.acknowledge',
      entityType: 'reserves.alert',
      entityId: null,
      orgId: pf.org_id,
      after: { key: input.key, note: input.note ?? null },
      meta: { kind: alert.kind, severity: alert.severity, figures: alert.figures },
    });
  });
  const again = await listAlerts(db, ctx, query);
  return again.items.find((a) => a.key === input.key) ?? { ...alert, acknowledged: null };
}
