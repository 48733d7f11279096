import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';

export interface OrgRow {
  id: string;
  code: string;
  type: string;
  path: string;
  name_fr: string;
  name_ar: string;
  parent_id: string | null;
  parent_code: string | null;
  parent_type: string | null;
  parent_path: string | null;
}

export const PROVINCE_TYPES = new Set(['province', 'prefecture']);
export const COMMUNE_TYPES = new Set(['commune', 'arrondissement']);

/** Organisations by code (one query), with their parent. */
export async function orgsByCode(exec: Executor, codes: string[]): Promise<Map<string, OrgRow>> {
  if (!codes.length) return new Map();
  const found = await rows<OrgRow>(
    exec,
    sql`SELECT o.id, o.code, o.type, o.path, o.name_fr, o.name_ar, o.parent_id,
               p.code AS parent_code, p.type AS parent_type, p.path AS parent_path
        FROM core.organisations o LEFT JOIN core.organisations p ON p.id = o.parent_id
        WHERE o.active AND o.code IN (${sql.join(
          [...new Set(codes)].map((c) => sql`${c}`),
          sql`, `,
        )})`,
  );
  return new Map(found.map((o) => [o.code, o]));
}

/** The root of the hierarchy an organisation belongs to (the country). */
export async function rootOrg(exec: Executor): Promise<{ id: string; path: string }> {
  const [r] = await rows<{ id: string; path: string }>(
    exec,
    sql`SELECT id, path FROM core.organisations WHERE parent_id IS NULL AND type = 'country' ORDER BY code LIMIT 1`,
  );
  if (!r) throw new Error('no country organisation');
  return r;
}

export const orgRef = (o: { code: string; type: string; name_fr: string; name_ar: string }) => ({
  code: o.code,
  type: o.type,
  nameFr: o.name_fr,
  nameAr: o.name_ar,
});
