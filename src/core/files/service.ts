import { Readable } from 'node:stream';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { can, type RequestContext } from '../access/context';
import { audit } from '../audit/audit';
import type { Config } from '../config';
import { rows, type Database, type Executor } from '../db/client';
import { AppError, notFound } from '../errors';
import { files } from './schema';
import { fileStore } from './store';

/**
 * Whether `ctx` may see the record `ownerId` of `ownerType` (a permit, an application…): a
 * file attached to a record is authorised like that record. Modules register their checks.
 */
export type FileOwnerCheck = (ctx: RequestContext, ownerId: string, tx: Executor) => Promise<boolean>;

const owners = new Map<string, FileOwnerCheck>();

export function registerFileOwner(ownerType: string, check: FileOwnerCheck): void {
  owners.set(ownerType, check);
}

export function fileOwnerRegistered(ownerType: string): boolean {
  return owners.has(ownerType);
}

/** The types accepted, by content. CSV has no signature: accepted by extension when the content is text. */
export const ALLOWED_TYPES: Record<string, { ext: string[]; declared: string[] }> = {
  'application/pdf': { ext: ['pdf'], declared: ['application/pdf'] },
  'image/png': { ext: ['png'], declared: ['image/png'] },
  'image/jpeg': { ext: ['jpg', 'jpeg'], declared: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  'image/webp': { ext: ['webp'], declared: ['image/webp'] },
  'text/csv': { ext: ['csv'], declared: ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'] },
};

/** Bytes read before deciding the type. */
export const SNIFF_BYTES = 4100;

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return true;
  // Printable UTF-8: no NUL and no control characters other than tab, CR, LF (a cut at the end of `head` is tolerated).
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return bad <= 1;
}

const HTML_START = /^\s*(<!doctype\s+html|<html|<script|<svg|<\?xml)/i;

/**
 * The file's real type from its first bytes, checked against the allowed list, the declared
 * type and the extension; refused with 415 CORE_FILE_TYPE_REFUSED otherwise.
 */
export async function checkType(head: Buffer, filename: string, declared: string): Promise<string> {
  const ext = (filename.split('.').pop() ?? '').toLowerCase();
  const decl = declared.split(';')[0]!.trim().toLowerCase();
  const detected = await fileTypeFromBuffer(head);
  let mime: string | undefined;
  if (detected) mime = detected.mime;
  else if (ext === 'csv' && looksLikeText(head) && !HTML_START.test(head.toString('utf8'))) mime = 'text/csv';
  const allowed = mime ? ALLOWED_TYPES[mime] : undefined;
  if (!mime || !allowed || !allowed.declared.includes(decl) || !allowed.ext.includes(ext)) {
    throw new AppError('CORE_FILE_TYPE_REFUSED', 415, { detected: mime ?? 'unknown', declared: decl || 'none' });
  }
  return mime;
}

/** A name safe to store and to send back in Content-Disposition: no folders, no control characters. */
// Control characters and the characters Windows refuses in file names.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f"<>:|?*]/g;

export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE_CHARS, '_').replace(/^\.+/, '').trim().slice(-200);
  return cleaned || 'file';
}

export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export interface UploadInput {
  stream: AsyncIterable<Buffer>;
  filename: string;
  declaredType: string;
  orgCode: string;
  ownerType?: string | undefined;
  ownerId?: string | undefined;
  /** Whether the transport cut the stream at its own limit. */
  truncated?: () => boolean;
}

export interface FileInfo {
  id: string;
  orgId: string | null;
  orgCode: string | null;
  ownerType: string | null;
  ownerId: string | null;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
  createdAt: string;
}

async function orgByCode(db: Executor, code: string): Promise<{ id: string; path: string }> {
  const [org] = await rows<{ id: string; path: string }>(
    db,
    sql`SELECT id, path FROM core.organisations WHERE code = ${code} AND active`,
  );
  if (!org) throw new AppError('CORE_ORG_NOT_FOUND', 404, { code });
  return org;
}

/** Drains what is left of an upload, so the request ends cleanly after a refusal. */
async function drain(it: AsyncIterator<Buffer>): Promise<void> {
  for (;;) {
    const r = await it.next().catch(() => ({ done: true as const, value: undefined }));
    if (r.done) return;
  }
}

/**
 * Stores an upload: checks the owner and the type from the first bytes, streams the bytes to the
 * store (size limit, SHA-256), then writes the row and the audit entry in one transaction. On any
 * failure the stored bytes are removed.
 */
export async function uploadFile(db: Database, config: Config, ctx: RequestContext, input: UploadInput): Promise<FileInfo> {
  const it = input.stream[Symbol.asyncIterator]();
  try {
    const org = await orgByCode(db, input.orgCode);
    if (input.ownerType || input.ownerId) {
      if (!input.ownerType || !input.ownerId) throw new AppError('CORE_FILE_OWNER_INCOMPLETE', 400);
      const check = owners.get(input.ownerType);
      if (!check) throw new AppError('CORE_FILE_OWNER_UNKNOWN', 400, { ownerType: input.ownerType });
      if (!(await check(ctx, input.ownerId, db))) throw notFound(input.ownerType, input.ownerId);
    }
    const headChunks: Buffer[] = [];
    let headLen = 0;
    let ended = false;
    while (headLen < SNIFF_BYTES) {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      headChunks.push(r.value);
      headLen += r.value.length;
    }
    const head = Buffer.concat(headChunks);
    const filename = safeFilename(input.filename);
    const mimeType = await checkType(head, filename, input.declaredType);

    const body = Readable.from(
      (async function* () {
        yield head;
        if (ended) return;
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          yield r.value;
        }
      })(),
    );
    const store = fileStore(config);
    const stored = await store.put(body, { maxBytes: config.uploadMaxBytes, contentType: mimeType });
    if (input.truncated?.()) {
      await store.delete(stored.key);
      throw new AppError('CORE_PAYLOAD_TOO_LARGE', 413, { maxBytes: config.uploadMaxBytes });
    }
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(files)
          .values({
            orgId: org.id,
            ownerType: input.ownerType ?? null,
            ownerId: input.ownerId ?? null,
            filename,
            mimeType,
            sizeBytes: stored.size,
            sha256: stored.sha256,
            storageKey: stored.key,
            createdBy: ctx.actor?.kind === 'system' ? null : (ctx.actor?.id ?? null),
          })
          .returning();
        await audit(tx, ctx, {
          action: 'file.uploaded',
          entityType: 'file',
          entityId: row!.id,
          orgId: org.id,
          after: {
            filename,
            mimeType,
            sizeBytes: stored.size,
            sha256: stored.sha256,
            ownerType: row!.ownerType,
            ownerId: row!.ownerId,
          },
        });
        return present(row!, input.orgCode);
      });
    } catch (e) {
      await store.delete(stored.key).catch(() => undefined);
      throw e;
    }
  } catch (e) {
    await drain(it);
    throw e;
  }
}

function present(f: typeof files.$inferSelect, orgCode: string | null): FileInfo {
  return {
    id: f.id,
    orgId: f.orgId,
    orgCode,
    ownerType: f.ownerType,
    ownerId: f.ownerId,
    filename: f.filename,
    mimeType: f.mimeType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    createdBy: f.createdBy,
    createdAt: f.createdAt.toISOString(),
  };
}

/**
 * The file if `ctx` may read it, else 404 (its existence is not revealed): like its owner record
 * when it has one; otherwise to its uploader and to people holding core.audit.read on its organisation.
 */
export async function readableFile(db: Database, ctx: RequestContext, id: string): Promise<FileInfo & { storageKey: string }> {
  const [found] = await db
    .select({ f: files, orgCode: sql<string | null>`o.code`, orgPath: sql<string | null>`o.path` })
    .from(files)
    .leftJoin(sql`core.organisations o`, sql`o.id = ${files.orgId}`)
    .where(and(eq(files.id, id), isNull(files.deletedAt)));
  if (!found) throw notFound('file', id);
  const f = found.f;
  let allowed: boolean;
  if (f.ownerType) {
    const check = owners.get(f.ownerType);
    allowed = !!check && !!f.ownerId && (await check(ctx, f.ownerId, db));
  } else {
    allowed =
      ctx.actor?.kind === 'system' ||
      (!!ctx.actor && f.createdBy === ctx.actor.id) ||
      (!!found.orgPath && can(ctx, 'core.audit.read', found.orgPath));
  }
  if (!allowed) throw notFound('file', id);
  return { ...present(f, found.orgCode), storageKey: f.storageKey };
}
