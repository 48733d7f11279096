import { parse } from 'csv-parse/sync';
import { AppError } from '../../../core/errors';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportKind } from './contract';
import { EX_ERR } from './errors';

/**
 * Reading an uploaded CSV: encoding (UTF-8, with or without BOM; UTF-16 with a BOM), delimiter
 * (comma or semicolon, as spreadsheets in French write them), header columns. Parsing is done by
 * csv-parse (MIT), which handles quotes, embedded delimiters and line breaks.
 */

export interface CsvRow {
  /** Line of the file where the record ends (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** Decodes the bytes of a CSV; 400 `RESERVES_IMPORT_ENCODING` when they are not valid text. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError(EX_ERR.importTooLarge, 413, { max: IMPORT_MAX_BYTES });
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    // TextDecoder drops a UTF-8 BOM by itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('NUL');
    return text;
  } catch {
    throw new AppError(EX_ERR.importEncoding, 400);
  }
}

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Parses the text; checks the header; 400 with a stable code for a file that cannot be read at all. */
export function parseCsv(text: string, kind: ImportKind): { columns: string[]; rows: CsvRow[] } {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? null;
    throw new AppError(EX_ERR.importMalformed, 400, { line }, { errors: [{ path: 'file', code: EX_ERR.importMalformed }] });
  }
  if (!records.length) throw new AppError(EX_ERR.importEmpty, 400);
  const columns = records[0]!.record.map(norm);
  const spec = IMPORT_COLUMNS[kind];
  const missing = spec.required.filter((c) => !columns.includes(c));
  if (missing.length)
    throw new AppError(
      EX_ERR.importMissingColumn,
      400,
      { column: missing.join(', ') },
      { errors: missing.map((m) => ({ path: m, code: EX_ERR.importMissingColumn })) },
    );
  const rows: CsvRow[] = records.slice(1).map((r) => {
    const values: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c) values[c] = r.record[i] ?? '';
    });
    return { line: r.info.lines, values };
  });
  if (!rows.length) throw new AppError(EX_ERR.importEmpty, 400);
  if (rows.length > IMPORT_MAX_ROWS) throw new AppError(EX_ERR.importTooLarge, 413, { max: IMPORT_MAX_ROWS });
  return { columns, rows };
}
