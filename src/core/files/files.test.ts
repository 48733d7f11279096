import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { login, testApp, type Session, type TestApp } from '../../test/harness';
import { registerFileOwner, safeFilename, contentDisposition } from './service';

let t: TestApp;
let temara: Session;
let skhirate: Session;
let governor: Session;
let dataDir: string;

const MAX = 64 * 1024;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = (extra = 0) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
    Buffer.alloc(extra, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]);

function multipart(content: Buffer, filename: string, type: string, field = 'file') {
  const boundary = '----raqmanaTestBoundary7MA4YWxk';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(s: Session, content: Buffer, filename: string, type: string, query = 'orgCode=COM-TEMARA') {
  const m = multipart(content, filename, type);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/files?${query}`,
    payload: m.payload,
    headers: { ...s.headers, ...m.headers },
  });
}

function storedFiles(): string[] {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

const fileRows = async () => Number((await rows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM core.files`))[0]!.n);

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'raqmana-files-'));
  t = await testApp({ dataDir, uploadMaxBytes: MAX });
  temara = await login(t.app, 'agent.temara@demo.raqmana.ma');
  skhirate = await login(t.app, 'agent.skhirate@demo.raqmana.ma');
  governor = await login(t.app, 'governor.skhirate@demo.raqmana.ma');
});
afterAll(() => t?.close());

describe('files', () => {
  it('uploads and downloads a PDF, keeping its SHA-256, with an audit entry', async () => {
    const content = pdf(10_000);
    const storedBefore = storedFiles().length;
    const res = await upload(temara, content, 'Attestation de résidence.pdf', 'application/pdf');
    expect(res.statusCode, res.body).toBe(201);
    const info = res.json();
    const sha = createHash('sha256').update(content).digest('hex');
    expect(info).toMatchObject({
      filename: 'Attestation de résidence.pdf',
      mimeType: 'application/pdf',
      sizeBytes: content.length,
      sha256: sha,
      orgCode: 'COM-TEMARA',
      ownerType: null,
    });

    const meta = await t.app.inject({ method: 'GET', url: `/api/v1/files/${info.id}`, headers: temara.headers });
    expect(meta.statusCode).toBe(200);
    expect(meta.json().sha256).toBe(sha);

    const dl = await t.app.inject({ method: 'GET', url: `/api/v1/files/${info.id}/content`, headers: temara.headers });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain('attachment;');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''Attestation%20de%20r%C3%A9sidence.pdf");
    expect(createHash('sha256').update(dl.rawPayload).digest('hex')).toBe(sha);

    const [a] = await rows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM core.audit_log WHERE entity_type = 'file' AND entity_id = ${info.id}`,
    );
    expect(a?.action).toBe('file.uploaded');
    const stored = storedFiles();
    expect(stored.length).toBe(storedBefore + 1);
    expect(stored.every((f) => /[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(f))).toBe(true);
  });

  it('accepts PNG by content and CSV by extension when the content is text', async () => {
    expect((await upload(temara, PNG, 'photo.png', 'image/png')).statusCode).toBe(201);
    const csv = await upload(temara, Buffer.from('code;nom\nCOM-TEMARA;Témara\n'), 'communes.csv', 'text/csv');
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json().mimeType).toBe('text/csv');
  });

  it('refuses an oversized upload with 413, writing no row and leaving no bytes', async () => {
    const rowsBefore = await fileRows();
    const filesBefore = storedFiles().length;
    const res = await upload(temara, pdf(MAX + 10), 'big.pdf', 'application/pdf');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().code).toBe('CORE_PAYLOAD_TOO_LARGE');
    expect(await fileRows()).toBe(rowsBefore);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it('refuses a renamed executable, HTML declared as PDF, and a mismatched declared type with 415', async () => {
    const rowsBefore = await fileRows();
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(0x3a),
      Buffer.from([0x80, 0, 0, 0]),
      Buffer.alloc(0x40),
      Buffer.from('PE\0\0'),
      Buffer.alloc(200),
    ]);
    for (const [content, name, type] of [
      [exe, 'facture.pdf', 'application/pdf'],
      [Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'), 'recu.pdf', 'application/pdf'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'liste.csv', 'text/csv'],
      [PNG, 'photo.pdf', 'application/pdf'],
      [pdf(), 'doc.pdf', 'image/png'],
    ] as const) {
      const res = await upload(temara, content, name, type);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json().code).toBe('CORE_FILE_TYPE_REFUSED');
    }
    expect(await fileRows()).toBe(rowsBefore);
  });

  it('refuses bad requests: no file field, unknown organisation, unknown owner type, anonymous', async () => {
    const m = multipart(pdf(), 'a.pdf', 'application/pdf', 'other');
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files?orgCode=COM-TEMARA',
      payload: m.payload,
      headers: { ...temara.headers, ...m.headers },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('CORE_FILE_MISSING');
    const unknownOrg = await upload(temara, pdf(), 'a.pdf', 'application/pdf', 'orgCode=COM-NOWHERE');
    expect(unknownOrg.statusCode).toBe(404);
    expect(unknownOrg.json().code).toBe('CORE_ORG_NOT_FOUND');
    const unknownOwner = await upload(
      temara,
      pdf(),
      'a.pdf',
      'application/pdf',
      'orgCode=COM-TEMARA&ownerType=nope&ownerId=0190c7a8-0000-7000-8000-000000000000',
    );
    expect(unknownOwner.statusCode).toBe(400);
    expect(unknownOwner.json().code).toBe('CORE_FILE_OWNER_UNKNOWN');
    const m2 = multipart(pdf(), 'a.pdf', 'application/pdf');
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files?orgCode=COM-TEMARA',
      payload: m2.payload,
      headers: m2.headers,
    });
    expect(anon.statusCode).toBe(401);
  });

  it('hides a file from another organisation’s agent (404) and shows it to the supervisor of its territory', async () => {
    const res = await upload(temara, pdf(), 'interne.pdf', 'application/pdf');
    const id = res.json().id as string;
    for (const url of [`/api/v1/files/${id}`, `/api/v1/files/${id}/content`]) {
      const denied = await t.app.inject({ method: 'GET', url, headers: skhirate.headers });
      expect(denied.statusCode).toBe(404);
      expect(denied.json().code).toBe('CORE_NOT_FOUND');
      expect((await t.app.inject({ method: 'GET', url, headers: governor.headers })).statusCode).toBe(200);
    }
  });

  it('authorises a file attached to a record like that record', async () => {
    const allowedRecord = '0190c7a8-0000-7000-8000-0000000000aa';
    registerFileOwner(
      'test.dossier',
      async (ctx, ownerId) => ownerId === allowedRecord && ctx.actor?.email === 'agent.temara@demo.raqmana.ma',
    );
    const refused = await upload(
      temara,
      pdf(),
      'a.pdf',
      'application/pdf',
      `orgCode=COM-TEMARA&ownerType=test.dossier&ownerId=0190c7a8-0000-7000-8000-0000000000bb`,
    );
    expect(refused.statusCode).toBe(404);
    const res = await upload(
      temara,
      pdf(),
      'piece.pdf',
      'application/pdf',
      `orgCode=COM-TEMARA&ownerType=test.dossier&ownerId=${allowedRecord}`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}/content`, headers: temara.headers })).statusCode).toBe(
      200,
    );
    // The governor may read Témara's own files, but this one follows its record's rule.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${id}`, headers: governor.headers })).statusCode).toBe(404);
  });

  it('makes file names safe', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\"évil"\r\n.pdf')).toBe('_évil___.pdf');
    expect(safeFilename('...')).toBe('file');
    expect(contentDisposition('تصريح.pdf')).toBe(
      'attachment; filename="_____.pdf"; filename*=UTF-8\'\'%D8%AA%D8%B5%D8%B1%D9%8A%D8%AD.pdf',
    );
  });
});
