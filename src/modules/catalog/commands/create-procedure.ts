import { uuidv7 } from 'uuidv7';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import type { Database } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { findOrgIdByCode } from '../../../core/orgs/import';
import { CATALOG_EDIT, type VersionContent } from '../contract';
import { procedures, versions } from '../schema/catalog';
import { checkEffectiveDate, checkContent, writeItems } from './shared';
import { resolveLegalBasis } from './legal-texts';

export interface CreateProcedureInput {
  slug: string;
  ownerCode: string;
  content: VersionContent;
  effectiveDate?: string | undefined;
  changeNote?: string | undefined;
}

/** Creates a procedure owned by an administration, with its first version as a draft (catalog.edit on the owner). */
export async function createProcedure(db: Database, ctx: RequestContext, input: CreateProcedureInput) {
  return db.transaction(async (tx) => {
    checkEffectiveDate(input.effectiveDate);
    const owner = await findOrgIdByCode(tx, input.ownerCode);
    if (!owner) throw new AppError('CATALOG_OWNER_UNKNOWN', 400, { code: input.ownerCode });
    authorize(ctx, CATALOG_EDIT, owner.path);
    await checkContent(tx, input.content, input.slug);
    const content = await resolveLegalBasis(tx, ctx, input.content);
    const procedureId = uuidv7();
    const [p] = await tx
      .insert(procedures)
      .values({ id: procedureId, slug: input.slug, ownerOrgId: owner.id })
      .onConflictDoNothing({ target: procedures.slug })
      .returning({ id: procedures.id });
    if (!p) throw new AppError('CATALOG_SLUG_TAKEN', 409, { slug: input.slug });
    const versionId = uuidv7();
    await tx.insert(versions).values({
      id: versionId,
      procedureId,
      number: 1,
      state: 'draft',
      effectiveDate: input.effectiveDate ?? null,
      changeNote: input.changeNote ?? null,
      authorId: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
      content,
      stale: [],
    });
    await writeItems(tx, procedureId, versionId, content);
    await audit(tx, ctx, {
      action: 'catalog.procedure.created',
      entityType: 'catalog.procedure',
      entityId: procedureId,
      orgId: owner.id,
      after: { slug: input.slug, owner: input.ownerCode, version: 1, title: input.content.title.fr },
    });
    return { procedureId, versionId, number: 1 };
  });
}
