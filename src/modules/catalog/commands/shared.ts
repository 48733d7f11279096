import { and, eq, inArray, sql } from 'drizzle-orm';
import { rows, type Executor } from '../../../core/db/client';
import { AppError, badRequest } from '../../../core/errors';
import { organisations } from '../../../core/orgs/schema';
import type { SearchDocument } from '../search/indexer';
import { sectionsOf } from '../search/sections';
import type { VersionContent, VersionState } from '../contract';
import { items, procedures, versions } from '../schema/catalog';
import { contentProblems, itemsOf } from '../versioning';

export interface ProcedureRow {
  id: string;
  slug: string;
  owner_org_id: string;
  owner_path: string;
  owner_code: string;
  published_version_id: string | null;
}

/** The procedure with this slug and its owner's path, locked for update when `lock`. */
export async function loadProcedure(exec: Executor, slug: string, lock = false): Promise<ProcedureRow> {
  const [p] = await rows<ProcedureRow>(
    exec,
    sql`SELECT p.id, p.slug, p.owner_org_id, o.path AS owner_path, o.code AS owner_code, p.published_version_id
        FROM catalog.procedures p JOIN core.organisations o ON o.id = p.owner_org_id
        WHERE p.slug = ${slug}${lock ? sql` FOR UPDATE OF p` : sql``}`,
  );
  if (!p) throw new AppError('CATALOG_PROCEDURE_NOT_FOUND', 404, { slug });
  return p;
}

export type VersionRow = typeof versions.$inferSelect;

export async function loadVersion(exec: Executor, procedureId: string, number: number, lock = false): Promise<VersionRow> {
  const q = exec
    .select()
    .from(versions)
    .where(and(eq(versions.procedureId, procedureId), eq(versions.number, number)));
  const [v] = lock ? await q.for('update') : await q;
  if (!v) throw new AppError('CATALOG_VERSION_NOT_FOUND', 404, { number });
  return v;
}

/**
 * Refuses a content whose keys repeat, whose legal references point nowhere, whose fees do not fit
 * their kind, whose competent organisations are unknown, whose forms' files are not files of this
 * procedure, or whose related procedures do not exist (400 with every problem).
 */
export async function checkContent(
  exec: Executor,
  content: VersionContent,
  selfSlug: string,
  procedureId: string | null = null,
): Promise<void> {
  const problems = contentProblems(content);
  const codes = [...new Set(content.competence.flatMap((c) => ('orgCodes' in c ? c.orgCodes : [])))];
  if (codes.length) {
    const found = new Set(
      (
        await exec
          .select({ code: organisations.code })
          .from(organisations)
          .where(and(inArray(organisations.code, codes), eq(organisations.active, true)))
      ).map((o) => o.code),
    );
    content.competence.forEach((c, i) => {
      if ('orgCodes' in c)
        c.orgCodes.forEach((code, j) => {
          if (!found.has(code))
            problems.push({ code: 'CATALOG_COMPETENCE_ORG_UNKNOWN', path: `competence[${i}].orgCodes[${j}]`, params: { code } });
        });
    });
  }
  const fileIds = [...new Set(content.forms.flatMap((f) => (f.fileId ? [f.fileId] : [])))];
  if (fileIds.length) {
    const ok = new Set(
      procedureId
        ? (
            await rows<{ id: string }>(
              exec,
              sql`SELECT f.id FROM core.files f JOIN catalog.versions v ON v.id = f.owner_id
                  WHERE f.owner_type = ${FORM_OWNER} AND f.deleted_at IS NULL AND v.procedure_id = ${procedureId}
                    AND f.id IN (${sql.join(
                      fileIds.map((id) => sql`${id}`),
                      sql`, `,
                    )})`,
            )
          ).map((r) => r.id)
        : [],
    );
    content.forms.forEach((f, i) => {
      if (f.fileId && !ok.has(f.fileId))
        problems.push({ code: 'CATALOG_FORM_FILE_UNKNOWN', path: `forms[${i}].fileId`, params: { fileId: f.fileId } });
    });
  }
  const others = content.related.filter((s) => s !== selfSlug);
  if (others.length) {
    const found = await exec
      .select({ slug: procedures.slug })
      .from(procedures)
      .where(inArray(procedures.slug, [...new Set(others)]));
    const known = new Set(found.map((f) => f.slug));
    content.related.forEach((s, i) => {
      if (s === selfSlug || !known.has(s))
        problems.push({ code: 'CATALOG_RELATED_UNKNOWN', path: `related[${i}]`, params: { slug: s } });
    });
  } else if (content.related.includes(selfSlug))
    problems.push({ code: 'CATALOG_RELATED_UNKNOWN', path: 'related', params: { slug: selfSlug } });
  if (problems.length) {
    const first = problems[0]!;
    throw badRequest(
      first.code,
      first.params,
      problems.map((p) => ({ path: `content.${p.path}`, code: p.code })),
    );
  }
}

/** Replaces the items of a version by those of its content. */
export async function writeItems(exec: Executor, procedureId: string, versionId: string, content: VersionContent): Promise<void> {
  await exec.delete(items).where(eq(items.versionId, versionId));
  const list = itemsOf(content);
  if (list.length) await exec.insert(items).values(list.map((i) => ({ ...i, procedureId, versionId })));
}

/** Owner type of the files of downloadable forms: a version of a procedure (core file store). */
export const FORM_OWNER = 'catalog.version';

export const isOpen = (s: string) => s === 'draft' || s === 'submitted' || s === 'changes_requested';
export const asState = (s: string) => s as VersionState;

const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join('\n');

/** What the search index receives for a published version. */
export async function searchDocumentOf(
  exec: Executor,
  p: { id: string; slug: string; ownerOrgId: string; ownerPath: string },
  v: { id: string; content: VersionContent; publishedAt: Date },
): Promise<SearchDocument> {
  const c = v.content;
  const codes = c.competence.flatMap((x) => ('orgCodes' in x ? x.orgCodes : []));
  const orgs = await exec
    .select({ id: organisations.id, code: organisations.code, nameFr: organisations.nameFr, nameAr: organisations.nameAr })
    .from(organisations)
    .where(sql`${organisations.id} = ${p.ownerOrgId}${codes.length ? sql` OR ${inArray(organisations.code, codes)}` : sql``}`);
  const body = (lang: 'fr' | 'ar' | 'en') =>
    join([
      ...c.documents.flatMap((d) => [d.name[lang], d.description?.[lang], d.issuer?.[lang]]),
      ...c.steps.flatMap((s) => [s.title[lang], s.detail?.[lang]]),
      ...c.conditions.map((x) => x[lang]),
      ...c.fees.flatMap((f) => [f.label[lang], f.basis?.[lang], f.payment?.[lang]]),
      ...c.forms.map((f) => f.name[lang]),
      ...c.channels.map((ch) => ch.where[lang]),
      ...c.competence.map((x) => x.service[lang]),
    ]);
  const en = body('en');
  return {
    procedureId: p.id,
    versionId: v.id,
    slug: p.slug,
    ownerOrgId: p.ownerOrgId,
    ownerOrgPath: p.ownerPath,
    audiences: c.audiences,
    categories: c.categories,
    lifeEvents: c.lifeEvents,
    title: c.title,
    summary: c.summary,
    keywords: { fr: c.keywords.fr, ar: c.keywords.ar, darija: c.keywords.darija },
    body: { fr: body('fr'), ar: body('ar'), ...(en ? { en } : {}) },
    orgNames: orgs.flatMap((o) => [o.nameFr, o.nameAr]),
    sections: sectionsOf(c),
    publishedAt: v.publishedAt,
  };
}

/** Effective dates are real dates of the legal era (1956–2100). */
export function checkEffectiveDate(d: string | undefined | null): void {
  if (d && (d < '1956-01-01' || d > '2100-12-31')) throw badRequest('CATALOG_EFFECTIVE_DATE_INVALID', { date: d });
}
