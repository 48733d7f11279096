import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';

/**
 * Road travel times of a loaded truck from each platform to each province, estimated from
 * coordinates: the great-circle distance × 1.2 (roads are not straight) at 85 km/h on average,
 * plus 30 minutes into mountain provinces (High and Middle Atlas, Rif, Anti-Atlas) and 30 minutes
 * of loading. Al Haouz comes out at about 1.4 h from the Marrakech-Safi platform (to Tahannaoute;
 * the valleys beyond take longer), 4.5 h from Casablanca-Settat, 17 h from Dakhla (a floor: the
 * southern road is longer than the straight line suggests). Operators replace these estimates
 * with measured times (`source = 'measured'`); the seed never overwrites a measured row.
 */

/** Where each region's platform stands (the regional logistics hub). */
export const PLATFORM_SITES: Record<string, [number, number]> = {
  'MA-01': [35.76, -5.83], // Tanger
  'MA-02': [34.68, -1.91], // Oujda
  'MA-03': [34.03, -5.0], // Fès
  'MA-04': [34.02, -6.83], // Rabat
  'MA-05': [32.34, -6.36], // Béni Mellal
  'MA-06': [33.57, -7.59], // Casablanca
  'MA-07': [31.63, -8.0], // Marrakech
  'MA-08': [31.93, -4.42], // Errachidia
  'MA-09': [30.42, -9.6], // Agadir
  'MA-10': [28.99, -10.06], // Guelmim
  'MA-11': [27.15, -13.2], // Laâyoune
  'MA-12': [23.68, -15.96], // Dakhla
};

/** Capital of each province or prefecture. */
export const PROVINCE_SITES: Record<string, [number, number]> = {
  'MA-TNG': [35.76, -5.83],
  'MA-MDF': [35.68, -5.33],
  'MA-TET': [35.57, -5.37],
  'MA-FAH': [35.84, -5.56],
  'MA-LAR': [35.19, -6.16],
  'MA-HOC': [35.25, -3.93],
  'MA-CHE': [35.17, -5.27],
  'MA-OUZ': [34.8, -5.58],
  'MA-OUJ': [34.68, -1.91],
  'MA-NAD': [35.17, -2.93],
  'MA-DRI': [34.98, -3.39],
  'MA-JRA': [34.31, -2.16],
  'MA-BER': [34.92, -2.32],
  'MA-TAI': [34.41, -2.9],
  'MA-GUF': [34.23, -3.35],
  'MA-FIG': [32.11, -1.23],
  'MA-FES': [34.03, -5.0],
  'MA-MEK': [33.89, -5.55],
  'MA-HAJ': [33.69, -5.37],
  'MA-IFR': [33.53, -5.11],
  'MA-MOU': [34.09, -5.18],
  'MA-SEF': [33.83, -4.84],
  'MA-BOM': [33.36, -4.73],
  'MA-TAO': [34.54, -4.64],
  'MA-TAZ': [34.21, -4.01],
  'MA-RAB': [34.02, -6.83],
  'MA-SAL': [34.05, -6.8],
  'MA-SKH': [33.93, -6.91],
  'MA-KEN': [34.26, -6.58],
  'MA-KHE': [33.82, -6.07],
  'MA-SIK': [34.23, -5.71],
  'MA-SIL': [34.26, -5.93],
  'MA-BEM': [32.34, -6.36],
  'MA-AZI': [31.96, -6.57],
  'MA-FQH': [32.5, -6.69],
  'MA-KHN': [32.94, -5.67],
  'MA-KHO': [32.88, -6.91],
  'MA-CAS': [33.57, -7.59],
  'MA-MOH': [33.69, -7.38],
  'MA-JDI': [33.25, -8.51],
  'MA-NOU': [33.37, -7.58],
  'MA-MED': [33.45, -7.52],
  'MA-BES': [33.62, -7.12],
  'MA-BRR': [33.27, -7.59],
  'MA-SET': [33.0, -7.62],
  'MA-SIB': [32.65, -8.43],
  'MA-MAR': [31.63, -8.0],
  'MA-CHI': [31.54, -8.76],
  'MA-HAO': [31.35, -7.95],
  'MA-KES': [32.05, -7.4],
  'MA-ESI': [31.51, -9.77],
  'MA-REH': [32.25, -7.95],
  'MA-SAF': [32.3, -9.24],
  'MA-YUS': [32.25, -8.53],
  'MA-ERR': [31.93, -4.42],
  'MA-OUA': [30.92, -6.89],
  'MA-MID': [32.68, -4.74],
  'MA-TIN': [31.51, -5.53],
  'MA-ZAG': [30.33, -5.84],
  'MA-AGD': [30.42, -9.6],
  'MA-INE': [30.35, -9.54],
  'MA-CHT': [30.21, -9.37],
  'MA-TAR': [30.47, -8.88],
  'MA-TIZ': [29.7, -9.73],
  'MA-TAT': [29.74, -7.97],
  'MA-GUE': [28.99, -10.06],
  'MA-ASZ': [28.61, -9.43],
  'MA-TNT': [28.44, -11.1],
  'MA-SIF': [29.38, -10.17],
  'MA-LAA': [27.15, -13.2],
  'MA-BOD': [26.13, -14.48],
  'MA-TAF': [27.94, -12.93],
  'MA-ESM': [26.74, -11.67],
  'MA-OUD': [23.68, -15.96],
  'MA-AOU': [22.55, -14.33],
};

/** Provinces reached by mountain roads. */
export const MOUNTAIN = new Set([
  'MA-HAO',
  'MA-AZI',
  'MA-CHI',
  'MA-TAR',
  'MA-OUA',
  'MA-MID',
  'MA-TIN',
  'MA-ZAG',
  'MA-HOC',
  'MA-CHE',
  'MA-IFR',
  'MA-BOM',
  'MA-TAO',
  'MA-KHN',
  'MA-TAT',
]);

export function haversineKm([lat1, lon1]: [number, number], [lat2, lon2]: [number, number]): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

export function estimateMinutes(region: string, province: string): number | null {
  const from = PLATFORM_SITES[region];
  const to = PROVINCE_SITES[province];
  if (!from || !to) return null;
  const km = haversineKm(from, to) * 1.2;
  return Math.round((km / 85) * 60 + (MOUNTAIN.has(province) ? 30 : 0) + 30);
}

/** Loads the estimated travel times for every platform and province (idempotent; measured rows kept). */
export async function seedTravelTimes(exec: Executor): Promise<number> {
  const pairs = await rows<{ platform_id: string; region: string; province_id: string; province: string }>(
    exec,
    sql`SELECT p.id AS platform_id, r.code AS region, o.id AS province_id, o.code AS province
        FROM reserves.platforms p JOIN core.organisations r ON r.id = p.org_id
        CROSS JOIN core.organisations o
        WHERE o.type IN ('province', 'prefecture')`,
  );
  const values = pairs
    .map((p) => ({ ...p, minutes: estimateMinutes(p.region, p.province) }))
    .filter((p): p is typeof p & { minutes: number } => p.minutes != null);
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    await exec.execute(
      sql`INSERT INTO reserves.travel_times (platform_id, province_id, minutes, source)
          VALUES ${sql.join(
            chunk.map((v) => sql`(${v.platform_id}, ${v.province_id}, ${v.minutes}, 'estimate')`),
            sql`, `,
          )}
          ON CONFLICT (platform_id, province_id) DO UPDATE SET minutes = EXCLUDED.minutes
          WHERE reserves.travel_times.source = 'estimate'`,
    );
  }
  return values.length;
}
