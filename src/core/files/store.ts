import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config';
import { AppError } from '../errors';

export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

export interface PutOptions {
  /** Refuse (413 CORE_PAYLOAD_TOO_LARGE) and keep nothing once more bytes than this have arrived. */
  maxBytes?: number;
  contentType?: string;
}

/** Where file bytes live: the data folder, or an S3-compatible bucket. Rows in core.files point here by key. */
export interface FileStore {
  /** Streams the bytes in, computing their size and SHA-256 on the way; nothing is left behind on failure. */
  put(stream: Readable, opts?: PutOptions): Promise<StoredObject>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

/** Counts and hashes the bytes passing through; fails as soon as `maxBytes` is exceeded. */
class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return cb(new AppError('CORE_PAYLOAD_TOO_LARGE', 413, { maxBytes: this.maxBytes }));
    this.hash.update(chunk);
    cb(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** A random key spread over two levels of folders: `aa/bb/<uuid>`. */
export function newKey(): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** Files under `${dataDir}/files/aa/bb/<uuid>`. */
export class LocalFileStore implements FileStore {
  readonly root: string;
  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid file key ${key}`);
    return path.join(this.root, key);
  }

  async put(stream: Readable, opts: PutOptions = {}): Promise<StoredObject> {
    const key = newKey();
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const meter = new Meter(opts.maxBytes ?? Number.MAX_SAFE_INTEGER);
    try {
      await pipeline(stream, meter, createWriteStream(file, { flags: 'wx', mode: 0o640 }));
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
    return { key, size: meter.size, sha256: meter.digest() };
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    await stat(file);
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

type S3Settings = NonNullable<Config['s3']>;

/** An S3-compatible bucket (AWS, MinIO, Ceph, Scaleway…), streamed with multipart uploads. */
export class S3FileStore implements FileStore {
  private clientPromise: Promise<S3Client> | undefined;
  constructor(private readonly s3: S3Settings) {}

  private client() {
    this.clientPromise ??= import('@aws-sdk/client-s3').then(
      ({ S3Client }) =>
        new S3Client({
          endpoint: this.s3.endpoint,
          region: this.s3.region,
          forcePathStyle: true,
          credentials: { accessKeyId: this.s3.accessKeyId, secretAccessKey: this.s3.secretAccessKey },
        }),
    );
    return this.clientPromise;
  }

  async put(stream: Readable, opts: PutOptions = {}): Promise<StoredObject> {
    const key = newKey();
    const meter = new Meter(opts.maxBytes ?? Number.MAX_SAFE_INTEGER);
    const body = new PassThrough();
    const { Upload } = await import('@aws-sdk/lib-storage');
    const upload = new Upload({
      client: await this.client(),
      params: { Bucket: this.s3.bucket, Key: key, Body: body, ContentType: opts.contentType ?? 'application/octet-stream' },
    });
    const piping = pipeline(stream, meter, body);
    try {
      await Promise.all([piping, upload.done()]);
    } catch (e) {
      await upload.abort().catch(() => undefined);
      await this.delete(key).catch(() => undefined);
      throw e;
    }
    return { key, size: meter.size, sha256: meter.digest() };
  }

  async get(key: string): Promise<Readable> {
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const res = await (await this.client()).send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }));
    return res.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await (await this.client()).send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key }));
  }
}

const stores = new Map<string, FileStore>();

/** The store for this configuration: S3 when `S3_*` is set, the data folder otherwise. */
export function fileStore(config: Config): FileStore {
  const id = config.s3 ? `s3:${config.s3.endpoint}/${config.s3.bucket}` : `local:${config.dataDir}`;
  let s = stores.get(id);
  if (!s) {
    s = config.s3 ? new S3FileStore(config.s3) : new LocalFileStore(config.dataDir);
    stores.set(id, s);
  }
  return s;
}
