import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { systemContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { rows, type Executor } from '../../../core/db/client';
import { hashPassword } from '../../../core/identity/passwords';
import { findUserByEmail } from '../../../core/identity/service';
import type { SeedContext } from '../../../core/module';
import { BINS, KITS, PLATFORMS, PRODUCTS, WAREHOUSE_AREA_M2 } from './catalog';

/**
 * Reference data, loaded at every start (idempotent): the 12 platforms, their 36 warehouses and
 * the zones and bins of each warehouse.
 */
export async function seedReferenceReserves({ db }: SeedContext): Promise<void> {
  const [existing] = await rows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM reserves.warehouses`);
  if (Number(existing!.n) >= PLATFORMS.reduce((s, p) => s + p.warehouses, 0)) return;
  await db.transaction(async (tx) => {
    const regions = await rows<{ id: string; code: string }>(
      tx,
      sql`SELECT id, code FROM core.organisations WHERE code IN (${sql.join(
        PLATFORMS.map((p) => sql`${p.region}`),
        sql`, `,
      )})`,
    );
    const regionId = new Map(regions.map((r) => [r.code, r.id]));
    let created = 0;
    for (const p of PLATFORMS) {
      const orgId = regionId.get(p.region);
      if (!orgId) throw new Error(`reserves seed: region ${p.region} missing`);
      await tx.execute(
        sql`INSERT INTO reserves.platforms (id, code, org_id, name_fr, name_ar, name_en, city, area_m2)
            VALUES (${uuidv7()}, ${p.code}, ${orgId}, ${`Plateforme régionale de réserves ${p.regionFr}`},
                    ${`المنصة الجهوية للمخزون والاحتياطات الأولية ${p.regionAr}`}, ${`Regional reserve platform ${p.regionEn}`},
                    ${p.city}, ${p.warehouses * WAREHOUSE_AREA_M2})
            ON CONFLICT (code) DO NOTHING`,
      );
      const [pf] = await rows<{ id: string }>(tx, sql`SELECT id FROM reserves.platforms WHERE code = ${p.code}`);
      for (let i = 1; i <= p.warehouses; i++) {
        const code = `${p.code}-E${i}`;
        const ins = await rows<{ id: string }>(
          tx,
          sql`INSERT INTO reserves.warehouses (id, code, platform_id, org_id, name_fr, name_ar, name_en, area_m2)
              VALUES (${uuidv7()}, ${code}, ${pf!.id}, ${orgId}, ${`Entrepôt ${i} — ${p.city}`}, ${`المستودع ${i} — ${p.cityAr}`},
                      ${`Warehouse ${i} — ${p.city}`}, ${WAREHOUSE_AREA_M2})
              ON CONFLICT (code) DO NOTHING RETURNING id`,
        );
        const [wh] = await rows<{ id: string }>(tx, sql`SELECT id FROM reserves.warehouses WHERE code = ${code}`);
        await tx.execute(
          sql`INSERT INTO reserves.bins (id, warehouse_id, zone, code)
              VALUES ${sql.join(
                BINS.map((b) => sql`(${uuidv7()}::uuid, ${wh!.id}::uuid, ${b.zone}, ${b.code})`),
                sql`, `,
              )}
              ON CONFLICT (warehouse_id, code) DO NOTHING`,
        );
        created += ins.length;
      }
    }
    if (created)
      await audit(tx, systemContext(), {
        action: 'reserves.reference.seed',
        entityType: 'reserves.warehouse',
        meta: { platforms: PLATFORMS.length, warehousesCreated: created },
      });
  });
}

/** The demo accounts of the reserves module (README). */
export const RESERVES_DEMO_ACCOUNTS = [
  {
    email: 'reserves.national@demo.raqmana.ma',
    displayName: 'Autorité nationale de gestion de crise',
    role: 'reserves_national',
    org: 'MA',
    includeDescendants: true,
  },
  {
    email: 'reserves.rsk@demo.raqmana.ma',
    displayName: 'Responsable plateforme Rabat-Salé-Kénitra',
    role: 'reserves_officer',
    org: 'MA-04',
    includeDescendants: false,
  },
  {
    email: 'reserves.marrakech@demo.raqmana.ma',
    displayName: 'Responsable plateforme Marrakech-Safi',
    role: 'reserves_officer',
    org: 'MA-07',
    includeDescendants: false,
  },
  {
    email: 'reserves.haouz@demo.raqmana.ma',
    displayName: 'Autorité de crise — province d’Al Haouz',
    role: 'reserves_crisis_authority',
    org: 'MA-HAO',
    includeDescendants: true,
  },
] as const;

const DEMO_PASSWORD = 'demo-Raqmana-2026';

/** Demo data: products and kits, minimum levels, the demo accounts, and a year of movements. */
export async function seedDemoReserves(ctx: SeedContext): Promise<void> {
  if (ctx.config.production) throw new Error('Demo data is refused in production.');
  await seedProducts(ctx.db);
  await seedAccounts(ctx);
  const [any] = await rows<{ id: string }>(ctx.db, sql`SELECT id FROM reserves.movements LIMIT 1`);
  if (!any) await ctx.db.transaction((tx) => seedYearOfMovements(tx));
}

export async function seedProducts(db: Executor): Promise<void> {
  const [existing] = await rows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM reserves.products`);
  if (Number(existing!.n) >= PRODUCTS.length) return;
  await db.transaction(async (tx) => {
    const inserted = await rows<{ code: string }>(
      tx,
      sql`INSERT INTO reserves.products (id, code, category, name_fr, name_ar, name_en, unit, pack_size, gtin, lot_tracked, expiry_tracked,
                                         serial_tracked, is_kit, household_ration)
          VALUES ${sql.join(
            PRODUCTS.map(
              (p) =>
                sql`(${uuidv7()}::uuid, ${p.code}, ${p.category}, ${p.nameFr}, ${p.nameAr}, ${p.nameEn}, ${p.unit}, ${p.packSize}, ${p.gtin},
                     ${p.lotTracked}, ${p.expiryTracked}, ${p.serialTracked}, ${p.isKit}, ${p.householdRation})`,
            ),
            sql`, `,
          )}
          ON CONFLICT (code) DO NOTHING RETURNING code`,
    );
    for (const k of KITS)
      await tx.execute(
        sql`INSERT INTO reserves.kit_components (kit_id, component_id, quantity)
            SELECT k.id, c.id, v.q FROM (VALUES ${sql.join(
              k.components.map(([c, q]) => sql`(${c}, ${q}::int)`),
              sql`, `,
            )}) AS v(code, q)
            JOIN reserves.products c ON c.code = v.code
            JOIN reserves.products k ON k.code = ${k.kit}
            ON CONFLICT DO NOTHING`,
      );
    // Untracked products get their one tracking row now (stock of them is always on it).
    await tx.execute(
      sql`INSERT INTO reserves.lots (id, product_id, kind, code)
          SELECT gen_random_uuid(), p.id, 'none', '' FROM reserves.products p
          WHERE NOT p.lot_tracked AND NOT p.serial_tracked
          ON CONFLICT (product_id, code) DO NOTHING`,
    );
    // Minimum levels: a week of response for 2,000 households per warehouse of the platform.
    await tx.execute(
      sql`INSERT INTO reserves.min_levels (platform_id, product_id, min_quantity)
          SELECT pf.id, p.id, p.household_ration * 2000 * (SELECT count(*) FROM reserves.warehouses w WHERE w.platform_id = pf.id)
          FROM reserves.platforms pf CROSS JOIN reserves.products p
          WHERE p.household_ration IS NOT NULL
          ON CONFLICT DO NOTHING`,
    );
    if (inserted.length)
      await audit(tx, systemContext(), {
        action: 'reserves.products.seed',
        entityType: 'reserves.product',
        meta: { created: inserted.length, kits: KITS.length },
      });
  });
}

async function seedAccounts({ db, config }: SeedContext): Promise<void> {
  let hash: string | null = null;
  for (const a of RESERVES_DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, a.email)) continue;
    hash ??= await hashPassword(DEMO_PASSWORD, config);
    await db.transaction(async (tx) => {
      const [u] = await rows<{ id: string }>(
        tx,
        sql`INSERT INTO core.users (id, email, kind, status, display_name, password_hash, password_changed_at, email_verified_at, locale)
            VALUES (${uuidv7()}, ${a.email}, 'agent', 'active', ${a.displayName}, ${hash}, now(), now(), 'fr')
            ON CONFLICT DO NOTHING RETURNING id`,
      );
      if (!u) return;
      await tx.execute(
        sql`INSERT INTO core.role_grants (id, user_id, role_id, org_id, include_descendants)
            SELECT ${uuidv7()}, ${u.id}, r.id, o.id, ${a.includeDescendants}
            FROM core.roles r, core.organisations o WHERE r.code = ${a.role} AND o.code = ${a.org}
            ON CONFLICT DO NOTHING`,
      );
      await audit(tx, systemContext(), {
        action: 'core.user.seeded',
        entityType: 'user',
        entityId: u.id,
        after: { email: a.email, kind: 'agent', role: a.role, orgCode: a.org },
      });
    });
  }
}

/** A small deterministic pseudo-random generator (mulberry32), so the demo is the same everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/**
 * A year of movements for the relief items (products with a household ration) and some
 * equipment in every warehouse: quarterly receipts, then dispatches, losses and returns that never
 * take more than is there. Written set-based; the balances are the sums of the entries, so
 * `raqmana reserves verify` holds.
 */
export async function seedYearOfMovements(
  tx: Executor,
  opts: { now?: Date } = {},
): Promise<{ movements: number; entries: number }> {
  const now = opts.now ?? new Date();
  const rnd = prng(2026);
  const whs = await rows<{ id: string; code: string; org_id: string; gen: string; platform: string }>(
    tx,
    sql`SELECT w.id, w.code, w.org_id, b.id AS gen, p.code AS platform FROM reserves.warehouses w
        JOIN reserves.bins b ON b.warehouse_id = w.id AND b.code = 'GEN'
        JOIN reserves.platforms p ON p.id = w.platform_id ORDER BY w.code`,
  );
  const prods = await rows<{
    id: string;
    code: string;
    lot_tracked: boolean;
    expiry_tracked: boolean;
    serial_tracked: boolean;
    household_ration: number | null;
    is_kit: boolean;
  }>(
    tx,
    sql`SELECT id, code, lot_tracked, expiry_tracked, serial_tracked, household_ration, is_kit FROM reserves.products
        WHERE (household_ration IS NOT NULL AND NOT is_kit) OR code IN ('EN-GEN-20', 'EQ-LIGHT-TOWER', 'EQ-WPU-4000', 'EN-GEN-5')
        ORDER BY code`,
  );
  const noneLots = new Map(
    (await rows<{ id: string; product_id: string }>(tx, sql`SELECT id, product_id FROM reserves.lots WHERE kind = 'none'`)).map(
      (l) => [l.product_id, l.id],
    ),
  );
  const lots: { id: string; productId: string; kind: string; code: string; expiresOn: string | null }[] = [];
  const movements: {
    id: string;
    type: string;
    wh: string;
    org: string;
    at: Date;
    reference: string | null;
    reason: string | null;
  }[] = [];
  const entries: {
    m: string;
    line: number;
    type: string;
    wh: string;
    bin: string;
    p: string;
    lot: string;
    delta: number;
    at: Date;
  }[] = [];
  const start = now.getTime() - 365 * DAY;
  const day = (d: number) => new Date(start + d * DAY + Math.floor(rnd() * 8 * 3_600_000) + 8 * 3_600_000);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  let serialNo = 0;
  for (const w of whs) {
    // A fuller history and bigger stocks in Rabat-Salé-Kénitra and Marrakech-Safi (the Al Haouz scenario).
    const focus = ['PF-07', 'PF-04'].includes(w.platform);
    const scale = focus ? 3 : 1;
    const whIndex = Number(w.code.slice(-1));
    // Each warehouse holds about half of the relief items (every item is in every platform); equipment everywhere.
    for (const [pi, p] of prods.entries()) {
      if (!p.serial_tracked && (pi + whIndex) % 2 === 1 && w.code.slice(-2) !== 'E1') continue;
      if (p.serial_tracked) {
        const n = 1 + Math.floor(rnd() * 3);
        const d = Math.floor(rnd() * 60);
        const mId = uuidv7();
        movements.push({
          id: mId,
          type: 'receipt',
          wh: w.id,
          org: w.org_id,
          at: day(d),
          reference: `MAR-2025-${String(100 + d).padStart(4, '0')}`,
          reason: null,
        });
        for (let i = 0; i < n; i++) {
          serialNo++;
          const lotId = uuidv7();
          lots.push({
            id: lotId,
            productId: p.id,
            kind: 'serial',
            code: `SN-${p.code.split('-').slice(1).join('')}-${String(serialNo).padStart(5, '0')}`,
            expiresOn: null,
          });
          entries.push({ m: mId, line: i + 1, type: 'receipt', wh: w.id, bin: w.gen, p: p.id, lot: lotId, delta: 1, at: day(d) });
        }
        continue;
      }
      const onHand = new Map<string, number>();
      const ration = p.household_ration ?? 1;
      // One receipt per quarter (Rabat-Salé-Kénitra and Marrakech-Safi; one a year elsewhere), then a few outgoing movements before the next.
      const periods = focus ? 4 : 1;
      for (let q = 0; q < periods; q++) {
        const d = q * (360 / periods) + Math.floor(rnd() * 20);
        let lotId = noneLots.get(p.id)!;
        if (p.lot_tracked) {
          lotId = uuidv7();
          const expires = p.expiry_tracked ? iso(start + (d + 240 + Math.floor(rnd() * 500)) * DAY) : null;
          lots.push({
            id: lotId,
            productId: p.id,
            kind: 'lot',
            code: `L${iso(start + d * DAY)
              .replaceAll('-', '')
              .slice(2)}-${w.code.slice(3).replace('-', '')}${q}`,
            expiresOn: expires,
          });
        }
        const qty = Math.round((ration * (800 + rnd() * 1200) * scale) / 10) * 10;
        const rId = uuidv7();
        movements.push({
          id: rId,
          type: 'receipt',
          wh: w.id,
          org: w.org_id,
          at: day(d),
          reference: `BL-${iso(start + d * DAY).slice(0, 7)}-${w.code.slice(3)}`,
          reason: null,
        });
        entries.push({ m: rId, line: 1, type: 'receipt', wh: w.id, bin: w.gen, p: p.id, lot: lotId, delta: qty, at: day(d) });
        onHand.set(lotId, (onHand.get(lotId) ?? 0) + qty);
        const outs = focus ? 1 + Math.floor(rnd() * 2) : 1;
        for (let k = 0; k < outs; k++) {
          const od = d + 10 + Math.floor(rnd() * (360 / periods - 20));
          if (od >= 364) break;
          const type = rnd() < 0.85 ? 'dispatch' : 'loss';
          // Oldest lot first.
          const [firstLot, have] = [...onHand.entries()].find(([, v]) => v > 0) ?? [null, 0];
          if (!firstLot || have <= 0) break;
          const take = Math.max(1, Math.min(have, Math.round(have * (type === 'loss' ? 0.01 : 0.1 + rnd() * 0.25))));
          const oId = uuidv7();
          movements.push({
            id: oId,
            type,
            wh: w.id,
            org: w.org_id,
            at: day(od),
            reference: type === 'dispatch' ? `OD-${w.code.slice(3, 5)}-${String(od).padStart(3, '0')}` : null,
            reason: type === 'loss' ? 'Avarie constatée à l’inventaire' : null,
          });
          entries.push({ m: oId, line: 1, type, wh: w.id, bin: w.gen, p: p.id, lot: firstLot, delta: -take, at: day(od) });
          onHand.set(firstLot, have - take);
        }
      }
    }
  }
  // Bulk rows travel as one JSON parameter each (much faster than thousands of bound parameters).
  await insertJson(
    tx,
    sql`reserves.lots (id, product_id, kind, code, expires_on)`,
    sql`id uuid, product_id uuid, kind text, code text, expires_on date`,
    lots.map((l) => ({ id: l.id, product_id: l.productId, kind: l.kind, code: l.code, expires_on: l.expiresOn })),
    sql` ON CONFLICT (product_id, code) DO NOTHING`,
  );
  await insertJson(
    tx,
    sql`reserves.movements (id, type, warehouse_id, org_id, reason, reference, occurred_at, recorded_at)`,
    sql`id uuid, type text, warehouse_id uuid, org_id uuid, reason text, reference text, occurred_at timestamptz, recorded_at timestamptz`,
    movements.map((m) => ({
      id: m.id,
      type: m.type,
      warehouse_id: m.wh,
      org_id: m.org,
      reason: m.reason,
      reference: m.reference,
      occurred_at: m.at.toISOString(),
      recorded_at: m.at.toISOString(),
    })),
  );
  await insertJson(
    tx,
    sql`reserves.entries (movement_id, line, type, warehouse_id, bin_id, product_id, lot_id, delta, occurred_at, recorded_at)`,
    sql`movement_id uuid, line int, type text, warehouse_id uuid, bin_id uuid, product_id uuid, lot_id uuid, delta int, occurred_at timestamptz, recorded_at timestamptz`,
    entries.map((e) => ({
      movement_id: e.m,
      line: e.line,
      type: e.type,
      warehouse_id: e.wh,
      bin_id: e.bin,
      product_id: e.p,
      lot_id: e.lot,
      delta: e.delta,
      occurred_at: e.at.toISOString(),
      recorded_at: e.at.toISOString(),
    })),
  );
  await rebuildBalancesFromLedger(tx);
  await audit(tx, systemContext(), {
    action: 'reserves.movements.seed',
    entityType: 'reserves.movement',
    meta: { movements: movements.length, entries: entries.length, lots: lots.length },
  });
  return { movements: movements.length, entries: entries.length };
}

/** Seeding and benchmarks only: balances set to the sums of the ledger (the ledger is the truth). */
export async function rebuildBalancesFromLedger(tx: Executor): Promise<void> {
  await tx.execute(sql`DELETE FROM reserves.balances`);
  await tx.execute(
    sql`INSERT INTO reserves.balances (warehouse_id, bin_id, product_id, lot_id, quantity, updated_at)
        SELECT warehouse_id, bin_id, product_id, lot_id, sum(delta), max(recorded_at)
        FROM reserves.entries GROUP BY warehouse_id, bin_id, product_id, lot_id`,
  );
}

/** `INSERT INTO target SELECT * FROM json_to_recordset($1)`, in chunks of 5,000 rows. */
export async function insertJson(
  tx: Executor,
  target: SQL,
  columns: SQL,
  data: Record<string, unknown>[],
  suffix: SQL = sql``,
): Promise<void> {
  for (let i = 0; i < data.length; i += 5000) {
    const part = JSON.stringify(data.slice(i, i + 5000));
    await tx.execute(sql`INSERT INTO ${target} SELECT * FROM json_to_recordset(${part}::json) AS x(${columns})${suffix}`);
  }
}
