import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DispatchViewT } from '../crises/shapes';
import { waybillArabicFont, waybillPdf } from './waybill';

const waybill: DispatchViewT = {
  id: '0192f0c0-0000-7000-8000-000000000001',
  number: 'BL-2026-000001',
  platform: 'PF-07',
  request: null,
  crisis: null,
  destination: { code: 'MA-07-HAO-IGHIL', type: 'commune', nameFr: 'Ighil', nameAr: 'إغيل' },
  vehicle: '12345-A-7',
  driver: 'Brahim Aït Ouahmane',
  driverPhone: null,
  status: 'in_transit',
  dispatchedAt: '2026-11-23T08:00:00.000Z',
  expectedAt: '2026-11-23T14:00:00.000Z',
  deliveredAt: null,
  verifyUrl: 'https://raqmana.example/api/v1/reserves/waybills/BL-2026-000001/verify?sig=x',
  lines: [],
  delivery: null,
} as unknown as DispatchViewT;

/** fontkit (PDFKit's font engine, untyped): only what the test uses. */
interface Font {
  layout(text: string): { glyphs: { id: number }[] };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Buffer): Font };

describe('waybill PDF: Arabic names', () => {
  it('embeds Noto Sans Arabic, which has a glyph for every letter of Arabic commune names and shapes them', () => {
    const font = fontkit.create(waybillArabicFont());
    for (const name of ['إغيل', 'أمزميز', 'الحوز', 'تلات نيعقوب', 'ويركان']) {
      const run = font.layout(name);
      expect(run.glyphs.length).toBeGreaterThan(0);
      expect(run.glyphs.every((g) => g.id !== 0)).toBe(true); // no .notdef
    }
    // Shaping: a letter between two others takes its medial form, not its isolated one.
    const isolated = font.layout('ب').glyphs[0]!.id;
    const medial = font.layout('ببب').glyphs[1]!.id;
    expect(medial).not.toBe(isolated);
  });

  it('the PDF embeds the Arabic font (a subset) for the destination’s Arabic name', async () => {
    const pdf = (await waybillPdf(waybill)).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toContain('/ToUnicode');
  });
});
