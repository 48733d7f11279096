import { bigint, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { core, tstz } from '../db/columns';
import { organisations } from '../orgs/schema';

/** One counter per (organisation, series, year). Taken inside the caller's transaction under the row lock. */
export const numberCounters = core.table(
  'number_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastValue: bigint('last_value', { mode: 'number' }).notNull().default(0),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.series, t.year] })],
);
