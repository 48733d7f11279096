import { sql } from 'drizzle-orm';
import { systemContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { uuidv7 } from '../../../core/db/columns';
import { rows } from '../../../core/db/client';
import type { SeedContext } from '../../../core/module';
import { postMovement } from '../ledger/post';
import { insertJson, prng } from '../seed/seed';
import { closeWorkOrder, openWorkOrder, recordHours, setOutOfService, startWorkOrder } from './commands';
import { unitsCte, type UnitRow } from './readiness';

const DAY = 86_400_000;

/** Preventive plans of the equipment products (product-wide). */
export const DEMO_PLANS: {
  code: string;
  product: string;
  title: string;
  days: number | null;
  hours: number | null;
  checklist: string[];
}[] = [
  {
    code: 'PM-GEN5-90J',
    product: 'EN-GEN-5',
    title: 'Entretien groupe électrogène 5 kVA (90 jours / 250 h)',
    days: 90,
    hours: 250,
    checklist: ['Vidange huile moteur', 'Filtre à air', 'Niveau batterie', 'Essai en charge 30 min'],
  },
  {
    code: 'PM-GEN20-90J',
    product: 'EN-GEN-20',
    title: 'Entretien groupe électrogène 20 kVA (90 jours / 250 h)',
    days: 90,
    hours: 250,
    checklist: [
      'Vidange huile moteur',
      'Filtres à gazole et à air',
      'Liquide de refroidissement',
      'Batterie',
      'Essai en charge 1 h',
    ],
  },
  {
    code: 'PM-WPU-60J',
    product: 'EQ-WPU-4000',
    title: 'Unité de potabilisation : contrôle bimestriel',
    days: 60,
    hours: null,
    checklist: ['Préfiltres', 'Membranes : test d’intégrité', 'Pompe doseuse de chlore', 'Analyse d’eau en sortie'],
  },
  {
    code: 'PM-LIGHT-180J',
    product: 'EQ-LIGHT-TOWER',
    title: 'Mât d’éclairage : révision semestrielle (180 jours / 500 h)',
    days: 180,
    hours: 500,
    checklist: ['Treuil et câble du mât', 'Projecteurs', 'Moteur : huile et filtres', 'Stabilisateurs'],
  },
  {
    code: 'PM-PUMP-120J',
    product: 'EQ-PUMP-WATER',
    title: 'Motopompe : révision (120 jours)',
    days: 120,
    hours: 200,
    checklist: ['Roue et garniture', 'Huile moteur', 'Tuyaux et raccords'],
  },
  {
    code: 'PM-4X4-180J',
    product: 'EQ-4X4',
    title: 'Véhicule 4×4 : entretien (180 jours)',
    days: 180,
    hours: null,
    checklist: ['Vidange', 'Freins', 'Pneumatiques', 'Éclairage et signalisation'],
  },
];

/**
 * Demo maintenance (idempotent: nothing when a plan already exists): the plans above, started a
 * year ago; for every unit in the warehouses a history of completed preventive work orders (most
 * up to date, about one in eight overdue, more in Marrakech-Safi for the Al Haouz scenario);
 * meter readings; in Marrakech-Safi a corrective order in progress on a generator, one closed
 * with diesel taken from the stock, a unit out of service; and a transfer between Marrakech-Safi
 * warehouses that is late, so the alerts show every kind.
 */
export async function seedMaintenanceDemo({ db, config }: SeedContext): Promise<void> {
  if (config.production) throw new Error('Demo data is refused in production.');
  const [done] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM reserves.maintenance_plans`);
  if (!done || done.n > 0) return;
  const [units0] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM reserves.balances b JOIN reserves.lots l ON l.id = b.lot_id WHERE l.kind = 'serial' AND b.quantity > 0`,
  );
  if (!units0 || units0.n === 0) return;
  const ctx = systemContext('fr');
  const now = Date.now();
  const rnd = prng(5005);
  await db.transaction(async (tx) => {
    const startsOn = new Date(now - 400 * DAY).toISOString().slice(0, 10);
    const products = new Map(
      (
        await rows<{ id: string; code: string }>(
          tx,
          sql`SELECT id, code FROM reserves.products WHERE code IN (${sql.join(
            DEMO_PLANS.map((p) => sql`${p.product}`),
            sql`, `,
          )})`,
        )
      ).map((p) => [p.code, p.id]),
    );
    const plans = DEMO_PLANS.filter((p) => products.has(p.product)).map((p) => ({ ...p, id: uuidv7() }));
    await insertJson(
      tx,
      sql`reserves.maintenance_plans (id, code, product_id, title, interval_days, interval_hours, checklist, starts_on)`,
      sql`id uuid, code text, product_id uuid, title text, interval_days int, interval_hours int, checklist jsonb, starts_on date`,
      plans.map((p) => ({
        id: p.id,
        code: p.code,
        product_id: products.get(p.product),
        title: p.title,
        interval_days: p.days,
        interval_hours: p.hours,
        checklist: p.checklist,
        starts_on: startsOn,
      })),
    );
    const planOf = new Map(plans.map((p) => [products.get(p.product)!, p]));

    // Units in the warehouses, with a history of preventive orders.
    const units = await rows<UnitRow>(
      tx,
      sql`${unitsCte({ includeDeployed: false })} SELECT units.* FROM units ORDER BY units.serial`,
    );
    const orders: Record<string, unknown>[] = [];
    const meters: Record<string, unknown>[] = [];
    const perPlatform = new Map<string, { orgId: string; numbers: number }>();
    const drafts: { unit: UnitRow; plan: (typeof plans)[number]; performedAt: Date; hours: number }[] = [];
    for (const u of units) {
      const plan = planOf.get(u.product_id);
      const hours = Math.floor(150 + rnd() * 900);
      meters.push({
        lot_id: u.lot_id,
        product_id: u.product_id,
        hours,
        hours_read_at: new Date(now - Math.floor(rnd() * 20) * DAY).toISOString(),
      });
      if (!plan || !plan.days) continue;
      const overdue = rnd() < (u.platform === 'PF-07' ? 0.3 : 0.12);
      // The last service: within the interval for most units, beyond it (by 5 to 60 days) for the overdue ones.
      const lastAgo = overdue ? plan.days + 5 + Math.floor(rnd() * 55) : 5 + Math.floor(rnd() * (plan.days - 15));
      let hoursAt = Math.max(0, hours - Math.floor(rnd() * 120));
      for (let k = 0, ago = lastAgo; k < 3 && ago < 365; k++, ago += plan.days) {
        drafts.push({
          unit: u,
          plan,
          performedAt: new Date(now - ago * DAY - Math.floor(rnd() * 8) * 3_600_000),
          hours: hoursAt,
        });
        hoursAt = Math.max(0, hoursAt - Math.floor(60 + rnd() * 120));
      }
    }
    for (const d of drafts) {
      const p = perPlatform.get(d.unit.platform) ?? { orgId: d.unit.org_id, numbers: 0 };
      p.numbers++;
      perPlatform.set(d.unit.platform, p);
    }
    // One block of order numbers per platform, taken from the numbering counters.
    const year = Number(
      (await rows<{ y: number }>(tx, sql`SELECT extract(year FROM now() AT TIME ZONE 'Africa/Casablanca')::int AS y`))[0]!.y,
    );
    const next = new Map<string, number>();
    for (const [platform, p] of perPlatform) {
      const [r] = await rows<{ last_value: string | number }>(
        tx,
        sql`INSERT INTO core.number_counters (org_id, series, year, last_value, updated_at)
            VALUES (${p.orgId}, ${`OT-${platform}`}, ${year}, ${p.numbers}, now())
            ON CONFLICT (org_id, series, year) DO UPDATE SET last_value = core.number_counters.last_value + ${p.numbers}, updated_at = now()
            RETURNING last_value`,
      );
      next.set(platform, Number(r!.last_value) - p.numbers + 1);
    }
    for (const d of drafts.sort((a, b) => a.performedAt.getTime() - b.performedAt.getTime())) {
      const seq = next.get(d.unit.platform)!;
      next.set(d.unit.platform, seq + 1);
      const opened = new Date(d.performedAt.getTime() - DAY);
      orders.push({
        id: uuidv7(),
        number: `OT-${d.unit.platform}-${year}-${String(seq).padStart(6, '0')}`,
        kind: 'preventive',
        lot_id: d.unit.lot_id,
        product_id: d.unit.product_id,
        plan_id: d.plan.id,
        warehouse_id: d.unit.warehouse_id,
        platform_id: d.unit.platform_id,
        org_id: d.unit.org_id,
        status: 'closed',
        assignee: ['Équipe atelier', 'Brahim Aït Ouahmane', 'Youssef El Idrissi', 'Khadija Benali'][Math.floor(rnd() * 4)],
        opened_at: opened.toISOString(),
        started_at: opened.toISOString(),
        performed_at: d.performedAt.toISOString(),
        closed_at: d.performedAt.toISOString(),
        work_done: `${d.plan.title} : points de contrôle effectués.`,
        hours_at: d.hours,
        checklist: d.plan.checklist.map((item) => ({ item, done: true })),
        outcome: 'ready',
      });
    }
    await insertJson(
      tx,
      sql`reserves.equipment_units (lot_id, product_id, hours, hours_read_at)`,
      sql`lot_id uuid, product_id uuid, hours int, hours_read_at timestamptz`,
      meters,
      sql` ON CONFLICT (lot_id) DO NOTHING`,
    );
    await insertJson(
      tx,
      sql`reserves.work_orders (id, number, kind, lot_id, product_id, plan_id, warehouse_id, platform_id, org_id, status, assignee, opened_at,
                                started_at, performed_at, closed_at, work_done, hours_at, checklist, outcome)`,
      sql`id uuid, number text, kind text, lot_id uuid, product_id uuid, plan_id uuid, warehouse_id uuid, platform_id uuid, org_id uuid,
          status text, assignee text, opened_at timestamptz, started_at timestamptz, performed_at timestamptz, closed_at timestamptz,
          work_done text, hours_at int, checklist jsonb, outcome text`,
      orders,
    );
    await audit(tx, ctx, {
      action: 'reserves.maintenance.seed',
      entityType: 'reserves.work_order',
      meta: { plans: plans.length, units: units.length, workOrders: orders.length },
    });

    // Marrakech-Safi (Al Haouz): corrective orders, parts from the stock, a unit out of service.
    const pf07 = units.filter((u) => u.platform === 'PF-07');
    const gens = pf07.filter((u) => u.product.startsWith('EN-GEN'));
    const wh = gens[0]?.warehouse ?? pf07[0]?.warehouse;
    if (wh) {
      await postMovement(tx, ctx, {
        type: 'receipt',
        warehouse: wh,
        lines: [{ product: 'EN-DIESEL', quantity: 2000 }],
        reference: 'BL-ATELIER-DIESEL',
        occurredAt: new Date(now - 30 * DAY).toISOString(),
      });
    }
    if (gens[0]) {
      const n1 = await openWorkOrder(tx, ctx, {
        kind: 'corrective',
        serial: gens[0].serial,
        fault: 'Le groupe ne démarre plus : démarreur défaillant.',
        priority: 'urgent',
        assignee: 'Brahim Aït Ouahmane',
        immobilising: true,
      });
      await startWorkOrder(tx, ctx, n1, {});
    }
    if (gens[1]) {
      const n2 = await openWorkOrder(tx, ctx, {
        kind: 'corrective',
        serial: gens[1].serial,
        fault: 'Fuite de gazole au filtre, consommation anormale.',
        priority: 'high',
        assignee: 'Youssef El Idrissi',
      });
      const h1 = Number(meters.find((m) => m.lot_id === gens[1]!.lot_id)?.hours ?? 0);
      await recordHours(tx, ctx, gens[1].serial, { hours: h1 + 12 });
      await closeWorkOrder(tx, ctx, n2, {
        workDone: 'Joint du filtre à gazole remplacé, essai en charge 1 h concluant.',
        hours: h1 + 13,
        parts: [
          { product: 'EN-DIESEL', quantity: 40, warehouse: gens[1].warehouse },
          { description: 'Joint de filtre à gazole', quantity: 1 },
        ],
        outcome: 'ready',
      });
    }
    const oos = pf07.find((u) => u.product === 'EQ-LIGHT-TOWER') ?? pf07[2];
    if (oos)
      await setOutOfService(tx, ctx, oos.serial, {
        outOfService: true,
        reason: 'Treuil du mât cassé : pièce commandée.',
      });
    const wpu = pf07.find((u) => u.product === 'EQ-WPU-4000');
    if (wpu)
      await openWorkOrder(tx, ctx, {
        kind: 'preventive',
        serial: wpu.serial,
        plan: 'PM-WPU-60J',
        priority: 'normal',
        assignee: 'Khadija Benali',
        dueOn: new Date(now + 7 * DAY).toISOString().slice(0, 10),
      });

    // A transfer between Marrakech-Safi warehouses that should have arrived yesterday.
    const whs = await rows<{ code: string }>(
      tx,
      sql`SELECT w.code FROM reserves.warehouses w JOIN reserves.platforms p ON p.id = w.platform_id WHERE p.code = 'PF-07' ORDER BY w.code`,
    );
    if (whs.length >= 2) {
      const [tent] = await rows<{ n: string | number }>(
        tx,
        sql`SELECT coalesce(sum(b.quantity), 0) AS n FROM reserves.balances b JOIN reserves.products p ON p.id = b.product_id
            JOIN reserves.warehouses w ON w.id = b.warehouse_id WHERE p.code = 'SHL-TENT-FAM' AND w.code = ${whs[0]!.code}`,
      );
      if (Number(tent!.n) >= 50)
        await postMovement(tx, ctx, {
          type: 'transfer',
          warehouse: whs[0]!.code,
          toWarehouse: whs[1]!.code,
          lines: [{ product: 'SHL-TENT-FAM', quantity: 50 }],
          reference: 'TR-AL-HAOUZ-DEMO',
          occurredAt: new Date(now - 3 * DAY).toISOString(),
          expectedAt: new Date(now - 1 * DAY).toISOString(),
        });
    }
  });
}
