import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './csv';

export interface SheetSpec {
  name: string;
  columns: { header: string; width?: number; numeric?: boolean }[];
  rows: AsyncIterable<Cell[][]> | Cell[][];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/**
 * An .xlsx workbook written as a stream (exceljs' streaming writer: each row is committed and
 * flushed as it comes, inline strings, no shared-string table held in memory). Text is stored as
 * UTF-8 XML, so Arabic stays intact; `rightToLeft` sets the sheets' direction for Arabic readers.
 * Errors while writing destroy the stream (the response is cut rather than half-valid).
 */
export function xlsxStream(sheets: SheetSpec[], opts: { rightToLeft?: boolean; creator?: string } = {}): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  wb.creator = opts.creator ?? 'Raqmana';
  wb.created = new Date();
  void (async () => {
    for (const spec of sheets) {
      const ws = wb.addWorksheet(sheetName(spec.name), {
        views: [{ state: 'frozen', ySplit: 1, rightToLeft: !!opts.rightToLeft }],
      });
      ws.columns = spec.columns.map((c, i) => ({ key: `c${i}`, header: c.header, width: c.width ?? 16 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      const add = (cells: Cell[]) => ws.addRow(cells.map((v) => (v === undefined ? null : v))).commit();
      if (Array.isArray(spec.rows)) for (const r of spec.rows) add(r);
      else for await (const batch of spec.rows) for (const r of batch) add(r);
      ws.commit();
    }
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
