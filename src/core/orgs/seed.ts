import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { rows, type Database } from '../db/client';
import { systemContext } from '../access/context';
import { audit } from '../audit/audit';
import type { SeedContext } from '../module';
import { formatIssue, importOrgRows, parseOrgCsv, type ImportIssue, type OrgRowInput } from './import';

const referenceFile = (name: string) => new URL(`../../../reference/${name}`, import.meta.url);

function readCsv(name: string): { rows: OrgRowInput[]; issues: ImportIssue[] } {
  return parseOrgCsv(readFileSync(referenceFile(name), 'utf8'), name);
}

async function importReferenceFiles(db: Database, names: string[], source: string): Promise<void> {
  const all = names.map(readCsv);
  const res = await importOrgRows(
    db,
    all.flatMap((f) => f.rows),
    { source },
    all.flatMap((f) => f.issues),
  );
  if (res.issues.length) throw new Error(`Invalid ${source} data:\n${res.issues.map(formatIssue).join('\n')}`);
}

/**
 * Reference organisations, loaded at every start: the root (Kingdom of Morocco), the ministries
 * and the Treasury (reference/institutions.csv), and the 12 regions, 75 prefectures and
 * provinces and Casablanca's 8 prefectures of districts (reference/territories.csv). One read and,
 * on a fresh database, one multi-row insert; a second run changes nothing.
 */
export async function seedReferenceOrgs({ db }: Pick<SeedContext, 'db'>): Promise<void> {
  await importReferenceFiles(db, ['institutions.csv', 'territories.csv'], 'reference organisations');
}

/** Internal units created for the demo communes. */
export const DEMO_UNITS: { code: string; kind: string; nameFr: string; nameAr: string; nameEn: string }[] = [
  { code: 'BO', kind: 'bureau', nameFr: "Bureau d'ordre", nameAr: 'مكتب الضبط', nameEn: 'Registry office' },
  { code: 'EC', kind: 'service', nameFr: "Service de l'état civil", nameAr: 'مصلحة الحالة المدنية', nameEn: 'Civil registry' },
  { code: 'URB', kind: 'service', nameFr: "Service de l'urbanisme", nameAr: 'مصلحة التعمير', nameEn: 'Urban planning' },
  { code: 'RR', kind: 'service', nameFr: 'Régie des recettes', nameAr: 'وكالة المداخيل', nameEn: 'Revenue office' },
];
export const DEMO_UNIT_ORGS = ['COM-TEMARA', 'COM-SKHIRATE'];

/**
 * Demo organisations: the communes of the prefecture of Skhirate-Témara and of the province of
 * Al Haouz (reference/demo-communes.csv, through the same import as `raqmana import orgs`), and
 * internal units for Témara and Skhirate.
 */
export async function seedDemoOrgs({ db }: Pick<SeedContext, 'db'>): Promise<void> {
  await importReferenceFiles(db, ['demo-communes.csv'], 'demo communes');
  await db.transaction(async (tx) => {
    const orgs = await rows<{ id: string; code: string }>(
      tx,
      sql`SELECT id, code FROM core.organisations WHERE code IN (${sql.join(
        DEMO_UNIT_ORGS.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    const values = orgs.flatMap((o) =>
      DEMO_UNITS.map((u) => sql`(${uuidv7()}::uuid, ${o.id}::uuid, ${u.code}, ${u.kind}, ${u.nameFr}, ${u.nameAr}, ${u.nameEn})`),
    );
    if (values.length === 0) return;
    const inserted = await rows<{ code: string }>(
      tx,
      sql`INSERT INTO core.org_units (id, org_id, code, kind, name_fr, name_ar, name_en)
          VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT (org_id, code) DO NOTHING
          RETURNING code`,
    );
    if (inserted.length > 0)
      await audit(tx, systemContext(), {
        action: 'core.orgs.units.seed',
        entityType: 'core.org_unit',
        meta: { orgs: DEMO_UNIT_ORGS, created: inserted.length },
      });
  });
}
