import { sql } from 'drizzle-orm';
import { boolean, index, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { core, createdAt, id, updatedAt } from '../db/columns';

/**
 * Organisations: the territorial hierarchy (country → regions → prefectures/provinces →
 * prefectures of districts → communes) and the bodies beside it (ministries, public
 * establishments, the Treasury). `path` is the chain of ancestor ids, `/id1/id2/…/self/`,
 * so "everything below X" is one indexed prefix match.
 */
export const organisations = core.table(
  'organisations',
  {
    id: id(),
    code: text('code').notNull(),
    type: text('type').notNull(),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en'),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    path: text('path').notNull(),
    /** Folded French + Arabic names for accent- and spelling-insensitive search. */
    searchText: text('search_text').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_code_uq').on(t.code),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_type_idx').on(t.type),
    index('organisations_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('organisations_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Internal units of an organisation (services, divisions, bureaux) that modules route work to. */
export const orgUnits = core.table(
  'org_units',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    parentUnitId: uuid('parent_unit_id').references((): AnyPgColumn => orgUnits.id),
    code: text('code').notNull(),
    kind: text('kind').notNull().default('service'),
    nameFr: text('name_fr').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('org_units_org_code_uq').on(t.orgId, t.code)],
);
