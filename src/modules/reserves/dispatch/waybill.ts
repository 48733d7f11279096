import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { sql, type SQL } from 'drizzle-orm';
import { can, scopeCondition, type RequestContext } from '../../../core/access/context';
import { safeEqual } from '../../../core/identity/tokens';
import { rows, type Executor } from '../../../core/db/client';
import { AppError } from '../../../core/errors';
import { PERM } from '../contract';
import type { DispatchViewT } from '../crises/shapes';
import { OPS_ERR } from '../ops-errors';

/** The signature of a waybill number (HMAC-SHA256 with the instance's secret key, base64url, 32 characters). */
export function waybillSignature(secretKey: Buffer, number: string): string {
  return createHmac('sha256', secretKey).update(`reserves.waybill:${number}`).digest('base64url').slice(0, 32);
}

export function checkWaybillSignature(secretKey: Buffer, number: string, sig: string): boolean {
  return safeEqual(sig, waybillSignature(secretKey, number));
}

export function verifyUrl(publicUrl: string, secretKey: Buffer, number: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/v1/reserves/waybills/${encodeURIComponent(number)}/verify?sig=${waybillSignature(secretKey, number)}`;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

interface DispatchRow {
  id: string;
  number: string;
  platform: string;
  request: string | null;
  crisis: string | null;
  d_code: string;
  d_type: string;
  d_fr: string;
  d_ar: string;
  vehicle: string;
  driver: string;
  driver_phone: string | null;
  status: DispatchViewT['status'];
  dispatched_at: Date | string;
  expected_at: Date | string;
  delivered_at: Date | string | null;
  lines: DispatchViewT['lines'] | string | null;
  delivery: { id: string; receivedBy: string; receivedAt: string } | string | null;
  total?: string | number;
}

const SELECT = sql`d.id, d.number, pf.code AS platform, r.number AS request, c.number AS crisis,
  dest.code AS d_code, dest.type AS d_type, dest.name_fr AS d_fr, dest.name_ar AS d_ar,
  d.vehicle, d.driver, d.driver_phone, d.status, d.dispatched_at, d.expected_at, d.delivered_at,
  (SELECT json_agg(json_build_object('line', l.line_no, 'warehouse', w.code, 'product', p.code,
                                     'lot', CASE WHEN lt.kind = 'none' THEN NULL ELSE lt.code END, 'expiresOn', lt.expires_on,
                                     'quantity', l.quantity, 'requestLine', rl.line_no, 'received', v.received) ORDER BY l.line_no)
   FROM reserves.dispatch_lines l JOIN reserves.warehouses w ON w.id = l.warehouse_id JOIN reserves.products p ON p.id = l.product_id
   JOIN reserves.lots lt ON lt.id = l.lot_id LEFT JOIN reserves.request_lines rl ON rl.id = l.request_line_id
   LEFT JOIN reserves.delivery_lines v ON v.dispatch_line_id = l.id
   WHERE l.dispatch_id = d.id) AS lines,
  (SELECT json_build_object('id', v.id, 'receivedBy', v.received_by, 'receivedAt', v.received_at)
   FROM reserves.deliveries v WHERE v.dispatch_id = d.id) AS delivery`;
const FROM = sql`reserves.dispatches d JOIN reserves.platforms pf ON pf.id = d.platform_id JOIN core.organisations dest ON dest.id = d.destination_id
  LEFT JOIN reserves.need_requests r ON r.id = d.request_id LEFT JOIN reserves.crises c ON c.id = d.crisis_id`;

const parse = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

function toView(r: DispatchRow, publicUrl: string, key: Buffer): DispatchViewT {
  const delivery = parse(r.delivery);
  return {
    id: r.id,
    number: r.number,
    platform: r.platform,
    request: r.request,
    crisis: r.crisis,
    destination: { code: r.d_code, type: r.d_type, nameFr: r.d_fr, nameAr: r.d_ar },
    vehicle: r.vehicle,
    driver: r.driver,
    driverPhone: r.driver_phone,
    status: r.status,
    dispatchedAt: iso(r.dispatched_at)!,
    expectedAt: iso(r.expected_at)!,
    deliveredAt: iso(r.delivered_at),
    verifyUrl: verifyUrl(publicUrl, key, r.number),
    lines: (parse(r.lines) ?? []).map((l) => ({ ...l, expiresOn: l.expiresOn ? String(l.expiresOn).slice(0, 10) : null })),
    delivery: delivery ? { ...delivery, receivedAt: iso(delivery.receivedAt)! } : null,
  };
}

/** Waybills the person may see: dispatched from their platform, or going to their territory. */
export function dispatchScope(ctx: RequestContext): SQL {
  return sql`(${scopeCondition(ctx, PERM.dispatch, sql`d.org_id`)} OR ${scopeCondition(ctx, PERM.stockRead, sql`d.org_id`)}
              OR ${scopeCondition(ctx, PERM.requestsFile, sql`d.destination_id`)}
              OR d.destination_id IN (SELECT o.id FROM core.organisations o JOIN core.organisations p ON p.id = o.parent_id
                                      WHERE ${scopeCondition(ctx, PERM.requestsFile, sql`p.id`)}))`;
}

export async function listDispatches(
  exec: Executor,
  ctx: RequestContext,
  cfg: { publicUrl: string; secretKey: Buffer },
  q: { status?: string | undefined; request?: string | undefined; page: number; pageSize: number },
): Promise<{ items: DispatchViewT[]; total: number }> {
  const where: SQL[] = [dispatchScope(ctx)];
  if (q.status) where.push(sql`d.status = ${q.status}`);
  if (q.request) where.push(sql`r.number = ${q.request}`);
  const found = await rows<DispatchRow>(
    exec,
    sql`SELECT ${SELECT}, count(*) OVER () AS total FROM ${FROM} WHERE ${sql.join(where, sql` AND `)}
        ORDER BY d.dispatched_at DESC, d.number DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  return { items: found.map((r) => toView(r, cfg.publicUrl, cfg.secretKey)), total: found.length ? Number(found[0]!.total) : 0 };
}

/** One waybill; 404 outside the person's scope. */
export async function getDispatch(
  exec: Executor,
  ctx: RequestContext | null,
  cfg: { publicUrl: string; secretKey: Buffer },
  number: string,
): Promise<DispatchViewT> {
  const [r] = await rows<DispatchRow>(
    exec,
    sql`SELECT ${SELECT} FROM ${FROM} WHERE d.number = ${number}${ctx ? sql` AND ${dispatchScope(ctx)}` : sql``}`,
  );
  if (!r) throw new AppError(OPS_ERR.dispatchNotFound, 404, { number });
  return toView(r, cfg.publicUrl, cfg.secretKey);
}

/** Whether the person may act on the waybill's dispatch side. */
export const mayDispatch = (ctx: RequestContext, platformPath: string) => can(ctx, PERM.dispatch, platformPath);

/**
 * Noto Sans Arabic (SIL Open Font License 1.1, from `@fontsource/noto-sans-arabic`, which the web
 * app already self-hosts), Arabic subset, WOFF: PDFKit embeds a subset of it and fontkit shapes
 * the text (joining forms, ligatures, right to left). The standard PDF fonts have no Arabic glyph.
 */
let arabicFont: Buffer | undefined;
export function waybillArabicFont(): Buffer {
  if (!arabicFont) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-arabic'));
    arabicFont = readFileSync(path.join(dir, 'files', 'noto-sans-arabic-arabic-400-normal.woff'));
  }
  return arabicFont;
}

/** The waybill as a PDF (A4), with a QR code of its public verification URL; Arabic names in Noto Sans Arabic. */
export async function waybillPdf(w: DispatchViewT): Promise<Buffer> {
  const qr = await QRCode.toBuffer(w.verifyUrl, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Lettre de voiture ${w.number}`, Author: 'Raqmana' } });
  doc.registerFont('arabic', waybillArabicFont());
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fmt = (s: string | null) => (s ? new Date(s).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');
  doc.fontSize(18).text('Lettre de voiture / Waybill', { continued: false });
  doc.fontSize(14).text(w.number);
  doc.image(qr, 400, 40, { width: 140 });
  doc.moveDown();
  doc.fontSize(10);
  const row = (label: string, value: string) => doc.text(`${label}: ${value}`);
  row('Plateforme / Platform', w.platform);
  row('Destination', `${w.destination.nameFr} (${w.destination.code})`);
  if (w.destination.nameAr) {
    // Right-aligned, in the Arabic font (shaped right to left by fontkit), then back to Helvetica.
    doc.font('arabic').fontSize(12).text(w.destination.nameAr, { align: 'right' });
    doc.font('Helvetica').fontSize(10);
  }
  if (w.crisis) row('Crise / Crisis', w.crisis);
  if (w.request) row('Demande / Request', w.request);
  row('Véhicule / Vehicle', w.vehicle);
  row('Chauffeur / Driver', `${w.driver}${w.driverPhone ? ` — ${w.driverPhone}` : ''}`);
  row('Départ / Departure', fmt(w.dispatchedAt));
  row('Arrivée prévue / Expected', fmt(w.expectedAt));
  doc.moveDown();
  doc.fontSize(11).text('Lignes / Lines');
  doc.fontSize(9);
  for (const l of w.lines)
    doc.text(
      `${l.line}. ${l.product}  ×${l.quantity}   entrepôt ${l.warehouse}${l.lot ? `   lot ${l.lot}` : ''}${l.expiresOn ? `   exp. ${l.expiresOn}` : ''}`,
    );
  doc.moveDown(2);
  doc.fontSize(9).text('Vérifier / Verify:', { continued: false });
  doc.fillColor('#1a4d8f').text(w.verifyUrl, { link: w.verifyUrl, underline: true });
  doc.fillColor('black').moveDown(2);
  doc.text('Reçu par / Received by: ____________________    Date: ____________    Signature: ____________');
  doc.end();
  return done;
}
