import { sql } from 'drizzle-orm';
import { systemContext } from '../../../core/access/context';
import { rows } from '../../../core/db/client';
import type { SeedContext } from '../../../core/module';
import { declareCrisis } from './declare-crisis';
import { fileRequest } from './file-request';
import { seedTravelTimes } from './travel-seed';

/** Reference data of the operations part: travel times between platforms and provinces (every start, idempotent). */
export async function seedOpsReference({ db }: SeedContext): Promise<void> {
  const [p] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM reserves.platforms`);
  if (!p || p.n === 0) return;
  await db.transaction((tx) => seedTravelTimes(tx));
}

/**
 * Demo scenario: the earthquake of Al Haouz (severity 5), touching Al Haouz and its mountain
 * communes, Chichaoua and Taroudant, with requests from Al Haouz and Chichaoua. Idempotent.
 */
export async function seedOpsDemo({ db, config }: SeedContext): Promise<void> {
  if (config.production) throw new Error('Demo data is refused in production.');
  const [any] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM reserves.crises`);
  if (!any || any.n > 0) return;
  const [products] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM reserves.products WHERE code = 'SHL-TENT-FAM'`,
  );
  if (!products || products.n === 0) return;
  const ctx = systemContext('fr');
  const communes = await rows<{ code: string }>(
    db,
    sql`SELECT o.code FROM core.organisations o JOIN core.organisations p ON p.id = o.parent_id
        WHERE p.code = 'MA-HAO' AND o.type = 'commune' ORDER BY o.code`,
  );
  const { number } = await declareCrisis(db, ctx, {
    kind: 'earthquake',
    title: 'Séisme d’Al Haouz',
    severity: 5,
    peopleAffected: 2_800_000,
    areas: ['MA-HAO', 'MA-CHI', 'MA-TAR', ...communes.map((c) => c.code)],
  });
  const [haouz] = await rows<{ id: string }>(db, sql`SELECT id FROM core.users WHERE email = 'reserves.haouz@demo.raqmana.ma'`);
  const filer = haouz ? { ...ctx, actor: { ...ctx.actor!, id: haouz.id } } : ctx;
  const hasCommune = communes.some((c) => c.code === 'COM-IJOUKAK');
  await fileRequest(db, filer, number, {
    territory: 'MA-HAO',
    ...(hasCommune ? { commune: 'COM-IJOUKAK' } : {}),
    urgency: 'critical',
    peopleAffected: 42_000,
    households: 8_400,
    note: 'Douars isolés de la vallée du N’Fis : abris et eau en priorité.',
    lines: [
      { product: 'SHL-TENT-FAM', quantity: 2_500, households: 2_500 },
      { category: 'water', quantity: 20_000, households: 8_400 },
      { product: 'HY-KIT-FAM', quantity: 3_000, households: 3_000 },
    ],
  });
  await fileRequest(db, ctx, number, {
    territory: 'MA-CHI',
    urgency: 'high',
    peopleAffected: 9_000,
    households: 1_800,
    lines: [
      { product: 'SHL-TENT-FAM', quantity: 800, households: 800 },
      { product: 'HY-KIT-FAM', quantity: 1_200, households: 1_200 },
    ],
  });
}
