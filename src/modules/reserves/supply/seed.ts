import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { systemContext } from '../../../core/access/context';
import { rows, type Database, type Executor } from '../../../core/db/client';
import type { SeedContext } from '../../../core/module';
import { changeOrderStatus, createOrder, putAway, qualityCheck, receive } from './commands';
import { RECEIVING_BIN, RECEIVING_ZONE, type OrderInputT } from './contract';

/** Reference data (every start, idempotent): the receiving (quarantine) bin of every warehouse. */
export async function seedSupplyReference({ db }: SeedContext): Promise<void> {
  await ensureReceivingBins(db);
}

export async function ensureReceivingBins(db: Executor): Promise<void> {
  await db.execute(
    sql`INSERT INTO reserves.bins (id, warehouse_id, zone, code)
        SELECT gen_random_uuid(), w.id, ${RECEIVING_ZONE}, ${RECEIVING_BIN} FROM reserves.warehouses w
        WHERE NOT EXISTS (SELECT 1 FROM reserves.bins b WHERE b.warehouse_id = w.id AND b.code = ${RECEIVING_BIN})
        ON CONFLICT (warehouse_id, code) DO NOTHING`,
  );
}

/** National suppliers (fictitious companies, made-up ICE numbers) and real humanitarian donors. */
export const DEMO_PARTNERS = [
  {
    code: 'SUP-ATLAS-TENTES',
    kind: 'supplier',
    name: 'Atlas Tentes et Bâches SARL',
    nameAr: 'أطلس للخيام والأغطية ش.م.م',
    ice: '001528734000061',
    contactName: 'Karim Bennani',
    email: 'commercial@atlas-tentes.example.ma',
    phone: '+212 522 40 17 85',
    city: 'Casablanca',
  },
  {
    code: 'SUP-MINOTERIE-SAISS',
    kind: 'supplier',
    name: 'Grands Moulins du Saïss SA',
    nameAr: 'المطاحن الكبرى لسايس ش.م',
    ice: '002174590000034',
    contactName: 'Nadia El Fassi',
    email: 'ventes@moulins-saiss.example.ma',
    phone: '+212 535 65 22 10',
    city: 'Fès',
  },
  {
    code: 'SUP-OULMES-EAU',
    kind: 'supplier',
    name: 'Eaux minérales du Moyen Atlas SA',
    nameAr: 'المياه المعدنية للأطلس المتوسط ش.م',
    ice: '000936218000027',
    contactName: 'Youssef Alaoui',
    email: 'grands.comptes@eaux-moyen-atlas.example.ma',
    phone: '+212 537 71 44 02',
    city: 'Rabat',
  },
  {
    code: 'SUP-PHARMA-SOUSS',
    kind: 'supplier',
    name: 'Souss Pharma Distribution SARL',
    nameAr: 'سوس فارما للتوزيع ش.م.م',
    ice: '003045671000088',
    contactName: 'Hind Ait Lahcen',
    email: 'appels-offres@souss-pharma.example.ma',
    phone: '+212 528 82 30 55',
    city: 'Agadir',
  },
  {
    code: 'DON-CRM',
    kind: 'donor',
    name: 'Croissant-Rouge marocain',
    nameAr: 'الهلال الأحمر المغربي',
    ice: null,
    contactName: 'Direction de la gestion des catastrophes',
    email: null,
    phone: null,
    city: 'Rabat',
  },
  {
    code: 'DON-FM5',
    kind: 'donor',
    name: 'Fondation Mohammed V pour la Solidarité',
    nameAr: 'مؤسسة محمد الخامس للتضامن',
    ice: null,
    contactName: 'Pôle urgences',
    email: null,
    phone: null,
    city: 'Rabat',
  },
  {
    code: 'DON-PAM',
    kind: 'donor',
    name: 'Programme alimentaire mondial (PAM)',
    nameAr: 'برنامج الأغذية العالمي',
    ice: null,
    contactName: 'Bureau pays',
    email: null,
    phone: null,
    city: 'Rabat',
  },
] as const;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo data (idempotent: only when there is no order yet): the partners above, and orders and
 * donations in every state at the Rabat-Salé-Kénitra and Marrakech-Safi platforms, received
 * through the real commands (so their stock is in the ledger and `verify` holds).
 */
export async function seedSupplyDemo({ db }: SeedContext): Promise<void> {
  await ensureReceivingBins(db);
  await db.execute(
    sql`INSERT INTO reserves.supply_partners (id, code, kind, name, name_ar, ice, contact_name, email, phone, city)
        VALUES ${sql.join(
          DEMO_PARTNERS.map(
            (p) =>
              sql`(${uuidv7()}::uuid, ${p.code}, ${p.kind}, ${p.name}, ${p.nameAr}, ${p.ice}, ${p.contactName}, ${p.email}, ${p.phone}, ${p.city})`,
          ),
          sql`, `,
        )}
        ON CONFLICT DO NOTHING`,
  );
  const [any] = await rows<{ id: string }>(db, sql`SELECT id FROM reserves.supply_orders LIMIT 1`);
  if (any) return;
  await seedDemoOrders(db);
}

async function seedDemoOrders(db: Database): Promise<void> {
  const ctx = systemContext();
  const order = (o: Omit<OrderInputT, 'tolerancePct' | 'confirm'> & { tolerancePct?: number; confirm?: boolean }) =>
    createOrder(db, ctx, { tolerancePct: 0, confirm: true, ...o });

  // 1. Tents for Rabat-Salé-Kénitra: received in two deliveries, checked, partly put away.
  const tents = await order({
    kind: 'purchase',
    partner: 'SUP-ATLAS-TENTES',
    warehouse: 'PF-04-E1',
    expectedOn: day(-20),
    tolerancePct: 2,
    reference: 'Marché n° 12/2026/DGSN-RES',
    lines: [
      { product: 'SHL-TENT-FAM', quantity: 400, unitPriceMad: 3850 },
      { product: 'SHL-TARP', quantity: 1000, unitPriceMad: 145.5 },
    ],
  });
  await receive(db, ctx, tents, {
    deliveryNote: 'BL-ATL-26-0311',
    receivedAt: new Date(Date.now() - 25 * 86_400_000).toISOString(),
    lines: [
      { line: 1, quantity: 250, lot: 'ATL-2603-A' },
      { line: 2, quantity: 1000 },
    ],
    discrepancies: [{ line: 1, kind: 'short', quantity: 150, reason: 'Livraison en deux fois annoncée par le fournisseur' }],
  });
  const [rec1] = await rows<{ number: string }>(
    db,
    sql`SELECT r.number FROM reserves.supply_receptions r JOIN reserves.supply_orders o ON o.id = r.order_id WHERE o.number = ${tents}`,
  );
  await qualityCheck(db, ctx, rec1!.number, {
    disposition: 'return_to_supplier',
    lines: [
      { line: 1, accepted: 246, rejected: 4, reason: 'Toile déchirée' },
      { line: 2, accepted: 1000, rejected: 0 },
    ],
  });
  await putAway(db, ctx, rec1!.number, {
    lines: [
      { line: 1, quantity: 246, bin: 'A-01' },
      { line: 2, quantity: 600, bin: 'A-02' },
    ],
  });
  await receive(db, ctx, tents, {
    deliveryNote: 'BL-ATL-26-0342',
    receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    lines: [{ line: 1, quantity: 100, lot: 'ATL-2603-B' }],
    discrepancies: [{ line: 1, kind: 'damaged', quantity: 3, reason: 'Cartons écrasés au déchargement, refusés' }],
  });

  // 2. Flour for Marrakech-Safi: confirmed, nothing arrived yet.
  await order({
    kind: 'purchase',
    partner: 'SUP-MINOTERIE-SAISS',
    warehouse: 'PF-07-E2',
    expectedOn: day(10),
    reference: 'BC cadre 2026-07',
    lines: [
      { product: 'FD-FLOUR-25', quantity: 2000, unitPriceMad: 198 },
      { product: 'FD-SEMOLINA', quantity: 800, unitPriceMad: 112.4 },
    ],
  });

  // 3. Water for Rabat-Salé-Kénitra: a draft still being prepared.
  await order({
    kind: 'purchase',
    partner: 'SUP-OULMES-EAU',
    warehouse: 'PF-04-E2',
    expectedOn: day(21),
    confirm: false,
    lines: [{ product: 'WT-BOTTLE-15', quantity: 5000, unitPriceMad: 27.6 }],
  });

  // 4. A Red Crescent donation for Marrakech-Safi, fully received and checked.
  const crm = await order({
    kind: 'donation',
    partner: 'DON-CRM',
    warehouse: 'PF-07-E1',
    expectedOn: day(-8),
    reference: 'Convention CRM/MI 2026-04',
    lines: [
      { product: 'SHL-BLK-WOOL', quantity: 3000 },
      { product: 'HY-SOAP', quantity: 5000 },
    ],
  });
  await receive(db, ctx, crm, {
    deliveryNote: 'CRM-EXP-0419',
    receivedAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    lines: [
      { line: 1, quantity: 3000 },
      { line: 2, quantity: 5000, lot: 'CRM-SAV-2604' },
    ],
    discrepancies: [
      { kind: 'wrong_product', product: 'HY-SHAMPOO', quantity: 200, reason: 'Shampooing livré au lieu de savon, refusé' },
    ],
  });
  const [rec2] = await rows<{ number: string }>(
    db,
    sql`SELECT r.number FROM reserves.supply_receptions r JOIN reserves.supply_orders o ON o.id = r.order_id WHERE o.number = ${crm}`,
  );
  await qualityCheck(db, ctx, rec2!.number, {
    disposition: 'return_to_supplier',
    lines: [
      { line: 1, accepted: 3000, rejected: 0 },
      { line: 2, accepted: 5000, rejected: 0 },
    ],
  });
  await putAway(db, ctx, rec2!.number, {
    lines: [
      { line: 1, quantity: 3000, bin: 'B-01' },
      { line: 2, quantity: 5000, bin: 'Y-01' },
    ],
  });

  // 5. A food pledge of the World Food Programme, partly received then closed.
  const pam = await order({
    kind: 'donation',
    partner: 'DON-PAM',
    warehouse: 'PF-07-E1',
    expectedOn: day(-40),
    lines: [{ product: 'FD-LENTILS', quantity: 1200 }],
  });
  await receive(db, ctx, pam, {
    deliveryNote: 'WFP-MA-26-118',
    receivedAt: new Date(Date.now() - 35 * 86_400_000).toISOString(),
    lines: [{ line: 1, quantity: 900, lot: 'PAM-LEN-2602', expiresOn: day(300) }],
    discrepancies: [{ line: 1, kind: 'short', quantity: 300, reason: 'Reliquat réaffecté par le donateur' }],
  });
  await changeOrderStatus(db, ctx, pam, 'close', 'Le donateur a réaffecté le reliquat');

  // 6. A Mohammed V Foundation pledge cancelled before delivery.
  const fm5 = await order({
    kind: 'donation',
    partner: 'DON-FM5',
    warehouse: 'PF-04-E1',
    expectedOn: day(5),
    lines: [{ product: 'SHL-MAT-FOAM', quantity: 1500 }],
  });
  await changeOrderStatus(db, ctx, fm5, 'cancel', 'Don redirigé vers la plateforme de Fès-Meknès');
}
