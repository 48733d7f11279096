import { bigint, index, text, uuid } from 'drizzle-orm/pg-core';
import { core, createdAt, id, tstz } from '../db/columns';
import { organisations } from '../orgs/schema';

/** Stored files. The bytes live in the file store (data folder or S3); the row keeps their SHA-256. */
export const files = core.table(
  'files',
  {
    id: id(),
    orgId: uuid('org_id').references(() => organisations.id),
    /** The record the file belongs to: a download is authorised like that record. */
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    deletedAt: tstz('deleted_at'),
  },
  (t) => [index('files_owner_idx').on(t.ownerType, t.ownerId)],
);
