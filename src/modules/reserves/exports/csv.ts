import { Readable } from 'node:stream';

/**
 * CSV as Excel and spreadsheets read it: UTF-8 with a byte-order mark (so Excel shows Arabic
 * rather than mojibake), comma-separated, CRLF line ends, RFC 4180 quoting. Text cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) get a leading apostrophe;
 * numbers are written as they are.
 */
export const BOM = '\uFEFF';
export type Cell = string | number | null | undefined;

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * A CSV stream from header rows and an async source of row batches: rows are written as the
 * batches arrive, so a large export never sits whole in memory.
 */
export function csvStream(headers: Cell[][], batches: AsyncIterable<Cell[][]>): Readable {
  async function* gen() {
    yield BOM + headers.map(csvLine).join('');
    for await (const batch of batches) if (batch.length) yield batch.map(csvLine).join('');
  }
  return Readable.from(gen());
}

/** `attachment; filename="…"; filename*=UTF-8''…` (ASCII fallback plus the exact name). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
