import { eq, sql } from 'drizzle-orm';
import { can, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { rows, type Database, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { findOrgIdByCode } from '../../../core/orgs/import';
import { notify } from '../../../core/notify/notifications';
import { CATALOG_FEEDBACK_ANSWER, type CatalogLang } from '../contract';
import { items, viewsDaily } from '../schema/catalog';
import { feedback, reports } from '../schema/feedback';

/** The published procedure with this slug (404 when there is none). */
async function publishedProcedure(exec: Executor, slug: string) {
  const [p] = await rows<{ id: string; owner_org_id: string; published_version_id: string }>(
    exec,
    sql`SELECT id, owner_org_id, published_version_id FROM catalog.procedures
        WHERE slug = ${slug} AND published_version_id IS NOT NULL`,
  );
  if (!p) throw new AppError('CATALOG_PROCEDURE_NOT_FOUND', 404, { slug });
  return p;
}

/** One more view of a procedure today (UTC): one upsert on a per-day counter. */
export async function recordView(
  exec: Executor,
  procedureId: string,
  day = new Date().toISOString().slice(0, 10),
): Promise<void> {
  await exec
    .insert(viewsDaily)
    .values({ procedureId, day, count: 1 })
    .onConflictDoUpdate({ target: [viewsDaily.procedureId, viewsDaily.day], set: { count: sql`${viewsDaily.count} + 1` } });
}

export interface FeedbackInput {
  useful?: boolean | undefined;
  rating?: number | undefined;
  comment?: string | undefined;
  lang?: CatalogLang | undefined;
}

/** "Was this useful?", a rating and a comment, signed in or not. */
export async function giveFeedback(db: Database, ctx: RequestContext, slug: string, input: FeedbackInput) {
  return db.transaction(async (tx) => {
    const p = await publishedProcedure(tx, slug);
    const [row] = await tx
      .insert(feedback)
      .values({
        procedureId: p.id,
        versionId: p.published_version_id,
        userId: ctx.actor && ctx.actor.kind !== 'system' ? ctx.actor.id : null,
        useful: input.useful ?? null,
        rating: input.rating ?? null,
        comment: input.comment ?? null,
        lang: input.lang ?? ctx.lang,
      })
      .returning({ id: feedback.id, createdAt: feedback.createdAt });
    await audit(tx, ctx, {
      action: 'catalog.feedback.given',
      entityType: 'catalog.feedback',
      entityId: row!.id,
      orgId: p.owner_org_id,
      after: { slug, useful: input.useful ?? null, rating: input.rating ?? null, hasComment: !!input.comment },
    });
    return { id: row!.id, createdAt: row!.createdAt.toISOString() };
  });
}

export interface ReportInput {
  orgCode?: string | undefined;
  orgText?: string | undefined;
  document: string;
  occurredOn: string;
  itemId?: string | undefined;
  comment?: string | undefined;
}

/**
 * A citizen's report (law 55.19) that an administration asked for a document the procedure does
 * not list. Handled by the administration named by code, else by the procedure's owner.
 */
export async function reportDocument(db: Database, ctx: RequestContext, slug: string, input: ReportInput) {
  const actor = ctx.actor;
  if (!actor || (actor.kind !== 'citizen' && actor.kind !== 'company')) throw new AppError('CATALOG_CITIZENS_ONLY', 403);
  const today = new Date().toISOString().slice(0, 10);
  if (input.occurredOn > today || input.occurredOn < '2000-01-01')
    throw new AppError('CATALOG_REPORT_DATE_INVALID', 400, { date: input.occurredOn });
  return db.transaction(async (tx) => {
    const p = await publishedProcedure(tx, slug);
    let orgId = p.owner_org_id;
    if (input.orgCode) {
      const org = await findOrgIdByCode(tx, input.orgCode);
      if (!org) throw new AppError('CATALOG_REPORT_ORG_UNKNOWN', 400, { code: input.orgCode });
      orgId = org.id;
    }
    if (input.itemId) {
      const [it] = await tx.select({ procedureId: items.procedureId }).from(items).where(eq(items.id, input.itemId));
      if (!it || it.procedureId !== p.id) throw new AppError('CATALOG_ITEM_NOT_FOUND', 400, { id: input.itemId });
    }
    const [r] = await tx
      .insert(reports)
      .values({
        procedureId: p.id,
        versionId: p.published_version_id,
        itemId: input.itemId ?? null,
        reporterId: actor.id,
        orgId,
        orgText: input.orgText ?? null,
        document: input.document,
        occurredOn: input.occurredOn,
        comment: input.comment ?? null,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'catalog.report.created',
      entityType: 'catalog.report',
      entityId: r!.id,
      orgId,
      after: { slug, document: input.document, occurredOn: input.occurredOn, orgCode: input.orgCode ?? null },
    });
    return r!;
  });
}

/** The administration answers a report (catalog.feedback.answer on it); the reporter is notified. */
export async function answerReport(
  db: Database,
  ctx: RequestContext,
  id: string,
  input: { answer: string; status: 'answered' | 'rejected' },
) {
  return db.transaction(async (tx) => {
    const [r] = await rows<{
      id: string;
      org_id: string;
      org_path: string;
      status: string;
      reporter_id: string;
      slug: string;
      document: string;
    }>(
      tx,
      sql`SELECT r.id, r.org_id, o.path AS org_path, r.status, r.reporter_id, p.slug, r.document
          FROM catalog.reports r JOIN core.organisations o ON o.id = r.org_id JOIN catalog.procedures p ON p.id = r.procedure_id
          WHERE r.id = ${id} FOR UPDATE OF r`,
    );
    // Outside the caller's scope the report does not exist for them.
    if (!r || !can(ctx, CATALOG_FEEDBACK_ANSWER, r.org_path)) throw new AppError('CATALOG_REPORT_NOT_FOUND', 404, { id });
    if (r.status !== 'open') throw new AppError('CATALOG_REPORT_ALREADY_ANSWERED', 409, { id, status: r.status });
    const at = new Date();
    const [after] = await tx
      .update(reports)
      .set({
        status: input.status,
        answer: input.answer,
        answeredAt: at,
        answeredBy: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
      })
      .where(eq(reports.id, id))
      .returning();
    await notify(tx, {
      userId: r.reporter_id,
      kind: 'catalog.report.answered',
      titleKey: 'catalog.notifications.reportAnswered',
      params: { slug: r.slug, document: r.document, status: input.status },
      link: `/me/reports#report-${r.id}`,
    });
    await audit(tx, ctx, {
      action: 'catalog.report.answered',
      entityType: 'catalog.report',
      entityId: id,
      orgId: r.org_id,
      before: { status: r.status },
      after: { status: input.status },
    });
    return after!;
  });
}
