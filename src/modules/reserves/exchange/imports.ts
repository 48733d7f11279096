import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { authorize, can, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError, forbidden } from '../../../core/errors';
import { loadGrants } from '../../../core/identity/authenticate';
import { emit, subscribe } from '../../../core/notify/outbox';
import { localDay } from '../../../core/workflow/calendar';
import { createProduct } from '../commands/create-product';
import { CATEGORIES, CODE_RE, ERR, gtinValid, PERM, UNITS, type MovementLineInputT, type ProductInputT } from '../contract';
import { postMovementAlone } from '../ledger/post';
import {
  IMPORT_BATCH_ROWS,
  IMPORT_MAX_ERRORS,
  TOPIC_IMPORT_RUN,
  type ImportKind,
  type ImportStatus,
  type ImportViewT,
  type RowErrorT,
} from './contract';
import { decodeCsv, parseCsv, type CsvRow } from './csv';
import { EX_ERR } from './errors';

/**
 * CSV imports of stock counts and products (docs/partners.md, ADR 0020).
 *
 * Upload → the file is decoded and its header checked at once (400 for a file that cannot be
 * read), stored, and a background job (an outbox event, ADR 0005) validates every row against
 * the database: row errors with line, column and a translated code, and for counts a preview of
 * the differences. Apply → a second job posts the rows in batches of `IMPORT_BATCH_ROWS`, each
 * batch one transaction (all-or-nothing per batch). Counts are absolute (the counted quantity;
 * the ledger writes the difference under its row locks), so applying the same file again, or
 * again after a batch failed, changes nothing that is already right. Progress (processed/total
 * rows) is written between batches, outside their transactions, so it is visible meanwhile.
 */

interface ImportRow {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string;
  sha256: string;
  content: string;
  total_rows: number;
  processed_rows: number;
  error_count: number;
  errors: RowErrorT[] | string;
  summary: Record<string, unknown> | string;
  created_by: string;
  acting_scopes: string[] | string | null;
  acting_org_ids: string[] | string | null;
  created_at: Date | string;
  validated_at: Date | string | null;
  applied_at: Date | string | null;
}
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toView(r: ImportRow): ImportViewT {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    filename: r.filename,
    sha256: r.sha256,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    errorCount: r.error_count,
    errors: json(r.errors),
    summary: json(r.summary),
    createdAt: iso(r.created_at)!,
    validatedAt: iso(r.validated_at),
    appliedAt: iso(r.applied_at),
  };
}

async function rootPath(exec: Executor): Promise<string | null> {
  const [root] = await rows<{ path: string }>(exec, sql`SELECT path FROM core.organisations WHERE code = 'MA'`);
  return root?.path ?? null;
}

/** Who may start an import of this kind (403 otherwise). */
async function authorizeKind(exec: Executor, ctx: RequestContext, kind: ImportKind): Promise<void> {
  if (kind === 'products') authorize(ctx, PERM.referenceManage, await rootPath(exec));
  else if (!can(ctx, PERM.movementsPost)) throw forbidden(PERM.movementsPost);
}

export async function createImport(
  db: Database,
  ctx: RequestContext,
  input: { kind: ImportKind; filename: string; bytes: Buffer },
): Promise<ImportViewT> {
  await authorizeKind(db, ctx, input.kind);
  const text = decodeCsv(input.bytes);
  const { rows: parsed } = parseCsv(text, input.kind);
  const id = uuidv7();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await db.transaction(async (tx) => {
    const acting = actingLimits(ctx);
    await tx.execute(
      sql`INSERT INTO reserves.imports (id, kind, status, filename, sha256, content, total_rows, created_by, acting_scopes, acting_org_ids)
          VALUES (${id}, ${input.kind}, 'validating', ${input.filename}, ${sha256}, ${text}, ${parsed.length}, ${ctx.actor!.id},
                  ${acting.scopes}::jsonb, ${acting.orgIds}::jsonb)`,
    );
    await emit(tx, TOPIC_IMPORT_RUN, { import: id });
    await audit(tx, ctx, {
      action: 'reserves.import.create',
      entityType: 'reserves.import',
      entityId: id,
      after: { kind: input.kind, filename: input.filename, sha256, rows: parsed.length },
    });
  });
  return getImport(db, ctx, id);
}

/** An import: only its author sees it (404 otherwise). */
export async function getImport(exec: Executor, ctx: RequestContext, id: string, lock = false): Promise<ImportViewT> {
  return toView(await loadImport(exec, ctx, id, lock));
}

async function loadImport(exec: Executor, ctx: RequestContext, id: string, lock = false): Promise<ImportRow> {
  const [r] = await rows<ImportRow>(exec, sql`SELECT * FROM reserves.imports WHERE id = ${id}${lock ? sql` FOR UPDATE` : sql``}`);
  if (!r || (ctx.actor?.kind !== 'system' && r.created_by !== ctx.actor?.id))
    throw new AppError(EX_ERR.importNotFound, 404, { id });
  return r;
}

export async function listImports(
  db: Executor,
  ctx: RequestContext,
  q: { page: number; pageSize: number },
): Promise<{ items: ImportViewT[]; total: number }> {
  const found = await rows<ImportRow & { total: string | number }>(
    db,
    sql`SELECT *, count(*) OVER () AS total FROM reserves.imports WHERE created_by = ${ctx.actor!.id}
        ORDER BY created_at DESC, id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: found.map((r) => ({ ...toView(r), errors: json(r.errors).slice(0, 20) })),
    total: found.length ? Number(found[0]!.total) : 0,
  };
}

/** Asks for a validated import to be applied (a background job does it). */
export async function requestApply(db: Database, ctx: RequestContext, id: string): Promise<ImportViewT> {
  await db.transaction(async (tx) => {
    const r = await loadImport(tx, ctx, id, true);
    await authorizeKind(tx, ctx, r.kind);
    if (r.status === 'invalid' || r.status === 'validating')
      throw new AppError(EX_ERR.importNotValid, 409, { errors: r.error_count, status: r.status });
    if (r.status !== 'valid' && r.status !== 'failed') throw new AppError(EX_ERR.importState, 409, { status: r.status });
    // The application runs within what the applying request may do (its token's limits, if any).
    const acting = actingLimits(ctx);
    await tx.execute(
      sql`UPDATE reserves.imports SET status = 'applying', processed_rows = 0,
                 acting_scopes = ${acting.scopes}::jsonb, acting_org_ids = ${acting.orgIds}::jsonb
          WHERE id = ${id}`,
    );
    await emit(tx, TOPIC_IMPORT_RUN, { import: id });
    await audit(tx, ctx, {
      action: 'reserves.import.apply',
      entityType: 'reserves.import',
      entityId: id,
      before: { status: r.status },
      after: { status: 'applying' },
    });
  });
  return getImport(db, ctx, id);
}

// ---------------------------------------------------------------- validation

const err = (line: number, column: string | null, code: string, params: Record<string, unknown> = {}): RowErrorT => ({
  line,
  column,
  code,
  params,
});
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  DATE_RE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const INT_RE = /^-?\d+$/;

export interface CountLine {
  line: number;
  warehouse: string;
  countedAt: string | null;
  input: MovementLineInputT;
  current: number;
}

interface CountPlan {
  errors: RowErrorT[];
  lines: CountLine[];
}

/** Validates stock-count rows against the ledger's reference data and the actor's scope. */
async function planCounts(
  db: Executor,
  ctx: RequestContext,
  parsed: CsvRow[],
  progress: (n: number) => Promise<void>,
): Promise<CountPlan> {
  const errors: RowErrorT[] = [];
  const lines: CountLine[] = [];
  const whCodes = [...new Set(parsed.map((r) => r.values.warehouse ?? '').filter(Boolean))];
  const prCodes = [...new Set(parsed.map((r) => r.values.product ?? '').filter(Boolean))];
  const whs = new Map(
    (whCodes.length
      ? await rows<{ id: string; code: string; path: string; active: boolean; bins: string[] | string | null }>(
          db,
          sql`SELECT w.id, w.code, o.path, w.active,
                     (SELECT json_agg(b.code) FROM reserves.bins b WHERE b.warehouse_id = w.id AND b.active) AS bins
              FROM reserves.warehouses w JOIN core.organisations o ON o.id = w.org_id
              WHERE w.code IN (${sql.join(
                whCodes.map((c) => sql`${c}`),
                sql`, `,
              )})`,
        )
      : []
    ).map((w) => [w.code, { ...w, bins: new Set(json(w.bins ?? []) ?? []) }]),
  );
  const prs = new Map(
    (prCodes.length
      ? await rows<{
          id: string;
          code: string;
          active: boolean;
          lot_tracked: boolean;
          expiry_tracked: boolean;
          serial_tracked: boolean;
        }>(
          db,
          sql`SELECT id, code, active, lot_tracked, expiry_tracked, serial_tracked FROM reserves.products WHERE code IN (${sql.join(
            prCodes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
        )
      : []
    ).map((p) => [p.code, p]),
  );
  const lots = new Set(
    prs.size
      ? (
          await rows<{ product_id: string; code: string }>(
            db,
            sql`SELECT product_id, code FROM reserves.lots WHERE product_id IN (${sql.join(
              [...prs.values()].map((p) => sql`${p.id}::uuid`),
              sql`, `,
            )})`,
          )
        ).map((l) => `${l.product_id}|${l.code}`)
      : [],
  );
  const seen = new Map<string, number>();
  const today = localDay(new Date());
  let n = 0;
  for (const r of parsed) {
    const v = r.values;
    const before = errors.length;
    const wh = whs.get(v.warehouse ?? '');
    if (!v.warehouse) errors.push(err(r.line, 'warehouse', EX_ERR.rowRequired));
    else if (!wh || !wh.active) errors.push(err(r.line, 'warehouse', ERR.unknownWarehouse, { code: v.warehouse }));
    else if (!can(ctx, PERM.movementsPost, wh.path))
      errors.push(err(r.line, 'warehouse', EX_ERR.rowScope, { code: v.warehouse }));
    const p = prs.get(v.product ?? '');
    if (!v.product) errors.push(err(r.line, 'product', EX_ERR.rowRequired));
    else if (!p || !p.active) errors.push(err(r.line, 'product', ERR.unknownProduct, { code: v.product }));
    const q = v.quantity ?? '';
    if (!q) errors.push(err(r.line, 'quantity', EX_ERR.rowRequired));
    else if (!INT_RE.test(q) || Number(q) < 0 || Number(q) > 100_000_000)
      errors.push(err(r.line, 'quantity', ERR.badQuantity, { value: q }));
    const bin = v.bin || undefined;
    if (bin && wh && !wh.bins.has(bin)) errors.push(err(r.line, 'bin', ERR.unknownBin, { code: bin }));
    const lot = v.lot || undefined;
    const serial = v.serial || undefined;
    if (p) {
      if (p.serial_tracked) {
        if (!serial) errors.push(err(r.line, 'serial', ERR.serialRequired, { product: p.code }));
        if (lot) errors.push(err(r.line, 'lot', ERR.lotNotTracked, { product: p.code }));
        if (INT_RE.test(q) && Number(q) > 1) errors.push(err(r.line, 'quantity', ERR.serialQuantity, { product: p.code }));
      } else if (p.lot_tracked) {
        if (!lot) errors.push(err(r.line, 'lot', ERR.lotRequired, { product: p.code }));
        if (serial) errors.push(err(r.line, 'serial', ERR.lotNotTracked, { product: p.code }));
        if (lot && !lots.has(`${p.id}|${lot}`) && p.expiry_tracked && !v.expires_on)
          errors.push(err(r.line, 'expires_on', ERR.expiryRequired, { product: p.code }));
      } else {
        if (lot) errors.push(err(r.line, 'lot', ERR.lotNotTracked, { product: p.code }));
        if (serial) errors.push(err(r.line, 'serial', ERR.lotNotTracked, { product: p.code }));
      }
    }
    if (v.expires_on && !validDate(v.expires_on)) errors.push(err(r.line, 'expires_on', EX_ERR.rowDate, { value: v.expires_on }));
    if (v.counted_at && !validDate(v.counted_at)) errors.push(err(r.line, 'counted_at', EX_ERR.rowDate, { value: v.counted_at }));
    else if (v.counted_at && v.counted_at > today)
      errors.push(err(r.line, 'counted_at', ERR.futureDate, { occurredAt: v.counted_at }));
    const key = `${v.warehouse}|${bin ?? 'GEN'}|${v.product}|${lot ?? serial ?? ''}`;
    const dup = seen.get(key);
    if (dup) errors.push(err(r.line, 'product', EX_ERR.rowDuplicate, { line: dup }));
    else seen.set(key, r.line);
    if (errors.length === before)
      lines.push({
        line: r.line,
        warehouse: v.warehouse!,
        countedAt: v.counted_at || null,
        current: 0,
        input: {
          product: v.product!,
          quantity: Number(q),
          ...(lot ? { lot } : {}),
          ...(serial ? { serial } : {}),
          ...(bin ? { bin } : {}),
          ...(v.expires_on && lot ? { expiresOn: v.expires_on } : {}),
        },
      });
    if (++n % 500 === 0) await progress(n);
  }
  // Current balances of the valid lines (the preview of differences; the ledger recomputes them when applying).
  if (lines.length) {
    const cur = await rows<{ w: string; b: string; p: string; l: string; q: string | number }>(
      db,
      sql`SELECT w.code AS w, bn.code AS b, p.code AS p, l.code AS l, bal.quantity AS q
          FROM reserves.balances bal
          JOIN reserves.warehouses w ON w.id = bal.warehouse_id JOIN reserves.bins bn ON bn.id = bal.bin_id
          JOIN reserves.products p ON p.id = bal.product_id JOIN reserves.lots l ON l.id = bal.lot_id
          WHERE w.code IN (${sql.join(
            [...new Set(lines.map((l) => l.warehouse))].map((c) => sql`${c}`),
            sql`, `,
          )}) AND p.code IN (${sql.join(
            [...new Set(lines.map((l) => l.input.product))].map((c) => sql`${c}`),
            sql`, `,
          )})`,
    );
    const m = new Map(cur.map((c) => [`${c.w}|${c.b}|${c.p}|${c.l}`, Number(c.q)]));
    for (const l of lines)
      l.current = m.get(`${l.warehouse}|${l.input.bin ?? 'GEN'}|${l.input.product}|${l.input.lot ?? l.input.serial ?? ''}`) ?? 0;
  }
  return { errors, lines };
}

const BOOL: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  oui: true,
  non: false,
  '': false,
};

interface ProductPlan {
  errors: RowErrorT[];
  items: { line: number; input: ProductInputT; exists: boolean; changed: boolean }[];
}

/** Validates product rows: codes, enumerations, names, GTIN check digit and uniqueness, tracking unchanged. */
async function planProducts(db: Executor, parsed: CsvRow[], progress: (n: number) => Promise<void>): Promise<ProductPlan> {
  const errors: RowErrorT[] = [];
  const items: ProductPlan['items'] = [];
  const codes = [...new Set(parsed.map((r) => r.values.code ?? '').filter(Boolean))];
  const existing = new Map(
    (codes.length
      ? await rows<{
          code: string;
          category: string;
          unit: string;
          name_fr: string;
          name_ar: string;
          name_en: string;
          pack_size: number;
          gtin: string | null;
          lot_tracked: boolean;
          expiry_tracked: boolean;
          serial_tracked: boolean;
          household_ration: number | null;
        }>(
          db,
          sql`SELECT code, category, unit, name_fr, name_ar, name_en, pack_size, gtin, lot_tracked, expiry_tracked, serial_tracked, household_ration
              FROM reserves.products WHERE code IN (${sql.join(
                codes.map((c) => sql`${c}`),
                sql`, `,
              )})`,
        )
      : []
    ).map((p) => [p.code, p]),
  );
  const gtins = parsed.map((r) => r.values.gtin ?? '').filter(Boolean);
  const gtinOwner = new Map(
    (gtins.length
      ? await rows<{ gtin: string; code: string }>(
          db,
          sql`SELECT gtin, code FROM reserves.products WHERE gtin IN (${sql.join(
            gtins.map((g) => sql`${g}`),
            sql`, `,
          )})`,
        )
      : []
    ).map((g) => [g.gtin, g.code]),
  );
  const seenCode = new Map<string, number>();
  const seenGtin = new Map<string, number>();
  let n = 0;
  for (const r of parsed) {
    const v = r.values;
    const before = errors.length;
    const code = v.code ?? '';
    if (!code) errors.push(err(r.line, 'code', EX_ERR.rowRequired));
    else if (!CODE_RE.test(code)) errors.push(err(r.line, 'code', EX_ERR.rowCode, { value: code }));
    else if (seenCode.has(code)) errors.push(err(r.line, 'code', EX_ERR.rowDuplicate, { line: seenCode.get(code) }));
    else seenCode.set(code, r.line);
    const cat = v.category ?? '';
    if (!(CATEGORIES as readonly string[]).includes(cat))
      errors.push(
        err(r.line, 'category', cat ? EX_ERR.rowChoice : EX_ERR.rowRequired, { value: cat, choices: CATEGORIES.join(', ') }),
      );
    const unit = v.unit ?? '';
    if (!(UNITS as readonly string[]).includes(unit))
      errors.push(err(r.line, 'unit', unit ? EX_ERR.rowChoice : EX_ERR.rowRequired, { value: unit, choices: UNITS.join(', ') }));
    for (const c of ['name_fr', 'name_ar', 'name_en'] as const) {
      const t = v[c] ?? '';
      if (!t) errors.push(err(r.line, c, EX_ERR.rowRequired));
      else if (t.length > 200) errors.push(err(r.line, c, EX_ERR.rowText, { max: 200 }));
    }
    const int = (c: string, min: number, max: number): number | null | undefined => {
      const s = v[c] ?? '';
      if (!s) return undefined;
      if (!INT_RE.test(s) || Number(s) < min || Number(s) > max) {
        errors.push(err(r.line, c, EX_ERR.rowNumber, { value: s, min, max }));
        return null;
      }
      return Number(s);
    };
    const packSize = int('pack_size', 1, 100_000);
    const ration = int('household_ration', 1, 100_000);
    const bool = (c: string): boolean => {
      const s = (v[c] ?? '').toLowerCase();
      if (!(s in BOOL)) errors.push(err(r.line, c, EX_ERR.rowBoolean, { value: v[c] }));
      return BOOL[s] ?? false;
    };
    const lotTracked = bool('lot_tracked');
    const expiryTracked = bool('expiry_tracked');
    const serialTracked = bool('serial_tracked');
    if (lotTracked && serialTracked) errors.push(err(r.line, 'serial_tracked', EX_ERR.rowTracking, {}));
    if (expiryTracked && !lotTracked) errors.push(err(r.line, 'expiry_tracked', EX_ERR.rowTracking, {}));
    const gtin = v.gtin || undefined;
    if (gtin) {
      if (!/^\d{8}$|^\d{12,14}$/.test(gtin) || !gtinValid(gtin)) errors.push(err(r.line, 'gtin', ERR.gtinInvalid, { gtin }));
      else if (gtinOwner.has(gtin) && gtinOwner.get(gtin) !== code) errors.push(err(r.line, 'gtin', ERR.gtinTaken, { gtin }));
      else if (seenGtin.has(gtin)) errors.push(err(r.line, 'gtin', EX_ERR.rowDuplicate, { line: seenGtin.get(gtin) }));
      else seenGtin.set(gtin, r.line);
    }
    const ex = existing.get(code);
    if (
      ex &&
      (ex.lot_tracked !== lotTracked ||
        ex.serial_tracked !== serialTracked ||
        ex.expiry_tracked !== expiryTracked ||
        ex.unit !== unit)
    )
      errors.push(err(r.line, ex.unit !== unit ? 'unit' : 'lot_tracked', EX_ERR.rowTracking, { code }));
    if (errors.length === before) {
      const input: ProductInputT = {
        code,
        category: cat as ProductInputT['category'],
        nameFr: v.name_fr!,
        nameAr: v.name_ar!,
        nameEn: v.name_en!,
        unit: unit as ProductInputT['unit'],
        packSize: packSize ?? ex?.pack_size ?? 1,
        lotTracked,
        expiryTracked,
        serialTracked,
        householdRation: ration ?? ex?.household_ration ?? null,
        ...(gtin ? { gtin } : {}),
      };
      const changed =
        !ex ||
        ex.category !== input.category ||
        ex.name_fr !== input.nameFr ||
        ex.name_ar !== input.nameAr ||
        ex.name_en !== input.nameEn ||
        ex.pack_size !== input.packSize ||
        (gtin !== undefined && ex.gtin !== gtin) ||
        (ex.household_ration ?? null) !== (input.householdRation ?? null);
      items.push({ line: r.line, input, exists: !!ex, changed });
    }
    if (++n % 500 === 0) await progress(n);
  }
  return { errors, items };
}

// ---------------------------------------------------------------- the job

/** The limits of an API-token request, kept with the import for the background job (JSON text, or null for a session). */
function actingLimits(ctx: RequestContext): { scopes: string | null; orgIds: string | null } {
  if (!ctx.tokenScopes) return { scopes: null, orgIds: null };
  return { scopes: JSON.stringify(ctx.tokenScopes), orgIds: JSON.stringify([...new Set(ctx.grants.map((g) => g.orgId))]) };
}

/** The author's live grants, within the limits of the token the import was created or applied with. */
async function contextOf(db: Database, r: ImportRow): Promise<RequestContext> {
  const [u] = await rows<{ id: string; kind: NonNullable<RequestContext['actor']>['kind']; email: string; display_name: string }>(
    db,
    sql`SELECT id, kind, email, display_name FROM core.users WHERE id = ${r.created_by} AND status = 'active'`,
  );
  const orgIds = r.acting_org_ids ? new Set(json(r.acting_org_ids)) : null;
  const grants = u ? await loadGrants(db, u.id) : [];
  return {
    actor: u ? { id: u.id, kind: u.kind, email: u.email, displayName: u.display_name } : null,
    grants: orgIds ? grants.filter((g) => orgIds.has(g.orgId)) : grants,
    tokenScopes: r.acting_scopes ? json(r.acting_scopes) : null,
    sessionId: null,
    activeOrgId: null,
    ip: null,
    requestId: null,
    lang: 'fr',
  };
}

const capped = (errors: RowErrorT[]) => JSON.stringify(errors.slice(0, IMPORT_MAX_ERRORS));

/** Runs whatever the import's status asks for (validation or application); the outbox calls it. */
export async function runImport(
  db: Database,
  id: string,
  opts: { onProgress?: (processed: number) => Promise<void> } = {},
): Promise<void> {
  const [r] = await rows<ImportRow>(db, sql`SELECT * FROM reserves.imports WHERE id = ${id}`);
  if (!r || (r.status !== 'validating' && r.status !== 'applying')) return;
  const ctx = await contextOf(db, r);
  const { rows: parsed } = parseCsv(r.content, r.kind);
  const progress = async (n: number) => {
    await db.execute(sql`UPDATE reserves.imports SET processed_rows = ${n} WHERE id = ${id}`);
    await opts.onProgress?.(n);
  };
  if (r.status === 'validating') {
    let errors: RowErrorT[];
    let summary: Record<string, unknown>;
    if (r.kind === 'stock-count') {
      const plan = await planCounts(db, ctx, parsed, progress);
      errors = plan.errors;
      const diffs = plan.lines.filter((l) => l.input.quantity !== l.current);
      summary = {
        validRows: plan.lines.length,
        changes: diffs.length,
        increase: diffs.reduce((a, l) => a + Math.max(0, l.input.quantity - l.current), 0),
        decrease: diffs.reduce((a, l) => a + Math.max(0, l.current - l.input.quantity), 0),
        preview: diffs.slice(0, 200).map((l) => ({
          line: l.line,
          warehouse: l.warehouse,
          bin: l.input.bin ?? 'GEN',
          product: l.input.product,
          lot: l.input.lot ?? l.input.serial ?? null,
          current: l.current,
          counted: l.input.quantity,
          difference: l.input.quantity - l.current,
        })),
      };
    } else {
      const plan = await planProducts(db, parsed, progress);
      errors = plan.errors;
      summary = {
        validRows: plan.items.length,
        create: plan.items.filter((i) => !i.exists).length,
        update: plan.items.filter((i) => i.exists && i.changed).length,
        unchanged: plan.items.filter((i) => i.exists && !i.changed).length,
        preview: plan.items
          .filter((i) => i.changed)
          .slice(0, 200)
          .map((i) => ({ line: i.line, code: i.input.code, name: i.input.nameFr, action: i.exists ? 'update' : 'create' })),
      };
    }
    await db.execute(
      sql`UPDATE reserves.imports SET status = ${errors.length ? 'invalid' : 'valid'}, processed_rows = ${parsed.length},
            error_count = ${errors.length}, errors = ${capped(errors)}::jsonb, summary = ${JSON.stringify(summary)}::jsonb,
            validated_at = now() WHERE id = ${id} AND status = 'validating'`,
    );
    return;
  }
  // Applying: validate again (the data may have changed since), then post batch by batch.
  const fail = async (errors: RowErrorT[], done: number) =>
    db.execute(
      sql`UPDATE reserves.imports SET status = 'failed', error_count = ${errors.length}, errors = ${capped(errors)}::jsonb,
            processed_rows = ${done} WHERE id = ${id}`,
    );
  let done = 0;
  const movements: string[] = [];
  let changed = 0;
  try {
    if (r.kind === 'stock-count') {
      const plan = await planCounts(db, ctx, parsed, async () => undefined);
      if (plan.errors.length) return void (await fail(plan.errors, 0));
      // Batches: rows of one warehouse and count date, in file order, at most IMPORT_BATCH_ROWS each.
      const groups = new Map<string, CountLine[]>();
      for (const l of plan.lines) {
        const k = `${l.warehouse}|${l.countedAt ?? ''}`;
        groups.set(k, [...(groups.get(k) ?? []), l]);
      }
      for (const g of groups.values())
        for (let i = 0; i < g.length; i += IMPORT_BATCH_ROWS) {
          const batch = g.slice(i, i + IMPORT_BATCH_ROWS);
          const first = batch[0]!;
          const occurredAt = first.countedAt ? countedAtInstant(first.countedAt) : undefined;
          try {
            const posted = await postMovementAlone(
              db,
              ctx,
              {
                type: 'count',
                warehouse: first.warehouse,
                lines: batch.map((l) => l.input),
                reason: `stock count (import ${r.filename})`.slice(0, 500),
                reference: `IMPORT-${id}`,
                ...(occurredAt ? { occurredAt } : {}),
              },
              { meta: { import: id } },
            );
            movements.push(posted.id);
            changed += posted.entries.length;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            const errs = (e.errors ?? []).map((fe) => {
              const m = /^lines\.(\d+)(?:\.(\w+))?/.exec(fe.path ?? '');
              const l = m ? batch[Number(m[1])] : undefined;
              return err(l?.line ?? first.line, m?.[2] ?? null, fe.code ?? e.code, e.params);
            });
            return void (await fail(errs.length ? errs : [err(first.line, null, e.code, e.params)], done));
          }
          done += batch.length;
          await progress(done);
        }
    } else {
      const plan = await planProducts(db, parsed, async () => undefined);
      if (plan.errors.length) return void (await fail(plan.errors, 0));
      for (let i = 0; i < plan.items.length; i += IMPORT_BATCH_ROWS) {
        const batch = plan.items.slice(i, i + IMPORT_BATCH_ROWS);
        let current = batch[0]!.line;
        try {
          await db.transaction(async (tx) => {
            for (const it of batch) {
              current = it.line;
              if (!it.changed) continue;
              if (it.exists) await updateProduct(tx, ctx, it.input);
              else await createProduct(tx, ctx, it.input);
              changed++;
            }
          });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          return void (await fail([err(current, null, e.code, e.params)], done));
        }
        done += batch.length;
        await progress(done);
      }
    }
  } catch (e) {
    await fail([err(1, null, 'CORE_INTERNAL', { message: e instanceof Error ? e.message : String(e) })], done);
    return;
  }
  const [cur] = await rows<{ summary: Record<string, unknown> | string }>(
    db,
    sql`SELECT summary FROM reserves.imports WHERE id = ${id}`,
  );
  const summary = { ...json(cur!.summary), applied: { movements, changed } };
  await db.execute(
    sql`UPDATE reserves.imports SET status = 'applied', processed_rows = ${parsed.length}, applied_at = now(),
          summary = ${JSON.stringify(summary)}::jsonb WHERE id = ${id} AND status = 'applying'`,
  );
}

/** A count dated `day`: the end of that day in Morocco, or now when that is later than now. */
function countedAtInstant(day: string): string {
  const end = new Date(`${day}T23:59:59+01:00`);
  return (end.getTime() > Date.now() ? new Date() : end).toISOString();
}

/** Updates the descriptive fields of a product (names, category, pack size, GTIN, ration); audited. */
async function updateProduct(tx: Executor, ctx: RequestContext, input: ProductInputT): Promise<void> {
  authorize(ctx, PERM.referenceManage, await rootPath(tx));
  const [before] = await rows<Record<string, unknown> & { id: string }>(
    tx,
    sql`SELECT id, category, name_fr, name_ar, name_en, pack_size, gtin, household_ration FROM reserves.products WHERE code = ${input.code} FOR UPDATE`,
  );
  if (!before) throw new AppError(ERR.unknownProduct, 404, { code: input.code });
  await tx.execute(
    sql`UPDATE reserves.products SET category = ${input.category}, name_fr = ${input.nameFr}, name_ar = ${input.nameAr}, name_en = ${input.nameEn},
          pack_size = ${input.packSize}, gtin = COALESCE(${input.gtin ?? null}, gtin), household_ration = ${input.householdRation ?? null}
        WHERE id = ${before.id}`,
  );
  const { id, ...b } = before;
  await audit(tx, ctx, {
    action: 'reserves.product.update',
    entityType: 'reserves.product',
    entityId: id,
    before: b,
    after: {
      category: input.category,
      name_fr: input.nameFr,
      name_ar: input.nameAr,
      name_en: input.nameEn,
      pack_size: input.packSize,
      gtin: input.gtin ?? b.gtin ?? null,
      household_ration: input.householdRation ?? null,
    },
  });
}

let registered = false;
/** Registers the import job on the outbox (once per process). */
export function registerImportJobs(): void {
  if (registered) return;
  registered = true;
  subscribe(TOPIC_IMPORT_RUN, async (payload, { db }) => runImport(db, String(payload.import)));
}
