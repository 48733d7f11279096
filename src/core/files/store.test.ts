import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStore, S3FileStore, type FileStore } from './store';

/** A minimal S3-compatible endpoint (path-style PUT/GET/DELETE of objects), enough to exercise the S3 store. */
let server: Server;
const objects = new Map<string, Buffer>();
let endpoint: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const key = decodeURIComponent((req.url ?? '').split('?')[0]!);
    if (req.method === 'PUT') {
      objects.set(key, await buffer(req));
      res.writeHead(200, { etag: '"x"' }).end();
    } else if (req.method === 'GET') {
      const o = objects.get(key);
      if (!o) res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      else res.writeHead(200, { 'content-length': String(o.length), 'content-type': 'application/octet-stream' }).end(o);
    } else if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const stores: Record<string, () => FileStore> = {
  local: () => new LocalFileStore(mkdtempSync(path.join(tmpdir(), 'raqmana-store-'))),
  s3: () =>
    new S3FileStore({ endpoint, bucket: 'raqmana', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'testtesttest' }),
};

describe.each(Object.keys(stores))('%s file store', (kind) => {
  it('streams bytes in with size and SHA-256, reads them back, deletes them', async () => {
    const store = stores[kind]!();
    const content = Buffer.from('%PDF-1.4 ' + 'x'.repeat(100_000));
    const put = await store.put(Readable.from([content.subarray(0, 5000), content.subarray(5000)]), {
      contentType: 'application/pdf',
    });
    expect(put.key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(put.size).toBe(content.length);
    expect(put.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect((await buffer(await store.get(put.key))).equals(content)).toBe(true);
    await store.delete(put.key);
    await expect(store.get(put.key)).rejects.toThrow();
    if (store instanceof LocalFileStore) expect(existsSync(path.join(store.root, put.key))).toBe(false);
  });

  it('refuses more than maxBytes and keeps nothing', async () => {
    const store = stores[kind]!();
    const before = objects.size;
    await expect(store.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'CORE_PAYLOAD_TOO_LARGE',
      status: 413,
    });
    if (kind === 's3') expect(objects.size).toBe(before);
  });
});
