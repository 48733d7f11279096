import { sql, type SQL } from 'drizzle-orm';
import { authorize, type RequestContext } from '../../../core/access/context';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, badRequest } from '../../../core/errors';
import { ERR, PERM } from '../contract';
import { DASHBOARD_ERR, type DashboardQueryT } from './contract';

/** The warehouses a dashboard or an export covers, once the caller's right to see them is checked. */
export interface ResolvedScope {
  kind: 'nation' | 'region' | 'platform';
  code: string;
  name: string;
  regionCode: string | null;
  platform: string | null;
  platformId: string | null;
  warehouses: { id: string; code: string; name: string; platform: string; regionCode: string }[];
  /** SQL condition "the warehouse in `column` is within the scope" (no per-row check needed after it). */
  inScope: (column: SQL) => SQL;
}

type Lang = RequestContext['lang'];
export const pickName = (lang: Lang, r: { name_fr: string; name_ar: string; name_en: string | null }) =>
  lang === 'ar' ? r.name_ar : lang === 'en' ? r.name_en || r.name_fr : r.name_fr;

/**
 * Resolves `scope`, `region`, `platform` into a set of warehouses and checks `reserves.stock.read`
 * on it: the nation needs the permission on the country (MA), a region or platform on its region's
 * organisation (a platform officer holds it there). Unknown region or platform: 404 problem+json;
 * outside the caller's territory: 403.
 */
export async function resolveScope(
  exec: Executor,
  ctx: RequestContext,
  q: Pick<DashboardQueryT, 'scope' | 'region' | 'platform'>,
): Promise<ResolvedScope> {
  const kind = q.scope ?? (q.platform ? 'platform' : q.region ? 'region' : 'nation');
  const lang = ctx.lang;
  if (kind === 'nation') {
    const [country] = await rows<{ path: string; name_fr: string; name_ar: string; name_en: string | null }>(
      exec,
      sql`SELECT path, name_fr, name_ar, name_en FROM core.organisations WHERE code = 'MA'`,
    );
    authorize(ctx, PERM.stockRead, country?.path ?? '/');
    const warehouses = await listWarehouses(exec, lang, sql`TRUE`);
    return {
      kind,
      code: 'MA',
      name: country ? pickName(lang, country) : 'MA',
      regionCode: null,
      platform: null,
      platformId: null,
      warehouses,
      inScope: () => sql`TRUE`,
    };
  }
  if (kind === 'region' && !q.region) throw badRequest(DASHBOARD_ERR.scopeParam, { scope: kind, param: 'region' });
  if (kind === 'platform' && !q.platform) throw badRequest(DASHBOARD_ERR.scopeParam, { scope: kind, param: 'platform' });
  const where = kind === 'region' ? sql`o.code = ${q.region!} AND o.type = 'region'` : sql`p.code = ${q.platform!}`;
  const [p] = await rows<{
    id: string;
    code: string;
    region_code: string;
    path: string;
    name_fr: string;
    name_ar: string;
    name_en: string | null;
  }>(
    exec,
    sql`SELECT p.id, p.code, o.code AS region_code, o.path, p.name_fr, p.name_ar, p.name_en
        FROM reserves.platforms p JOIN core.organisations o ON o.id = p.org_id WHERE ${where}`,
  );
  if (!p) {
    if (kind === 'region') throw new AppError(DASHBOARD_ERR.unknownRegion, 404, { code: q.region });
    throw new AppError(ERR.unknownPlatform, 404, { code: q.platform });
  }
  if (kind === 'platform' && q.region && q.region !== p.region_code)
    throw badRequest(DASHBOARD_ERR.scopeParam, { scope: kind, param: 'platform' });
  authorize(ctx, PERM.stockRead, p.path);
  const warehouses = await listWarehouses(exec, lang, sql`w.platform_id = ${p.id}`);
  const platformId = p.id;
  return {
    kind,
    code: kind === 'region' ? p.region_code : p.code,
    name: pickName(lang, p),
    regionCode: p.region_code,
    platform: p.code,
    platformId,
    warehouses,
    inScope: (column) => sql`${column} IN (SELECT w.id FROM reserves.warehouses w WHERE w.platform_id = ${platformId})`,
  };
}

async function listWarehouses(exec: Executor, lang: Lang, where: SQL): Promise<ResolvedScope['warehouses']> {
  const found = await rows<{
    id: string;
    code: string;
    name_fr: string;
    name_ar: string;
    name_en: string | null;
    platform: string;
    region_code: string;
  }>(
    exec,
    sql`SELECT w.id, w.code, w.name_fr, w.name_ar, w.name_en, p.code AS platform, o.code AS region_code
        FROM reserves.warehouses w JOIN reserves.platforms p ON p.id = w.platform_id JOIN core.organisations o ON o.id = p.org_id
        WHERE ${where} ORDER BY w.code`,
  );
  return found.map((w) => ({ id: w.id, code: w.code, name: pickName(lang, w), platform: w.platform, regionCode: w.region_code }));
}
