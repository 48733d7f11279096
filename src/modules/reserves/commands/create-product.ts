import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { authorize, type RequestContext } from '../../../core/access/context';
import { audit } from '../../../core/audit/audit';
import { rows, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { ERR, gtinValid, PERM, type ProductInputT } from '../contract';

/**
 * Adds a product (and, for a kit, its components) to the national catalogue: national
 * permission (`reserves.reference.manage` anywhere above the platforms, i.e. held on the country).
 */
export async function createProduct(tx: Executor, ctx: RequestContext, input: ProductInputT): Promise<string> {
  const [root] = await rows<{ path: string }>(tx, sql`SELECT path FROM core.organisations WHERE code = 'MA'`);
  authorize(ctx, PERM.referenceManage, root?.path ?? null);
  if (input.gtin && !gtinValid(input.gtin))
    throw new AppError(ERR.gtinInvalid, 400, { gtin: input.gtin }, { errors: [{ path: 'gtin', code: ERR.gtinInvalid }] });
  const components = input.components ?? [];
  let compIds: { id: string; code: string }[] = [];
  if (components.length) {
    compIds = await rows<{ id: string; code: string }>(
      tx,
      sql`SELECT id, code FROM reserves.products WHERE active AND NOT is_kit AND code IN (${sql.join(
        components.map((c) => sql`${c.product}`),
        sql`, `,
      )})`,
    );
    const missing = components.filter((c) => !compIds.some((p) => p.code === c.product));
    if (missing.length)
      throw new AppError(
        ERR.unknownProduct,
        404,
        { code: missing[0]!.product },
        {
          errors: missing.map((m) => ({ path: 'components', code: ERR.unknownProduct, message: m.product })),
        },
      );
  }
  const id = uuidv7();
  const inserted = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO reserves.products (id, code, category, name_fr, name_ar, name_en, unit, pack_size, gtin, lot_tracked, expiry_tracked,
                                       serial_tracked, is_kit, household_ration)
        VALUES (${id}, ${input.code}, ${input.category}, ${input.nameFr}, ${input.nameAr}, ${input.nameEn}, ${input.unit}, ${input.packSize},
                ${input.gtin ?? null}, ${input.lotTracked}, ${input.expiryTracked}, ${input.serialTracked}, ${components.length > 0},
                ${input.householdRation ?? null})
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  if (!inserted.length) {
    const [byCode] = await rows<{ id: string }>(tx, sql`SELECT id FROM reserves.products WHERE code = ${input.code}`);
    if (byCode) throw new AppError(ERR.productCodeTaken, 409, { code: input.code });
    throw new AppError(ERR.gtinTaken, 409, { gtin: input.gtin });
  }
  if (components.length)
    await tx.execute(
      sql`INSERT INTO reserves.kit_components (kit_id, component_id, quantity) VALUES ${sql.join(
        components.map((c) => sql`(${id}::uuid, ${compIds.find((p) => p.code === c.product)!.id}::uuid, ${c.quantity})`),
        sql`, `,
      )}`,
    );
  if (!input.lotTracked && !input.serialTracked)
    await tx.execute(sql`INSERT INTO reserves.lots (id, product_id, kind, code) VALUES (${uuidv7()}, ${id}, 'none', '')`);
  await audit(tx, ctx, {
    action: 'reserves.product.create',
    entityType: 'reserves.product',
    entityId: id,
    after: { ...input, components },
  });
  return id;
}
