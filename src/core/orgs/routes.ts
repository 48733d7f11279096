import { sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { authorize } from '../access/context';
import { audit } from '../audit/audit';
import { rows, type Executor } from '../db/client';
import { AppError } from '../errors';
import { requireActor } from '../identity/authenticate';
import type { ModuleRouteOptions } from '../module';
import { foldText } from '../search/normalize';
import { invalidateOrgCaches, OrgCache, orgCacheGeneration } from './cache';
import { ARABIC_SCRIPT_RE, ORG_CODE_MAX, ORG_CODE_RE, ORG_NAME_MAX, ORG_TYPES } from './import';

export const ORGS_MANAGE = 'core.orgs.manage';

// ---------- shapes ----------

const OrgSummary = z.object({
  code: z.string(),
  type: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  active: z.boolean(),
});
const OrgItem = OrgSummary.extend({ id: z.string(), parentCode: z.string().nullable() });
const OrgDetail = OrgItem.extend({
  path: z.string().describe('ancestor ids, root first: /id1/id2/…/self/'),
  parent: OrgSummary.nullable(),
  ancestors: z.array(OrgSummary).describe('root first, parent last'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Unit = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  parentUnitCode: z.string().nullable(),
  active: z.boolean(),
});
export type OrgItemT = z.infer<typeof OrgItem>;
export type OrgDetailT = z.infer<typeof OrgDetail>;

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(50);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const ListQuery = z
  .object({
    type: z.enum(ORG_TYPES).optional(),
    q: z
      .string()
      .max(200)
      .optional()
      .describe('search in French or Arabic names; accents and Arabic spelling variants are ignored'),
    parent: z.string().max(100).optional().describe('code of the parent organisation'),
    includeInactive: bool.optional(),
    page,
    pageSize,
    childrenPageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'also answer, in `children`, the first organisations directly below each one listed (up to this many each, by code; inactive ones with `includeInactive`): a tree and its first level in one request; then `pageSize` at most 20',
      ),
  })
  .refine((q) => !q.childrenPageSize || q.pageSize <= 20, {
    message: 'at most 20 organisations listed with their children',
    path: ['pageSize'],
  });
const ChildrenQuery = z.object({ type: z.enum(ORG_TYPES).optional(), includeInactive: bool.optional(), page, pageSize });
const CodeParams = z.object({ code: z.string().min(1).max(100) });
const UnitParams = CodeParams.extend({ unitCode: z.string().min(1).max(100) });

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const nameFr = trimmed(ORG_NAME_MAX);
const nameAr = trimmed(ORG_NAME_MAX).refine((s) => ARABIC_SCRIPT_RE.test(s), { message: 'must contain Arabic script' });
const nameEn = z.string().trim().max(ORG_NAME_MAX).nullable();

const CreateOrg = z.strictObject({
  code: z.string().trim().max(ORG_CODE_MAX).regex(ORG_CODE_RE),
  type: z.enum(
    ORG_TYPES.filter((t) => t !== 'country') as [
      Exclude<(typeof ORG_TYPES)[number], 'country'>,
      ...Exclude<(typeof ORG_TYPES)[number], 'country'>[],
    ],
  ),
  nameFr,
  nameAr,
  nameEn: nameEn.optional(),
  parentCode: z.string().trim().max(ORG_CODE_MAX).regex(ORG_CODE_RE),
});
const PatchOrg = z
  .strictObject({
    nameFr: nameFr.optional(),
    nameAr: nameAr.optional(),
    nameEn: nameEn.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

const UNIT_CODE_RE = /^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*$/;
const UNIT_KIND_RE = /^[a-z][a-z_]{1,31}$/;
const CreateUnit = z.strictObject({
  code: z.string().trim().max(32).regex(UNIT_CODE_RE),
  kind: z.string().trim().regex(UNIT_KIND_RE).default('service').describe('service, division, bureau, …'),
  nameFr,
  nameAr,
  nameEn: nameEn.optional(),
  parentUnitCode: z.string().trim().max(32).regex(UNIT_CODE_RE).nullable().optional(),
});
const PatchUnit = z
  .strictObject({
    kind: z.string().trim().regex(UNIT_KIND_RE).optional(),
    nameFr: nameFr.optional(),
    nameAr: nameAr.optional(),
    nameEn: nameEn.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

// ---------- queries ----------

interface OrgRow {
  id: string;
  code: string;
  type: string;
  name_fr: string;
  name_ar: string;
  name_en: string | null;
  active: boolean;
  parent_code: string | null;
}
const ORG_COLUMNS = sql`o.id, o.code, o.type, o.name_fr, o.name_ar, o.name_en, o.active, p.code AS parent_code`;

const toItem = (r: OrgRow): OrgItemT => ({
  id: r.id,
  code: r.code,
  type: r.type,
  nameFr: r.name_fr,
  nameAr: r.name_ar,
  nameEn: r.name_en,
  active: r.active,
  parentCode: r.parent_code,
});

interface SummaryJson {
  code: string;
  type: string;
  nameFr: string;
  nameAr: string;
  nameEn: string | null;
  active: boolean;
}

const notFound = (code: string) => new AppError('CORE_ORG_NOT_FOUND', 404, { code });

/**
 * One organisation with its ancestors (root first), in one indexed query: the code's unique
 * index, then primary-key lookups of the ids listed in its materialised path.
 */
export async function getOrgDetail(exec: Executor, code: string): Promise<OrgDetailT | undefined> {
  const [r] = await rows<{
    id: string;
    code: string;
    type: string;
    name_fr: string;
    name_ar: string;
    name_en: string | null;
    active: boolean;
    path: string;
    created_at: Date | string;
    updated_at: Date | string;
    ancestors: SummaryJson[] | string | null;
  }>(
    exec,
    sql`SELECT o.id, o.code, o.type, o.name_fr, o.name_ar, o.name_en, o.active, o.path, o.created_at, o.updated_at,
               (SELECT json_agg(json_build_object('code', a.code, 'type', a.type, 'nameFr', a.name_fr, 'nameAr', a.name_ar,
                                                  'nameEn', a.name_en, 'active', a.active) ORDER BY length(a.path))
                FROM core.organisations a
                WHERE a.id = ANY (string_to_array(btrim(o.path, '/'), '/')::uuid[]) AND a.id <> o.id) AS ancestors
        FROM core.organisations o
        WHERE o.code = ${code}`,
  );
  if (!r) return undefined;
  const ancestors: SummaryJson[] = typeof r.ancestors === 'string' ? JSON.parse(r.ancestors) : (r.ancestors ?? []);
  const parent = ancestors.length ? ancestors[ancestors.length - 1]! : null;
  return {
    id: r.id,
    code: r.code,
    type: r.type,
    nameFr: r.name_fr,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    active: r.active,
    parentCode: parent?.code ?? null,
    path: r.path,
    parent,
    ancestors,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

interface OrgRef {
  id: string;
  code: string;
  path: string;
  parent_path: string | null;
  type: string;
  name_fr: string;
  name_ar: string;
  name_en: string | null;
  active: boolean;
}
async function findOrg(exec: Executor, code: string, lock = false): Promise<OrgRef | undefined> {
  const [r] = await rows<OrgRef>(
    exec,
    sql`SELECT o.id, o.code, o.path, p.path AS parent_path, o.type, o.name_fr, o.name_ar, o.name_en, o.active
        FROM core.organisations o LEFT JOIN core.organisations p ON p.id = o.parent_id
        WHERE o.code = ${code}${lock ? sql` FOR UPDATE OF o` : sql``}`,
  );
  return r;
}

async function listOrgs(
  exec: Executor,
  where: SQL[],
  order: SQL,
  pg: { page: number; pageSize: number },
): Promise<{ items: OrgItemT[]; total: number }> {
  const cond = where.length ? sql.join(where, sql` AND `) : sql`TRUE`;
  const found = await rows<OrgRow & { total: string | number }>(
    exec,
    sql`SELECT ${ORG_COLUMNS}, count(*) OVER () AS total
        FROM core.organisations o LEFT JOIN core.organisations p ON p.id = o.parent_id
        WHERE ${cond}
        ORDER BY ${order}
        LIMIT ${pg.pageSize} OFFSET ${(pg.page - 1) * pg.pageSize}`,
  );
  let total = found.length ? Number(found[0]!.total) : 0;
  if (!found.length && pg.page > 1) {
    const [c] = await rows<{ n: string | number }>(exec, sql`SELECT count(*) AS n FROM core.organisations o WHERE ${cond}`);
    total = Number(c?.n ?? 0);
  }
  return { items: found.map(toItem), total };
}

/**
 * The first `pageSize` children (by code) of each of `parents`, and how many each has: one
 * statement for the whole level (a window per parent), as `/orgs/{code}/children` answers one.
 */
async function firstChildren(
  exec: Executor,
  parents: OrgItemT[],
  pageSize: number,
  includeInactive: boolean,
): Promise<Record<string, { items: OrgItemT[]; total: number }>> {
  const out: Record<string, { items: OrgItemT[]; total: number }> = {};
  if (!parents.length) return out;
  for (const p of parents) out[p.code] = { items: [], total: 0 };
  const ids = sql.join(
    parents.map((p) => sql`${p.id}`),
    sql`, `,
  );
  const found = await rows<OrgRow & { total: string | number; rn: string | number }>(
    exec,
    sql`SELECT * FROM (
          SELECT ${ORG_COLUMNS},
                 row_number() OVER (PARTITION BY o.parent_id ORDER BY o.code COLLATE "C") AS rn,
                 count(*) OVER (PARTITION BY o.parent_id) AS total
          FROM core.organisations o JOIN core.organisations p ON p.id = o.parent_id
          WHERE o.parent_id IN (${ids})${includeInactive ? sql`` : sql` AND o.active`}
        ) c
        WHERE c.rn <= ${pageSize}
        ORDER BY c.parent_code COLLATE "C", c.rn`,
  );
  for (const r of found) {
    const level = out[r.parent_code ?? ''];
    if (!level) continue;
    level.items.push(toItem(r));
    level.total = Number(r.total);
  }
  return out;
}

interface UnitRow {
  id: string;
  code: string;
  kind: string;
  name_fr: string;
  name_ar: string;
  name_en: string | null;
  active: boolean;
  parent_unit_code: string | null;
}
const toUnit = (u: UnitRow): z.infer<typeof Unit> => ({
  id: u.id,
  code: u.code,
  kind: u.kind,
  nameFr: u.name_fr,
  nameAr: u.name_ar,
  nameEn: u.name_en,
  parentUnitCode: u.parent_unit_code,
  active: u.active,
});
async function findUnit(exec: Executor, orgId: string, unitCode: string, lock = false): Promise<UnitRow | undefined> {
  const [u] = await rows<UnitRow>(
    exec,
    sql`SELECT u.id, u.code, u.kind, u.name_fr, u.name_ar, u.name_en, u.active, pu.code AS parent_unit_code
        FROM core.org_units u LEFT JOIN core.org_units pu ON pu.id = u.parent_unit_id
        WHERE u.org_id = ${orgId} AND u.code = ${unitCode}${lock ? sql` FOR UPDATE OF u` : sql``}`,
  );
  return u;
}

/** Where a write on this organisation is authorised: its parent (the root authorises on itself). */
const manageScope = (o: OrgRef) => o.parent_path ?? o.path;

// ---------- routes ----------

export const orgsRoutes: FastifyPluginAsync<ModuleRouteOptions> = async (app, { db }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Serialised answers of GET /orgs/{code} (see cache.ts). */
  const details = new OrgCache<string>();

  r.get(
    '/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: 'List or search organisations (public)',
        description:
          'Filter by `type` and `parent`; `q` searches French and Arabic names ignoring case, accents and Arabic spelling variants (hamza, ta marbuta, alef maqsura, tashkeel), tolerating small typos; exact and prefix matches come first.',
        querystring: ListQuery,
        response: {
          200: z.object({
            items: z.array(OrgItem),
            total: z.number(),
            children: z
              .record(z.string(), z.object({ items: z.array(OrgItem), total: z.number() }))
              .optional()
              .describe('with `childrenPageSize`: by code of each organisation listed, its first children'),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.childrenPageSize) {
        const { childrenPageSize, ...list } = q;
        const found = await listOrgsQuery(list);
        return { ...found, children: await firstChildren(db, found.items, childrenPageSize, Boolean(q.includeInactive)) };
      }
      return listOrgsQuery(q);
    },
  );
  async function listOrgsQuery(q: Omit<z.infer<typeof ListQuery>, 'childrenPageSize'>) {
    {
      const where: SQL[] = [];
      if (q.type) where.push(sql`o.type = ${q.type}`);
      if (!q.includeInactive) where.push(sql`o.active`);
      if (q.parent) {
        const parent = await findOrg(db, q.parent);
        if (!parent) throw notFound(q.parent);
        where.push(sql`o.parent_id = ${parent.id}`);
      }
      const folded = foldText(q.q);
      if (!folded) return listOrgs(db, where, sql`o.code COLLATE "C"`, q);
      // The folded query holds only letters, digits and spaces: no LIKE wildcard to escape.
      where.push(sql`(o.search_text LIKE ${`%${folded}%`} OR ${folded} <% o.search_text)`);
      const order = sql`CASE
          WHEN o.search_text LIKE ${`${folded}%`} THEN 0
          WHEN ' ' || o.search_text || ' ' LIKE ${`% ${folded} %`} THEN 1
          WHEN ' ' || o.search_text LIKE ${`% ${folded}%`} THEN 2
          WHEN o.search_text LIKE ${`%${folded}%`} THEN 3
          ELSE 4 END,
        word_similarity(${folded}, o.search_text) DESC, similarity(${folded}, o.search_text) DESC, o.code COLLATE "C"`;
      return listOrgs(db, where, order, q);
    }
  }

  r.get(
    '/orgs/:code',
    {
      schema: {
        tags: ['orgs'],
        summary: 'One organisation, with its parent and its chain of ancestors (public)',
        params: CodeParams,
        response: { 200: OrgDetail },
      },
    },
    async (request, reply) => {
      const code = request.params.code;
      let json = details.get(code);
      if (json === undefined) {
        const readAt = orgCacheGeneration();
        const org = await getOrgDetail(db, code);
        if (!org) throw notFound(code);
        json = JSON.stringify(OrgDetail.parse(org));
        details.set(code, json, readAt);
      }
      // Already checked against the schema and serialised: sent as is.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  r.get(
    '/orgs/:code/children',
    {
      schema: {
        tags: ['orgs'],
        summary: 'The organisations directly below one organisation (public)',
        params: CodeParams,
        querystring: ChildrenQuery,
        response: { 200: z.object({ items: z.array(OrgItem), total: z.number() }) },
      },
    },
    async (request) => {
      const parent = await findOrg(db, request.params.code);
      if (!parent) throw notFound(request.params.code);
      const q = request.query;
      const where: SQL[] = [sql`o.parent_id = ${parent.id}`];
      if (q.type) where.push(sql`o.type = ${q.type}`);
      if (!q.includeInactive) where.push(sql`o.active`);
      return listOrgs(db, where, sql`o.code COLLATE "C"`, q);
    },
  );

  r.get(
    '/orgs/:code/units',
    {
      schema: {
        tags: ['orgs'],
        summary: 'The internal units (services, divisions, bureaux) of one organisation (public)',
        params: CodeParams,
        querystring: z.object({ includeInactive: bool.optional() }),
        response: { 200: z.object({ items: z.array(Unit), total: z.number() }) },
      },
    },
    async (request) => {
      const org = await findOrg(db, request.params.code);
      if (!org) throw notFound(request.params.code);
      const units = await rows<UnitRow>(
        db,
        sql`SELECT u.id, u.code, u.kind, u.name_fr, u.name_ar, u.name_en, u.active, pu.code AS parent_unit_code
            FROM core.org_units u LEFT JOIN core.org_units pu ON pu.id = u.parent_unit_id
            WHERE u.org_id = ${org.id}${request.query.includeInactive ? sql`` : sql` AND u.active`}
            ORDER BY u.code COLLATE "C"`,
      );
      return { items: units.map(toUnit), total: units.length };
    },
  );

  r.post(
    '/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Create an organisation below another (core.orgs.manage on the parent)',
        body: CreateOrg,
        response: { 201: OrgDetail },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = request.ctx;
      const b = request.body;
      const created = await db.transaction(async (tx) => {
        const parent = await findOrg(tx, b.parentCode);
        if (!parent) throw new AppError('CORE_ORG_PARENT_NOT_FOUND', 400, { code: b.parentCode });
        authorize(ctx, ORGS_MANAGE, parent.path);
        const id = uuidv7();
        const values = {
          code: b.code,
          type: b.type,
          nameFr: b.nameFr,
          nameAr: b.nameAr,
          nameEn: b.nameEn ?? null,
        };
        const inserted = await rows<{ id: string }>(
          tx,
          sql`INSERT INTO core.organisations (id, code, type, name_fr, name_ar, name_en, parent_id, path, search_text)
              VALUES (${id}, ${b.code}, ${b.type}, ${b.nameFr}, ${b.nameAr}, ${values.nameEn}, ${parent.id}, ${`${parent.path}${id}/`},
                      ${foldText(`${b.nameFr} ${b.nameAr}`)})
              ON CONFLICT (code) DO NOTHING
              RETURNING id`,
        );
        if (!inserted.length) throw new AppError('CORE_ORG_CODE_TAKEN', 409, { code: b.code });
        await audit(tx, ctx, {
          action: 'core.orgs.create',
          entityType: 'core.organisation',
          entityId: id,
          orgId: id,
          after: { ...values, parentCode: parent.code },
        });
        return (await getOrgDetail(tx, b.code))!;
      });
      invalidateOrgCaches();
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/orgs/:code',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Rename, activate or deactivate an organisation (core.orgs.manage on its parent)',
        params: CodeParams,
        body: PatchOrg,
        response: { 200: OrgDetail },
      },
    },
    async (request) => {
      requireActor(request);
      const ctx = request.ctx;
      const b = request.body;
      const updated = await db.transaction(async (tx) => {
        const org = await findOrg(tx, request.params.code, true);
        if (!org) throw notFound(request.params.code);
        authorize(ctx, ORGS_MANAGE, manageScope(org));
        const before = { nameFr: org.name_fr, nameAr: org.name_ar, nameEn: org.name_en, active: org.active };
        const after = {
          nameFr: b.nameFr ?? org.name_fr,
          nameAr: b.nameAr ?? org.name_ar,
          nameEn: b.nameEn === undefined ? org.name_en : b.nameEn || null,
          active: b.active ?? org.active,
        };
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          await tx.execute(
            sql`UPDATE core.organisations
                SET name_fr = ${after.nameFr}, name_ar = ${after.nameAr}, name_en = ${after.nameEn}, active = ${after.active},
                    search_text = ${foldText(`${after.nameFr} ${after.nameAr}`)}, updated_at = now()
                WHERE id = ${org.id}`,
          );
          await audit(tx, ctx, {
            action: 'core.orgs.update',
            entityType: 'core.organisation',
            entityId: org.id,
            orgId: org.id,
            before,
            after,
          });
        }
        return (await getOrgDetail(tx, org.code))!;
      });
      invalidateOrgCaches();
      return updated;
    },
  );

  r.post(
    '/orgs/:code/units',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Add an internal unit to an organisation (core.orgs.manage on the organisation)',
        params: CodeParams,
        body: CreateUnit,
        response: { 201: Unit },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const ctx = request.ctx;
      const b = request.body;
      const unit = await db.transaction(async (tx) => {
        const org = await findOrg(tx, request.params.code);
        if (!org) throw notFound(request.params.code);
        authorize(ctx, ORGS_MANAGE, org.path);
        let parentUnitId: string | null = null;
        if (b.parentUnitCode) {
          const pu = await findUnit(tx, org.id, b.parentUnitCode);
          if (!pu) throw new AppError('CORE_ORG_UNIT_PARENT_NOT_FOUND', 400, { code: b.parentUnitCode });
          parentUnitId = pu.id;
        }
        const id = uuidv7();
        const inserted = await rows<{ id: string }>(
          tx,
          sql`INSERT INTO core.org_units (id, org_id, parent_unit_id, code, kind, name_fr, name_ar, name_en)
              VALUES (${id}, ${org.id}, ${parentUnitId}, ${b.code}, ${b.kind}, ${b.nameFr}, ${b.nameAr}, ${b.nameEn ?? null})
              ON CONFLICT (org_id, code) DO NOTHING
              RETURNING id`,
        );
        if (!inserted.length) throw new AppError('CORE_ORG_UNIT_CODE_TAKEN', 409, { code: b.code, org: org.code });
        await audit(tx, ctx, {
          action: 'core.orgs.units.create',
          entityType: 'core.org_unit',
          entityId: id,
          orgId: org.id,
          after: {
            code: b.code,
            kind: b.kind,
            nameFr: b.nameFr,
            nameAr: b.nameAr,
            nameEn: b.nameEn ?? null,
            parentUnitCode: b.parentUnitCode ?? null,
          },
        });
        return (await findUnit(tx, org.id, b.code))!;
      });
      return reply.code(201).send(toUnit(unit));
    },
  );

  r.patch(
    '/orgs/:code/units/:unitCode',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Rename, activate or deactivate an internal unit (core.orgs.manage on the organisation)',
        params: UnitParams,
        body: PatchUnit,
        response: { 200: Unit },
      },
    },
    async (request) => {
      requireActor(request);
      const ctx = request.ctx;
      const b = request.body;
      return db.transaction(async (tx) => {
        const org = await findOrg(tx, request.params.code);
        if (!org) throw notFound(request.params.code);
        authorize(ctx, ORGS_MANAGE, org.path);
        const unit = await findUnit(tx, org.id, request.params.unitCode, true);
        if (!unit) throw new AppError('CORE_ORG_UNIT_NOT_FOUND', 404, { code: request.params.unitCode, org: org.code });
        const before = { kind: unit.kind, nameFr: unit.name_fr, nameAr: unit.name_ar, nameEn: unit.name_en, active: unit.active };
        const after = {
          kind: b.kind ?? unit.kind,
          nameFr: b.nameFr ?? unit.name_fr,
          nameAr: b.nameAr ?? unit.name_ar,
          nameEn: b.nameEn === undefined ? unit.name_en : b.nameEn || null,
          active: b.active ?? unit.active,
        };
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          await tx.execute(
            sql`UPDATE core.org_units
                SET kind = ${after.kind}, name_fr = ${after.nameFr}, name_ar = ${after.nameAr}, name_en = ${after.nameEn},
                    active = ${after.active}, updated_at = now()
                WHERE id = ${unit.id}`,
          );
          await audit(tx, ctx, {
            action: 'core.orgs.units.update',
            entityType: 'core.org_unit',
            entityId: unit.id,
            orgId: org.id,
            before,
            after,
          });
        }
        return toUnit((await findUnit(tx, org.id, unit.code))!);
      });
    },
  );
};
