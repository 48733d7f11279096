/**
 * Read models of the catalog: the public page of a procedure, the back office's views of
 * procedures and versions, items, open data, reports and indicators.
 */
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { can, scopeCondition, type RequestContext } from '../../core/access/context';
import { rows, type Executor } from '../../core/db/client';
import { AppError } from '../../core/errors';
import { availableActions, historyOf } from '../../core/workflow/engine';
import {
  CATALOG_EDIT,
  CATALOG_FEEDBACK_ANSWER,
  CATALOG_REVIEW,
  CATALOG_STATS_READ,
  INTERNAL_VERSION_ACTIONS,
  versionWorkflow,
  type CatalogLang,
  type DiffEntry,
  type ReportStatus,
  type VersionState,
  type TText,
  type VersionContent,
} from './contract';
import { items, versions } from './schema/catalog';
import { diffContents, feeAmounts } from './versioning';
import { loadProcedure, loadVersion } from './commands/shared';
import { legalTextsByIds, presentLegalText, type LegalTextRow } from './commands/legal-texts';

// ---------- language ----------

/** The text in `lang`, falling back to French (English is optional). */
export const pick = (t: TText | undefined, lang: CatalogLang): string | null =>
  t ? (lang === 'en' ? (t.en ?? t.fr) : t[lang]) : null;

interface LegalResolved {
  ref: string;
  textId: string | null;
  article: string | null;
  kind: string | null;
  number: string | null;
  date: string | null;
  title: string | null;
  reference: string | null;
  bulletin: string | null;
  url: string | null;
}

/** What a content refers to outside itself: shared legal texts, form files, organisations. */
export interface ContentRefs {
  legal: Map<string, LegalTextRow>;
  files: Map<string, { filename: string; mimeType: string; sizeBytes: number }>;
  orgs: Map<string, { fr: string; ar: string; en: string | null }>;
}
export const NO_REFS: ContentRefs = { legal: new Map(), files: new Map(), orgs: new Map() };

/** Loads the shared legal texts, form files and organisation names the contents refer to (three queries at most). */
export async function loadRefs(exec: Executor, contents: VersionContent[]): Promise<ContentRefs> {
  const textIds = contents.flatMap((c) => c.legalBasis.flatMap((l) => (l.textId ? [l.textId] : [])));
  const fileIds = [...new Set(contents.flatMap((c) => (c.forms ?? []).flatMap((f) => (f.fileId ? [f.fileId] : []))))];
  const codes = [...new Set(contents.flatMap((c) => c.competence.flatMap((x) => ('orgCodes' in x ? x.orgCodes : []))))];
  const legal = await legalTextsByIds(exec, textIds);
  const files = new Map<string, { filename: string; mimeType: string; sizeBytes: number }>();
  if (fileIds.length)
    for (const f of await rows<{ id: string; filename: string; mime_type: string; size_bytes: string | number }>(
      exec,
      sql`SELECT id, filename, mime_type, size_bytes FROM core.files WHERE deleted_at IS NULL AND id IN (${sql.join(
        fileIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ))
      files.set(f.id, { filename: f.filename, mimeType: f.mime_type, sizeBytes: Number(f.size_bytes) });
  const orgs = new Map<string, { fr: string; ar: string; en: string | null }>();
  if (codes.length)
    for (const o of await rows<{ code: string; name_fr: string; name_ar: string; name_en: string | null }>(
      exec,
      sql`SELECT code, name_fr, name_ar, name_en FROM core.organisations WHERE code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    ))
      orgs.set(o.code, { fr: o.name_fr, ar: o.name_ar, en: o.name_en });
  return { legal, files, orgs };
}

type LegalEntry = VersionContent['legalBasis'][number];

/** A legal-basis entry with its shared text (or its inline fields, for entries not yet resolved). */
function legalEntry(l: LegalEntry, lang: CatalogLang, refs: ContentRefs) {
  const shared = l.textId ? refs.legal.get(l.textId) : undefined;
  if (shared)
    return {
      id: l.id,
      textId: shared.id,
      kind: shared.kind,
      number: shared.number,
      date: shared.date,
      title: pick({ fr: shared.titleFr, ar: shared.titleAr, ...(shared.titleEn ? { en: shared.titleEn } : {}) }, lang)!,
      reference: shared.reference,
      bulletin: shared.bulletin,
      url: shared.url,
    };
  return {
    id: l.id,
    textId: l.textId ?? null,
    kind: l.kind ?? null,
    number: l.number ?? null,
    date: l.date ?? null,
    title: pick(l.title, lang) ?? l.id,
    reference: l.reference ?? null,
    bulletin: l.bulletin ?? null,
    url: l.url ?? null,
  };
}

function legalOf(
  c: VersionContent,
  lang: CatalogLang,
  refs: ContentRefs,
  l?: { ref: string; article?: string | undefined },
): LegalResolved | null {
  if (!l) return null;
  const entry = c.legalBasis.find((x) => x.id === l.ref);
  const e = entry ? legalEntry(entry, lang, refs) : null;
  return {
    ref: l.ref,
    textId: e?.textId ?? null,
    article: l.article ?? null,
    kind: e?.kind ?? null,
    number: e?.number ?? null,
    date: e?.date ?? null,
    title: e?.title ?? null,
    reference: e?.reference ?? null,
    bulletin: e?.bulletin ?? null,
    url: e?.url ?? null,
  };
}

export interface ItemIdRow {
  id: string;
  kind: string;
  key: string;
}

/** Where a published version's form file is downloaded from (public). */
export const formDownloadPath = (slug: string, fileId: string) =>
  `/api/v1/catalog/procedures/${encodeURIComponent(slug)}/forms/${fileId}`;

/** A version's content in one language, with the ids of its items and resolved references (editor notes left out). */
export function localize(c: VersionContent, lang: CatalogLang, itemIds: ItemIdRow[], refs: ContentRefs = NO_REFS, slug = '') {
  const idOf = (kind: string, key: string) => itemIds.find((i) => i.kind === kind && i.key === key)?.id ?? null;
  return {
    title: pick(c.title, lang)!,
    summary: pick(c.summary, lang)!,
    audiences: c.audiences,
    categories: c.categories,
    lifeEvents: c.lifeEvents,
    competence: c.competence.map((x) => ({
      ...('orgType' in x ? { orgType: x.orgType, orgCodes: null } : { orgType: null, orgCodes: x.orgCodes }),
      orgs:
        'orgCodes' in x
          ? x.orgCodes.map((code) => {
              const o = refs.orgs.get(code);
              return { code, name: o ? (lang === 'ar' ? o.ar : lang === 'en' ? (o.en ?? o.fr) : o.fr) : code };
            })
          : [],
      service: pick(x.service, lang)!,
    })),
    channels: c.channels.map((ch) => ({ kind: ch.kind, where: pick(ch.where, lang)!, url: ch.url ?? null })),
    documents: c.documents.map((d) => ({
      id: idOf('document', d.key),
      key: d.key,
      name: pick(d.name, lang)!,
      description: pick(d.description, lang),
      form: d.form,
      copies: d.copies,
      issuer: pick(d.issuer, lang),
      optional: d.optional ?? false,
      condition: pick(d.condition, lang),
      legal: legalOf(c, lang, refs, d.legal),
    })),
    conditions: c.conditions.map((x) => pick(x, lang)!),
    fees: c.fees.map((f) => {
      const a = feeAmounts(f);
      return {
        id: idOf('fee', f.key),
        key: f.key,
        label: pick(f.label, lang)!,
        kind: f.kind,
        amountCentimes: a.amountCentimes,
        maxCentimes: a.amountMaxCentimes,
        percent: a.ratePercent,
        basis: pick(f.basis, lang),
        currency: 'MAD' as const,
        payment: pick(f.payment, lang),
        legal: legalOf(c, lang, refs, f.legal),
      };
    }),
    delay: {
      id: idOf('delay', 'delay'),
      legalDays: c.delay.legalDays ?? null,
      legalUnit: c.delay.legalUnit ?? null,
      usual: pick(c.delay.usual, lang),
      legal: legalOf(c, lang, refs, c.delay.legal),
    },
    legalBasis: c.legalBasis.map((l) => legalEntry(l, lang, refs)),
    steps: c.steps.map((s) => ({ title: pick(s.title, lang)!, detail: pick(s.detail, lang) })),
    forms: (c.forms ?? []).map((f) => {
      const file = f.fileId ? refs.files.get(f.fileId) : undefined;
      return {
        name: pick(f.name, lang)!,
        url: f.url ?? null,
        fileId: file ? f.fileId! : null,
        file: file ?? null,
        download: file && slug ? formDownloadPath(slug, f.fileId!) : null,
      };
    }),
    keywords: c.keywords,
    related: c.related,
  };
}

// ---------- public page ----------

export interface PublicHead {
  procedureId: string;
  versionId: string;
  publishedAt: Date;
  /**
   * When the page last changed: its publication, or a change of what it shows from elsewhere —
   * its administration (name), its related procedures (titles, publication or withdrawal).
   */
  lastModified: Date;
  /** What the page shows from elsewhere, for the ETag: the related procedures' published versions. */
  relatedVersions: string;
}

/** Only what the cache validators need: one indexed read. */
export async function publicHead(exec: Executor, slug: string): Promise<PublicHead | null> {
  const [r] = await rows<{
    id: string;
    published_version_id: string;
    published_at: Date | string;
    last_modified: Date | string;
    related_versions: string | null;
  }>(
    exec,
    sql`SELECT p.id, p.published_version_id, p.published_at,
               greatest(p.published_at, o.updated_at,
                        (SELECT max(r.updated_at) FROM catalog.procedures r WHERE r.slug = ANY(p.related))) AS last_modified,
               (SELECT string_agg(r.slug || ':' || coalesce(r.published_version_id::text, '-'), ',' ORDER BY r.slug)
                FROM catalog.procedures r WHERE r.slug = ANY(p.related)) AS related_versions
        FROM catalog.procedures p JOIN core.organisations o ON o.id = p.owner_org_id
        WHERE p.slug = ${slug} AND p.published_version_id IS NOT NULL`,
  );
  return r
    ? {
        procedureId: r.id,
        versionId: r.published_version_id,
        publishedAt: new Date(r.published_at),
        lastModified: new Date(r.last_modified),
        relatedVersions: r.related_versions ?? '',
      }
    : null;
}

export async function publicProcedure(exec: Executor, slug: string, lang: CatalogLang) {
  const [r] = await rows<{
    id: string;
    slug: string;
    version_id: string;
    number: number;
    effective_date: string | null;
    published_at: Date | string;
    change_note: string | null;
    content: VersionContent;
    stale: { field: string; lang: string }[];
    owner_code: string;
    owner_fr: string;
    owner_ar: string;
    owner_en: string | null;
  }>(
    exec,
    sql`SELECT p.id, p.slug, v.id AS version_id, v.number, v.effective_date::text AS effective_date, v.published_at, v.change_note,
               v.content, v.stale, o.code AS owner_code, o.name_fr AS owner_fr, o.name_ar AS owner_ar, o.name_en AS owner_en
        FROM catalog.procedures p JOIN catalog.versions v ON v.id = p.published_version_id
        JOIN core.organisations o ON o.id = p.owner_org_id
        WHERE p.slug = ${slug}`,
  );
  if (!r) throw new AppError('CATALOG_PROCEDURE_NOT_FOUND', 404, { slug });
  const itemIds = await exec
    .select({ id: items.id, kind: items.kind, key: items.key })
    .from(items)
    .where(eq(items.versionId, r.version_id));
  const relatedSlugs = r.content.related;
  const related = relatedSlugs.length
    ? await rows<{ slug: string; title: TText }>(
        exec,
        sql`SELECT p.slug, v.content->'title' AS title FROM catalog.procedures p JOIN catalog.versions v ON v.id = p.published_version_id
            WHERE p.slug IN (${sql.join(
              relatedSlugs.map((s) => sql`${s}`),
              sql`, `,
            )})`,
      )
    : [];
  const ownerName = lang === 'ar' ? r.owner_ar : lang === 'en' ? (r.owner_en ?? r.owner_fr) : r.owner_fr;
  const content = localize(r.content, lang, itemIds, await loadRefs(exec, [r.content]), r.slug);
  return {
    id: r.id,
    slug: r.slug,
    lang,
    version: { id: r.version_id, number: r.number, effectiveDate: r.effective_date, changeNote: r.change_note },
    lastUpdated: new Date(r.published_at).toISOString(),
    owner: { code: r.owner_code, name: ownerName },
    ...content,
    related: relatedSlugs.map((s) => {
      const x = related.find((y) => y.slug === s);
      return { slug: s, title: x ? pick(x.title, lang) : null };
    }),
    possiblyOutdated: lang === 'en' ? [] : r.stale.filter((s) => s.lang === lang).map((s) => s.field),
    hasEnglish: r.content.title.en !== undefined,
  };
}

// ---------- items ----------

/** One item (document, fee, delay) by id, with its version; public when the version was published. */
export async function itemById(exec: Executor, ctx: RequestContext, id: string, lang: CatalogLang) {
  const [r] = await rows<{
    id: string;
    kind: string;
    key: string;
    slug: string;
    owner_path: string;
    version_id: string;
    number: number;
    state: string;
    effective_date: string | null;
    published_at: Date | string | null;
    archived_at: Date | string | null;
    content: VersionContent;
  }>(
    exec,
    sql`SELECT i.id, i.kind, i.key, p.slug, o.path AS owner_path, v.id AS version_id, v.number, v.state,
               v.effective_date::text AS effective_date, v.published_at, v.archived_at, v.content
        FROM catalog.items i JOIN catalog.versions v ON v.id = i.version_id
        JOIN catalog.procedures p ON p.id = i.procedure_id JOIN core.organisations o ON o.id = p.owner_org_id
        WHERE i.id = ${id}`,
  );
  const visible =
    r &&
    (r.state === 'published' ||
      r.state === 'archived' ||
      can(ctx, CATALOG_EDIT, r.owner_path) ||
      can(ctx, CATALOG_REVIEW, r.owner_path));
  if (!r || !visible) throw new AppError('CATALOG_ITEM_NOT_FOUND', 404, { id });
  const loc = localize(r.content, lang, [{ id: r.id, kind: r.kind, key: r.key }], await loadRefs(exec, [r.content]), r.slug);
  const item =
    r.kind === 'document'
      ? loc.documents.find((d) => d.key === r.key)
      : r.kind === 'fee'
        ? loc.fees.find((f) => f.key === r.key)
        : loc.delay;
  return {
    id: r.id,
    kind: r.kind as 'document' | 'fee' | 'delay',
    key: r.key,
    procedure: { slug: r.slug, title: loc.title },
    version: {
      id: r.version_id,
      number: r.number,
      state: r.state,
      effectiveDate: r.effective_date,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      archivedAt: r.archived_at ? new Date(r.archived_at).toISOString() : null,
    },
    item: (item ?? {}) as Record<string, unknown>,
  };
}

// ---------- back office ----------

async function manageableProcedure(exec: Executor, ctx: RequestContext, slug: string) {
  const p = await loadProcedure(exec, slug).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  });
  if (!p || !(can(ctx, CATALOG_EDIT, p.owner_path) || can(ctx, CATALOG_REVIEW, p.owner_path)))
    throw new AppError('CATALOG_PROCEDURE_NOT_FOUND', 404, { slug });
  return p;
}

const versionSummary = (v: typeof versions.$inferSelect) => ({
  id: v.id,
  number: v.number,
  state: v.state as VersionState,
  effectiveDate: v.effectiveDate,
  changeNote: v.changeNote,
  authorId: v.authorId,
  staleCount: v.stale.length,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  submittedAt: v.submittedAt?.toISOString() ?? null,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  archivedAt: v.archivedAt?.toISOString() ?? null,
});

/** A procedure for its editors and reviewers: its versions (404 outside their scope). */
export async function manageProcedure(exec: Executor, ctx: RequestContext, slug: string) {
  const p = await manageableProcedure(exec, ctx, slug);
  const vs = await exec.select().from(versions).where(eq(versions.procedureId, p.id)).orderBy(desc(versions.number));
  const title = vs[0]?.content.title ?? null;
  return {
    id: p.id,
    slug: p.slug,
    ownerCode: p.owner_code,
    title,
    publishedVersion: vs.find((v) => v.state === 'published')?.number ?? null,
    scheduledVersion: ((v) => (v ? { number: v.number, effectiveDate: v.effectiveDate } : null))(
      vs.find((v) => v.state === 'scheduled'),
    ),
    versions: vs.map(versionSummary),
    canEdit: can(ctx, CATALOG_EDIT, p.owner_path),
    canReview: can(ctx, CATALOG_REVIEW, p.owner_path),
  };
}

/** A version in full (both languages), its staleness flags, items, allowed actions and history. */
export async function manageVersion(exec: Executor, ctx: RequestContext, slug: string, number: number) {
  const p = await manageableProcedure(exec, ctx, slug);
  const v = await loadVersion(exec, p.id, number);
  const its = await exec
    .select({ id: items.id, kind: items.kind, key: items.key, amountCentimes: items.amountCentimes })
    .from(items)
    .where(eq(items.versionId, v.id))
    .orderBy(asc(items.kind), asc(items.position));
  const history = await historyOf(exec, versionWorkflow.entityType, v.id);
  const refs = await loadRefs(exec, [v.content]);
  return {
    ...versionSummary(v),
    slug: p.slug,
    ownerCode: p.owner_code,
    baseVersionId: v.baseVersionId,
    content: v.content,
    stale: v.stale,
    items: its,
    refs: {
      legalTexts: [...refs.legal.values()].map(presentLegalText),
      files: [...refs.files].map(([id, f]) => ({ id, ...f })),
      orgs: [...refs.orgs].map(([code, o]) => ({ code, nameFr: o.fr, nameAr: o.ar })),
    },
    actions: availableActions(versionWorkflow, v.state, ctx, { staleCount: v.stale.length }, p.owner_path)
      // `publish` schedules by itself when the date is in the future; taking effect is the worker's.
      .filter((a) => !(INTERNAL_VERSION_ACTIONS as readonly string[]).includes(a.action))
      .map((a) => ({
        action: a.action,
        to: a.to,
        requiresComment: a.requiresComment,
      })),
    history: history.map((h) => ({
      action: h.action,
      fromState: h.fromState,
      toState: h.toState,
      actorId: h.actorId,
      comment: h.comment,
      at: h.createdAt.toISOString(),
    })),
  };
}

/** The field-level diff of version `number` against `against` (default: the version it was copied from, or the previous one). */
export async function versionDiff(exec: Executor, ctx: RequestContext, slug: string, number: number, against?: number) {
  const p = await manageableProcedure(exec, ctx, slug);
  const v = await loadVersion(exec, p.id, number);
  let base: typeof versions.$inferSelect | undefined;
  if (against !== undefined) base = await loadVersion(exec, p.id, against);
  else if (v.baseVersionId) [base] = await exec.select().from(versions).where(eq(versions.id, v.baseVersionId));
  else if (number > 1)
    base = await loadVersion(exec, p.id, number - 1).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return undefined;
      throw err;
    });
  const changes = await labelIds(exec, diffContents(base?.content ?? null, v.content));
  return { slug, number, against: base?.number ?? null, changes };
}

/** Reviewers read what an id stands for: shared legal texts by code and title, form files by name. */
async function labelIds(exec: Executor, changes: DiffEntry[]): Promise<DiffEntry[]> {
  const isUuid = (x: unknown): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x);
  const of = (suffix: string) =>
    changes.filter((c) => c.field.endsWith(suffix)).flatMap((c) => [c.before, c.after].filter(isUuid));
  const texts = await legalTextsByIds(exec, of('.textId'));
  const fileIds = of('.fileId');
  const files = new Map<string, string>();
  if (fileIds.length)
    for (const f of await rows<{ id: string; filename: string }>(
      exec,
      sql`SELECT id, filename FROM core.files WHERE id IN (${sql.join(
        fileIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ))
      files.set(f.id, f.filename);
  const label = (field: string, v: unknown): string | undefined => {
    if (!isUuid(v)) return undefined;
    if (field.endsWith('.textId')) {
      const t = texts.get(v);
      return t ? `${t.code} — ${t.titleFr}` : undefined;
    }
    if (field.endsWith('.fileId')) return files.get(v);
    return undefined;
  };
  return changes.map((c) => {
    const b = label(c.field, c.before);
    const a = label(c.field, c.after);
    return { ...c, ...(b ? { beforeLabel: b } : {}), ...(a ? { afterLabel: a } : {}) };
  });
}

/** Procedures the caller may edit or review, with the state of their latest version. */
export async function listManaged(
  exec: Executor,
  ctx: RequestContext,
  q: { state?: string | undefined; page: number; pageSize: number },
) {
  const where: SQL[] = [
    sql`(${scopeCondition(ctx, CATALOG_EDIT, sql`p.owner_org_id`)} OR ${scopeCondition(ctx, CATALOG_REVIEW, sql`p.owner_org_id`)})`,
  ];
  if (q.state) where.push(sql`v.state = ${q.state}`);
  const cond = sql.join(where, sql` AND `);
  const list = await rows<{
    slug: string;
    owner_code: string;
    number: number;
    state: string;
    effective_date: string | null;
    title: TText;
    updated_at: Date | string;
    stale_count: number;
    published_number: number | null;
    total: string | number;
  }>(
    exec,
    sql`SELECT p.slug, o.code AS owner_code, v.number, v.state, v.effective_date::text AS effective_date,
               v.content->'title' AS title, v.updated_at,
               jsonb_array_length(v.stale) AS stale_count, pv.number AS published_number, count(*) OVER () AS total
        FROM catalog.procedures p
        JOIN core.organisations o ON o.id = p.owner_org_id
        JOIN LATERAL (SELECT * FROM catalog.versions x WHERE x.procedure_id = p.id ORDER BY x.number DESC LIMIT 1) v ON TRUE
        LEFT JOIN catalog.versions pv ON pv.id = p.published_version_id
        WHERE ${cond}
        ORDER BY v.updated_at DESC, p.slug
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: list.map((r) => ({
      slug: r.slug,
      ownerCode: r.owner_code,
      latestVersion: r.number,
      state: r.state,
      effectiveDate: r.effective_date,
      title: r.title,
      updatedAt: new Date(r.updated_at).toISOString(),
      staleCount: Number(r.stale_count),
      publishedVersion: r.published_number,
    })),
    total: Number(list[0]?.total ?? 0),
  };
}

// ---------- open data ----------

export interface ExportRow {
  id: string;
  slug: string;
  ownerCode: string;
  version: number;
  effectiveDate: string | null;
  publishedAt: string;
  content: VersionContent;
  items: ItemIdRow[];
  refs: ContentRefs;
}

/** Every published procedure with its published version, slug order. */
export async function publishedCatalog(exec: Executor): Promise<ExportRow[]> {
  const list = await rows<{
    id: string;
    slug: string;
    owner_code: string;
    number: number;
    effective_date: string | null;
    published_at: Date | string;
    content: VersionContent;
    version_id: string;
  }>(
    exec,
    sql`SELECT p.id, p.slug, o.code AS owner_code, v.number, v.effective_date::text AS effective_date, v.published_at, v.content, v.id AS version_id
        FROM catalog.procedures p JOIN catalog.versions v ON v.id = p.published_version_id
        JOIN core.organisations o ON o.id = p.owner_org_id
        ORDER BY p.slug COLLATE "C"`,
  );
  const its = await rows<ItemIdRow & { version_id: string }>(
    exec,
    sql`SELECT i.id, i.kind, i.key, i.version_id FROM catalog.items i
        JOIN catalog.procedures p ON p.published_version_id = i.version_id`,
  );
  const byVersion = new Map<string, ItemIdRow[]>();
  for (const i of its) byVersion.set(i.version_id, [...(byVersion.get(i.version_id) ?? []), i]);
  const refs = await loadRefs(
    exec,
    list.map((r) => r.content),
  );
  return list.map((r) => ({
    refs,
    id: r.id,
    slug: r.slug,
    ownerCode: r.owner_code,
    version: r.number,
    effectiveDate: r.effective_date,
    publishedAt: new Date(r.published_at).toISOString(),
    content: r.content,
    items: byVersion.get(r.version_id) ?? [],
  }));
}

/** Slugs and publication dates of the published catalog (sitemap). */
export async function sitemapEntries(exec: Executor): Promise<{ slug: string; publishedAt: string; hasEnglish: boolean }[]> {
  const list = await rows<{ slug: string; published_at: Date | string; has_en: boolean }>(
    exec,
    sql`SELECT p.slug, p.published_at, (v.content->'title' ? 'en') AS has_en
        FROM catalog.procedures p JOIN catalog.versions v ON v.id = p.published_version_id
        ORDER BY p.slug COLLATE "C"`,
  );
  return list.map((r) => ({ slug: r.slug, publishedAt: new Date(r.published_at).toISOString(), hasEnglish: r.has_en }));
}

// ---------- reports ----------

interface ReportRow {
  id: string;
  slug: string;
  title: TText;
  org_code: string;
  org_fr: string;
  org_ar: string;
  org_text: string | null;
  document: string;
  occurred_on: string;
  comment: string | null;
  status: string;
  answer: string | null;
  answered_at: Date | string | null;
  created_at: Date | string;
  item_id: string | null;
  version_number: number | null;
}

const reportSelect = sql`SELECT r.id, p.slug, v.content->'title' AS title, o.code AS org_code, o.name_fr AS org_fr, o.name_ar AS org_ar,
         r.org_text, r.document, r.occurred_on::text AS occurred_on, r.comment, r.status, r.answer, r.answered_at, r.created_at,
         r.item_id, rv.number AS version_number
  FROM catalog.reports r JOIN catalog.procedures p ON p.id = r.procedure_id
  JOIN catalog.versions v ON v.id = COALESCE(p.published_version_id, r.version_id)
  LEFT JOIN catalog.versions rv ON rv.id = r.version_id
  JOIN core.organisations o ON o.id = r.org_id`;

const toReport = (r: ReportRow) => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  org: { code: r.org_code, nameFr: r.org_fr, nameAr: r.org_ar },
  orgText: r.org_text,
  document: r.document,
  occurredOn: r.occurred_on,
  comment: r.comment,
  status: r.status as ReportStatus,
  answer: r.answer,
  answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
  itemId: r.item_id,
  versionNumber: r.version_number,
});

/** Reports routed to administrations in the caller's scope (catalog.feedback.answer). */
export async function listReports(
  exec: Executor,
  ctx: RequestContext,
  q: { status?: string | undefined; page: number; pageSize: number },
) {
  const where: SQL[] = [scopeCondition(ctx, CATALOG_FEEDBACK_ANSWER, sql`r.org_id`)];
  if (q.status) where.push(sql`r.status = ${q.status}`);
  const list = await rows<ReportRow & { total: string | number }>(
    exec,
    sql`${reportSelect} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [count] = await rows<{ n: string | number }>(
    exec,
    sql`SELECT count(*) AS n FROM catalog.reports r WHERE ${sql.join(where, sql` AND `)}`,
  );
  return { items: list.map(toReport), total: Number(count?.n ?? 0) };
}

/** The reports the caller made, newest first. */
export async function myReports(exec: Executor, userId: string) {
  const list = await rows<ReportRow>(
    exec,
    sql`${reportSelect} WHERE r.reporter_id = ${userId} ORDER BY r.created_at DESC, r.id DESC LIMIT 200`,
  );
  return { items: list.map(toReport), total: list.length };
}

// ---------- indicators ----------

export async function orgByCode(exec: Executor, code: string) {
  const [o] = await rows<{ id: string; path: string; code: string; name_fr: string; name_ar: string }>(
    exec,
    sql`SELECT id, path, code, name_fr, name_ar FROM core.organisations WHERE code = ${code}`,
  );
  return o;
}

/**
 * Indicators for an administration and everything below it (a territory): procedures, freshness
 * of their published versions, views, ratings, reports of unlisted documents and how fast they
 * were answered; monthly series over the last `months` months, shaped for charts.
 */
export async function indicators(exec: Executor, ctx: RequestContext, orgCode: string, months = 12, now = new Date()) {
  const org = await orgByCode(exec, orgCode);
  if (!org) throw new AppError('CATALOG_ORG_NOT_FOUND', 404, { code: orgCode });
  if (!can(ctx, CATALOG_STATS_READ, org.path)) throw new AppError('CORE_FORBIDDEN', 403, { permission: CATALOG_STATS_READ });
  const prefix = `${org.path}%`;
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const sinceDay = since.toISOString().slice(0, 10);
  const inScope = sql`p.owner_org_id IN (SELECT id FROM core.organisations WHERE path LIKE ${prefix})`;
  const nowIso = now.toISOString();

  const [proc] = await rows<{
    total: number;
    published: number;
    median_age: number | null;
    fresh: number;
    aging: number;
    old: number;
  }>(
    exec,
    sql`SELECT count(*)::int AS total, count(p.published_version_id)::int AS published,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (${nowIso}::timestamptz - p.published_at)) / 86400)
                 FILTER (WHERE p.published_at IS NOT NULL) AS median_age,
               count(*) FILTER (WHERE p.published_at >= ${nowIso}::timestamptz - interval '90 days')::int AS fresh,
               count(*) FILTER (WHERE p.published_at < ${nowIso}::timestamptz - interval '90 days'
                                  AND p.published_at >= ${nowIso}::timestamptz - interval '365 days')::int AS aging,
               count(*) FILTER (WHERE p.published_at < ${nowIso}::timestamptz - interval '365 days')::int AS old
        FROM catalog.procedures p WHERE ${inScope}`,
  );
  const monthsList = Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1)).toISOString().slice(0, 7),
  );
  const series = <T extends { month: string }>(list: T[], empty: Omit<T, 'month'>): T[] =>
    monthsList.map((m) => list.find((x) => x.month === m) ?? ({ month: m, ...empty } as T));

  const views = await rows<{ month: string; count: number }>(
    exec,
    sql`SELECT to_char(d.day, 'YYYY-MM') AS month, sum(d.count)::int AS count
        FROM catalog.views_daily d JOIN catalog.procedures p ON p.id = d.procedure_id
        WHERE ${inScope} AND d.day >= ${sinceDay}::date GROUP BY 1`,
  );
  const ratings = await rows<{ month: string; count: number; average: number | null; useful: number; answers: number }>(
    exec,
    sql`SELECT to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(f.rating)::int AS count,
               round(avg(f.rating)::numeric, 2)::float8 AS average,
               count(*) FILTER (WHERE f.useful)::int AS useful, count(f.useful)::int AS answers
        FROM catalog.feedback f JOIN catalog.procedures p ON p.id = f.procedure_id
        WHERE ${inScope} AND f.created_at >= ${sinceDay}::date GROUP BY 1`,
  );
  const [rAll] = await rows<{ count: number; average: number | null; useful: number; answers: number }>(
    exec,
    sql`SELECT count(f.rating)::int AS count, round(avg(f.rating)::numeric, 2)::float8 AS average,
               count(*) FILTER (WHERE f.useful)::int AS useful, count(f.useful)::int AS answers
        FROM catalog.feedback f JOIN catalog.procedures p ON p.id = f.procedure_id WHERE ${inScope}`,
  );
  const reportScope = sql`r.org_id IN (SELECT id FROM core.organisations WHERE path LIKE ${prefix})`;
  const reportsByMonth = await rows<{ month: string; received: number; answered: number; median_hours: number | null }>(
    exec,
    sql`SELECT to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS received,
               count(r.answered_at)::int AS answered,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.answered_at - r.created_at)) / 3600)
                 FILTER (WHERE r.answered_at IS NOT NULL) AS median_hours
        FROM catalog.reports r WHERE ${reportScope} AND r.created_at >= ${sinceDay}::date GROUP BY 1`,
  );
  const [rep] = await rows<{ total: number; open: number; answered: number; median_hours: number | null }>(
    exec,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE r.status = 'open')::int AS open,
               count(r.answered_at)::int AS answered,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (r.answered_at - r.created_at)) / 3600)
                 FILTER (WHERE r.answered_at IS NOT NULL) AS median_hours
        FROM catalog.reports r WHERE ${reportScope}`,
  );
  const round1 = (x: number | null | undefined) => (x == null ? null : Math.round(Number(x) * 10) / 10);
  const pct = (useful: number, answers: number) => (answers ? Math.round((1000 * useful) / answers) / 10 : null);
  return {
    org: { code: org.code, nameFr: org.name_fr, nameAr: org.name_ar },
    months: monthsList,
    procedures: {
      total: proc?.total ?? 0,
      published: proc?.published ?? 0,
      medianAgeDays: round1(proc?.median_age),
      freshness: { under90Days: proc?.fresh ?? 0, from90To365Days: proc?.aging ?? 0, over365Days: proc?.old ?? 0 },
    },
    views: {
      total: views.reduce((s, v) => s + v.count, 0),
      series: series(views, { count: 0 }),
    },
    ratings: {
      count: rAll?.count ?? 0,
      average: rAll?.average ?? null,
      usefulPercent: pct(rAll?.useful ?? 0, rAll?.answers ?? 0),
      usefulAnswers: rAll?.answers ?? 0,
      series: series(
        ratings.map((r) => ({ month: r.month, count: r.count, average: r.average, usefulPercent: pct(r.useful, r.answers) })),
        { count: 0, average: null, usefulPercent: null },
      ),
    },
    reports: {
      total: rep?.total ?? 0,
      open: rep?.open ?? 0,
      answered: rep?.answered ?? 0,
      medianAnswerHours: round1(rep?.median_hours),
      series: series(
        reportsByMonth.map((r) => ({
          month: r.month,
          received: r.received,
          answered: r.answered,
          medianAnswerHours: round1(r.median_hours),
        })),
        { received: 0, answered: 0, medianAnswerHours: null },
      ),
    },
  };
}

// ---------- feedback ----------

/** Ratings and comments on the procedures of administrations in the caller's scope (catalog.stats.read), newest first. */
export async function listFeedback(
  exec: Executor,
  ctx: RequestContext,
  q: { slug?: string | undefined; withComment?: boolean | undefined; page: number; pageSize: number },
) {
  const where: SQL[] = [scopeCondition(ctx, CATALOG_STATS_READ, sql`p.owner_org_id`)];
  if (q.slug) where.push(sql`p.slug = ${q.slug}`);
  if (q.withComment) where.push(sql`f.comment IS NOT NULL`);
  const cond = sql.join(where, sql` AND `);
  const list = await rows<{
    id: string;
    slug: string;
    useful: boolean | null;
    rating: number | null;
    comment: string | null;
    lang: string | null;
    version_number: number | null;
    created_at: Date | string;
  }>(
    exec,
    sql`SELECT f.id, p.slug, f.useful, f.rating, f.comment, f.lang, v.number AS version_number, f.created_at
        FROM catalog.feedback f JOIN catalog.procedures p ON p.id = f.procedure_id
        LEFT JOIN catalog.versions v ON v.id = f.version_id
        WHERE ${cond} ORDER BY f.created_at DESC, f.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [count] = await rows<{ n: number }>(
    exec,
    sql`SELECT count(*)::int AS n FROM catalog.feedback f JOIN catalog.procedures p ON p.id = f.procedure_id WHERE ${cond}`,
  );
  return {
    items: list.map((f) => ({
      id: f.id,
      slug: f.slug,
      useful: f.useful,
      rating: f.rating,
      comment: f.comment,
      lang: f.lang,
      versionNumber: f.version_number,
      createdAt: new Date(f.created_at).toISOString(),
    })),
    total: count?.n ?? 0,
  };
}
