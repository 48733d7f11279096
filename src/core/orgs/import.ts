import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { rows as queryRows, type Database, type Executor } from '../db/client';
import { systemContext, type RequestContext } from '../access/context';
import { audit } from '../audit/audit';
import { foldText } from '../search/normalize';
import { invalidateOrgCaches } from './cache';
import { organisations } from './schema';

/** Kinds of organisation the platform knows. */
export const ORG_TYPES = [
  'country',
  'region',
  'prefecture',
  'province',
  'arrondissement_prefecture',
  'commune',
  'ministry',
  'directorate',
  'public_establishment',
  'treasury',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** The root of the hierarchy; rows without a parent (other than the country itself) go under it. */
export const ROOT_ORG_CODE = 'MA';

/** Upper-case ASCII words separated by single hyphens: `MA`, `MA-04`, `MA-CAS-01`, `COM-TEMARA`. */
export const ORG_CODE_RE = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
export const ORG_CODE_MAX = 64;
export const ORG_NAME_MAX = 200;
export const ARABIC_SCRIPT_RE = /\p{Script=Arabic}/u;

export const CSV_COLUMNS = ['code', 'type', 'name_fr', 'name_ar', 'parent_code'] as const;
export const CSV_OPTIONAL_COLUMNS = ['name_en'] as const;

/** One organisation to import, as read from a file (before validation). */
export interface OrgRowInput {
  /** Line in the source file (the header is line 1). */
  line: number;
  /** File the row comes from, for messages when several files are imported together. */
  source?: string;
  code: string;
  type: string;
  name_fr: string;
  name_ar: string;
  parent_code: string;
  /** undefined: the file has no name_en column, the existing English name is kept. */
  name_en?: string | undefined;
}

export interface ImportIssue {
  line: number;
  source?: string;
  code?: string;
  reason: string;
}

export interface ImportResult {
  /** Rows read (excluding the header). */
  total: number;
  /** Rows that passed every check. */
  valid: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Bad rows left out (with --skip-invalid). */
  skipped: number;
  issues: ImportIssue[];
  /** Whether the database was changed. */
  written: boolean;
  dryRun: boolean;
  createdCodes: string[];
  updatedCodes: string[];
}

export interface ImportOptions {
  /** Import the good rows and leave out the bad ones (default: a bad row stops the whole import). */
  skipInvalid?: boolean;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Who imports (for the audit trail); the system by default. */
  ctx?: RequestContext;
  /** Name of the source, recorded in the audit entry. */
  source?: string;
  /** Called as rows are checked and written (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Write an audit entry even when nothing changed (default: only when something changed). */
  auditUnchanged?: boolean;
}

export const formatIssue = (i: ImportIssue): string =>
  `${i.source ? `${i.source} ` : ''}line ${i.line}: ${i.code ? `${i.code}: ` : ''}${i.reason}`;

const codeField = z
  .string()
  .trim()
  .min(1, 'code is empty')
  .max(ORG_CODE_MAX, `code is longer than ${ORG_CODE_MAX} characters`)
  .regex(ORG_CODE_RE, 'code must be upper-case letters and digits separated by hyphens (e.g. COM-TEMARA)');

const nameField = (label: string) =>
  z.string().trim().min(1, `${label} is empty`).max(ORG_NAME_MAX, `${label} is longer than ${ORG_NAME_MAX} characters`);

/** The checks every row must pass on its own; links between rows are checked afterwards. */
export const orgRowSchema = z.object({
  code: codeField,
  type: z
    .string()
    .trim()
    .refine((t) => (ORG_TYPES as readonly string[]).includes(t), {
      message: `type must be one of ${ORG_TYPES.join(', ')}`,
    }),
  name_fr: nameField('name_fr'),
  name_ar: nameField('name_ar').refine((s) => ARABIC_SCRIPT_RE.test(s), { message: 'name_ar contains no Arabic script' }),
  parent_code: z
    .string()
    .trim()
    .max(ORG_CODE_MAX, `parent_code is longer than ${ORG_CODE_MAX} characters`)
    .refine((s) => s === '' || ORG_CODE_RE.test(s), { message: 'parent_code is not a valid code' }),
  name_en: z.string().trim().max(ORG_NAME_MAX, `name_en is longer than ${ORG_NAME_MAX} characters`).optional(),
});

/**
 * Reads a CSV file of organisations (`code,type,name_fr,name_ar,parent_code[,name_en]`, UTF-8,
 * optional BOM). Structural problems (missing columns, wrong field counts, broken quotes) are
 * reported as issues with their line numbers.
 */
export function parseOrgCsv(text: string, source?: string): { rows: OrgRowInput[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const at = (line: number, reason: string): ImportIssue => ({ line, reason, ...(source ? { source } : {}) });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    return { rows: [], issues: [at(err.lines ?? 1, `unreadable CSV: ${err.message ?? String(e)}`)] };
  }
  if (records.length === 0) return { rows: [], issues: [at(1, 'the file is empty (expected a header line)')] };
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter(
    (h) => !(CSV_COLUMNS as readonly string[]).includes(h) && !(CSV_OPTIONAL_COLUMNS as readonly string[]).includes(h),
  );
  if (missing.length || unknown.length) {
    const parts = [
      missing.length ? `missing column(s) ${missing.join(', ')}` : '',
      unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    return {
      rows: [],
      issues: [
        at(
          records[0]!.info.lines,
          `bad header: ${parts.join('; ')} (expected ${[...CSV_COLUMNS, ...CSV_OPTIONAL_COLUMNS].join(',')})`,
        ),
      ],
    };
  }
  const idx = (c: string) => header.indexOf(c);
  const hasEn = header.includes('name_en');
  const rows: OrgRowInput[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      issues.push(at(info.lines, `expected ${header.length} fields, found ${record.length}`));
      continue;
    }
    const get = (c: string) => record[idx(c)] ?? '';
    rows.push({
      line: info.lines,
      ...(source ? { source } : {}),
      code: get('code'),
      type: get('type'),
      name_fr: get('name_fr'),
      name_ar: get('name_ar'),
      parent_code: get('parent_code'),
      ...(hasEn ? { name_en: get('name_en') } : {}),
    });
  }
  return { rows, issues };
}

interface ExistingOrg {
  id: string;
  code: string;
  type: string;
  name_fr: string;
  name_ar: string;
  name_en: string | null;
  path: string;
  search_text: string;
  parent_code: string | null;
}

interface CheckedRow {
  line: number;
  source?: string;
  code: string;
  type: OrgType;
  nameFr: string;
  nameAr: string;
  /** undefined: keep the existing English name. */
  nameEn: string | null | undefined;
  parentCode: string | null;
}

const CHUNK = 500;

/**
 * Checks and imports organisations in one transaction: new codes are created under their
 * parent (which may be another row of the same import, in any order, or an existing
 * organisation), existing codes get their names updated. Every bad row is reported with its
 * line number; unless `skipInvalid`, one bad row means nothing is written.
 */
export async function importOrgRows(
  db: Database,
  input: OrgRowInput[],
  opts: ImportOptions = {},
  preIssues: ImportIssue[] = [],
): Promise<ImportResult> {
  const result = await importInTransaction(db, input, opts, preIssues);
  if (result.written) invalidateOrgCaches();
  return result;
}

async function importInTransaction(
  db: Database,
  input: OrgRowInput[],
  opts: ImportOptions,
  preIssues: ImportIssue[],
): Promise<ImportResult> {
  const ctx = opts.ctx ?? systemContext();
  const total = input.length + preIssues.length;
  const issues: ImportIssue[] = [...preIssues];
  const bad = (r: { line: number; source?: string | undefined }, reason: string, code?: string) =>
    issues.push({ line: r.line, ...(r.source ? { source: r.source } : {}), ...(code ? { code } : {}), reason });

  // 1. Each row on its own.
  const checked: CheckedRow[] = [];
  for (const r of input) {
    const parsed = orgRowSchema.safeParse(r);
    if (!parsed.success) {
      bad(
        r,
        parsed.error.issues.map((i) => i.message).join('; '),
        typeof r.code === 'string' && r.code.trim() ? r.code.trim() : undefined,
      );
      continue;
    }
    const v = parsed.data;
    const type = v.type as OrgType;
    if (type === 'country' && v.parent_code) {
      bad(r, 'a country has no parent', v.code);
      continue;
    }
    checked.push({
      line: r.line,
      ...(r.source ? { source: r.source } : {}),
      code: v.code,
      type,
      nameFr: v.name_fr,
      nameAr: v.name_ar,
      nameEn: v.name_en === undefined ? undefined : v.name_en || null,
      parentCode: v.parent_code || (type === 'country' ? null : ROOT_ORG_CODE),
    });
  }
  opts.onProgress?.(Math.floor(input.length / 4), input.length);

  // 2. Duplicates within the file.
  const byCode = new Map<string, CheckedRow>();
  const firstLine = new Map<string, CheckedRow>();
  for (const r of checked) {
    const first = firstLine.get(r.code);
    if (first) {
      bad(
        r,
        `duplicate code (first at ${first.source && first.source !== r.source ? `${first.source} ` : ''}line ${first.line})`,
        r.code,
      );
      continue;
    }
    firstLine.set(r.code, r);
    byCode.set(r.code, r);
  }
  // Codes whose rows failed the row checks: children pointing at them get a precise reason.
  const invalidLines = new Map<string, number>();
  for (const r of input) {
    const c = typeof r.code === 'string' ? r.code.trim() : '';
    if (c && !byCode.has(c) && !invalidLines.has(c)) invalidLines.set(c, r.line);
  }

  return db.transaction(async (tx) => {
    // 3. What already exists: the rows' codes and their parents', in one query.
    const wanted = [...new Set([...byCode.keys(), ...[...byCode.values()].flatMap((r) => (r.parentCode ? [r.parentCode] : []))])];
    const existing = new Map<string, ExistingOrg>();
    for (let i = 0; i < wanted.length; i += 5000) {
      const part = wanted.slice(i, i + 5000);
      const found = await queryRows<ExistingOrg>(
        tx,
        sql`SELECT o.id, o.code, o.type, o.name_fr, o.name_ar, o.name_en, o.path, o.search_text, p.code AS parent_code
            FROM core.organisations o LEFT JOIN core.organisations p ON p.id = o.parent_id
            WHERE o.code IN (${sql.join(
              part.map((c) => sql`${c}`),
              sql`, `,
            )})`,
      );
      for (const e of found) existing.set(e.code, e);
    }

    // 4. Links: parent known, same type and parent as the existing organisation, no cycle.
    const rejected = new Set<string>();
    const reject = (r: CheckedRow, reason: string) => {
      rejected.add(r.code);
      bad(r, reason, r.code);
    };
    for (const r of byCode.values()) {
      const ex = existing.get(r.code);
      if (ex) {
        if (ex.type !== r.type)
          reject(
            r,
            `type ${r.type} differs from the existing organisation's type ${ex.type} (types are not changed by an import)`,
          );
        else if ((ex.parent_code ?? null) !== r.parentCode)
          reject(
            r,
            `parent ${r.parentCode ?? '(none)'} differs from the existing parent ${ex.parent_code ?? '(none)'} (organisations are not moved by an import)`,
          );
        continue;
      }
      if (r.parentCode === null) {
        if (r.code !== ROOT_ORG_CODE) reject(r, `only the root ${ROOT_ORG_CODE} may have no parent`);
        continue;
      }
      if (r.parentCode === r.code) {
        reject(r, 'an organisation cannot be its own parent');
        continue;
      }
      if (!byCode.has(r.parentCode) && !existing.has(r.parentCode)) {
        const l = invalidLines.get(r.parentCode);
        reject(
          r,
          l !== undefined ? `parent ${r.parentCode} is on an invalid line (${l})` : `parent ${r.parentCode} does not exist`,
        );
      }
    }
    // Cycles among new rows, and rows whose parent was rejected (transitively).
    const state = new Map<string, 'visiting' | 'ok' | 'bad'>();
    const order: CheckedRow[] = [];
    const resolve = (r: CheckedRow, trail: string[]): boolean => {
      const s = state.get(r.code);
      if (s === 'ok') return true;
      if (s === 'bad') return false;
      if (s === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(r.code)), r.code].join(' → ');
        for (const c of trail.slice(trail.indexOf(r.code))) {
          const row = byCode.get(c)!;
          if (!rejected.has(c)) reject(row, `cycle in parents: ${cycle}`);
          state.set(c, 'bad');
        }
        return false;
      }
      if (rejected.has(r.code)) {
        state.set(r.code, 'bad');
        return false;
      }
      if (existing.has(r.code) || r.parentCode === null || existing.has(r.parentCode)) {
        state.set(r.code, 'ok');
        order.push(r);
        return true;
      }
      state.set(r.code, 'visiting');
      const parent = byCode.get(r.parentCode)!;
      const ok = resolve(parent, [...trail, r.code]);
      if (state.get(r.code) === 'bad') return false; // marked as part of a cycle
      if (!ok) {
        if (!rejected.has(r.code)) reject(r, `parent ${r.parentCode} (line ${parent.line}) is invalid`);
        state.set(r.code, 'bad');
        return false;
      }
      state.set(r.code, 'ok');
      order.push(r);
      return true;
    };
    for (const r of byCode.values()) resolve(r, []);
    opts.onProgress?.(Math.floor(input.length / 2), input.length);

    issues.sort((a, b) => (a.source ?? '').localeCompare(b.source ?? '') || a.line - b.line);
    const result: ImportResult = {
      total,
      valid: order.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: total - order.length,
      issues,
      written: false,
      dryRun: !!opts.dryRun,
      createdCodes: [],
      updatedCodes: [],
    };

    // 5. What would change.
    const paths = new Map<string, { id: string; path: string }>();
    for (const e of existing.values()) paths.set(e.code, { id: e.id, path: e.path });
    const inserts: (typeof organisations.$inferInsert)[] = [];
    const updates: {
      id: string;
      code: string;
      before: Record<string, unknown>;
      after: { nameFr: string; nameAr: string; nameEn: string | null; searchText: string };
    }[] = [];
    for (const r of order) {
      const searchText = foldText(`${r.nameFr} ${r.nameAr}`);
      const ex = existing.get(r.code);
      if (ex) {
        const nameEn = r.nameEn === undefined ? ex.name_en : r.nameEn;
        if (ex.name_fr !== r.nameFr || ex.name_ar !== r.nameAr || ex.name_en !== nameEn || ex.search_text !== searchText) {
          updates.push({
            id: ex.id,
            code: r.code,
            before: { nameFr: ex.name_fr, nameAr: ex.name_ar, nameEn: ex.name_en },
            after: { nameFr: r.nameFr, nameAr: r.nameAr, nameEn, searchText },
          });
        }
        continue;
      }
      const id = uuidv7();
      const parent = r.parentCode ? paths.get(r.parentCode)! : null;
      const path = `${parent ? parent.path : '/'}${id}/`;
      paths.set(r.code, { id, path });
      inserts.push({
        id,
        code: r.code,
        type: r.type,
        nameFr: r.nameFr,
        nameAr: r.nameAr,
        nameEn: r.nameEn ?? null,
        parentId: parent?.id ?? null,
        path,
        searchText,
      });
    }
    result.created = inserts.length;
    result.updated = updates.length;
    result.unchanged = order.length - inserts.length - updates.length;
    result.createdCodes = inserts.map((i) => i.code);
    result.updatedCodes = updates.map((u) => u.code);

    const blocked = issues.length > 0 && !opts.skipInvalid;
    if (blocked || opts.dryRun) {
      if (blocked) {
        result.created = result.updated = result.unchanged = 0;
        result.createdCodes = [];
        result.updatedCodes = [];
        result.skipped = total;
      }
      opts.onProgress?.(input.length, input.length);
      return result;
    }

    // 6. Write: multi-row inserts (parents before children), one batched update.
    let done = Math.floor(input.length / 2);
    for (let i = 0; i < inserts.length; i += CHUNK) {
      const part = inserts.slice(i, i + CHUNK);
      await tx.insert(organisations).values(part);
      done += part.length;
      opts.onProgress?.(Math.min(done, input.length), input.length);
    }
    for (let i = 0; i < updates.length; i += CHUNK) {
      const part = updates.slice(i, i + CHUNK);
      await tx.execute(sql`UPDATE core.organisations o
        SET name_fr = v.name_fr, name_ar = v.name_ar, name_en = v.name_en, search_text = v.search_text, updated_at = now()
        FROM (VALUES ${sql.join(
          part.map(
            (u) =>
              sql`(${u.id}::uuid, ${u.after.nameFr}::text, ${u.after.nameAr}::text, ${u.after.nameEn}::text, ${u.after.searchText}::text)`,
          ),
          sql`, `,
        )}) AS v(id, name_fr, name_ar, name_en, search_text)
        WHERE o.id = v.id`);
    }
    opts.onProgress?.(input.length, input.length);
    result.written = inserts.length + updates.length > 0;

    if (result.written || opts.auditUnchanged) {
      await audit(tx, ctx, {
        action: 'core.orgs.import',
        entityType: 'core.organisation',
        meta: {
          source: opts.source ?? null,
          total: result.total,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          skipped: result.skipped,
          createdCodes: result.createdCodes,
          changed: updates.map((u) => ({
            code: u.code,
            before: u.before,
            after: { nameFr: u.after.nameFr, nameAr: u.after.nameAr, nameEn: u.after.nameEn },
          })),
          issues: issues.slice(0, 200).map(formatIssue),
        },
      });
    }
    return result;
  });
}

/** Parses a CSV text and imports it (the `raqmana import orgs` command and the seeds use this). */
export async function importOrgsCsv(db: Database, text: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const { rows, issues } = parseOrgCsv(text, undefined);
  return importOrgRows(db, rows, opts, issues);
}

/** The organisation with this code, or undefined (for callers that hold an executor). */
export async function findOrgIdByCode(exec: Executor, code: string): Promise<{ id: string; path: string } | undefined> {
  const [r] = await queryRows<{ id: string; path: string }>(
    exec,
    sql`SELECT id, path FROM core.organisations WHERE code = ${code}`,
  );
  return r;
}
