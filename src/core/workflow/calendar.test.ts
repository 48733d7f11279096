import { describe, expect, it } from 'vitest';
import { computeDue, fixedHolidaysOf, isValidDay, localDay, startOfLocalDay, type HolidayInfo } from './calendar';

const hol2026 = fixedHolidaysOf(2026);
// Monday 2 November 2026, 10:00 in Casablanca (UTC+1).
const start = new Date('2026-11-02T09:00:00Z');

describe('Moroccan calendar arithmetic', () => {
  it('knows the local day and the Ramadan time change', () => {
    expect(localDay(new Date('2026-01-10T23:30:00Z'))).toBe('2026-01-11');
    expect(startOfLocalDay('2026-01-10').toISOString()).toBe('2026-01-09T23:00:00.000Z');
    // During Ramadan 2026 Morocco is on UTC+0.
    expect(startOfLocalDay('2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(isValidDay('2026-02-30')).toBe(false);
    expect(isValidDay('2026-02-28')).toBe(true);
  });

  it('lists the fixed holidays, with Yennayer from 2024 and Unity Day from 2025', () => {
    expect(fixedHolidaysOf(2023).map((h) => h.day)).not.toContain('2023-01-14');
    expect(fixedHolidaysOf(2024).map((h) => h.day)).toContain('2024-01-14');
    expect(fixedHolidaysOf(2024).map((h) => h.day)).not.toContain('2024-10-31');
    expect(hol2026).toHaveLength(11);
    expect(hol2026.find((h) => h.day === '2026-11-06')).toMatchObject({ nameFr: 'Marche Verte', nameAr: 'ذكرى المسيرة الخضراء' });
  });

  it('counts working days skipping weekends and a fixed holiday, and explains it', () => {
    const { dueAt, explanation } = computeDue({ start, unit: 'working_days', amount: 10, holidays: hol2026 });
    // 3,4,5 | 6 Green March | 7-8 weekend | 9..13 | 14-15 weekend | 16, 17
    expect(explanation.lastDay).toBe('2026-11-17');
    expect(dueAt.toISOString()).toBe('2026-11-17T23:00:00.000Z');
    expect(explanation.countedFrom).toBe('2026-11-03');
    expect(explanation.skipped).toEqual([
      expect.objectContaining({ day: '2026-11-06', reason: 'holiday', nameFr: 'Marche Verte', nameAr: 'ذكرى المسيرة الخضراء' }),
      { day: '2026-11-07', reason: 'weekend' },
      { day: '2026-11-08', reason: 'weekend' },
      { day: '2026-11-14', reason: 'weekend' },
      { day: '2026-11-15', reason: 'weekend' },
    ]);
    expect(explanation).toMatchObject({
      timeZone: 'Africa/Casablanca',
      unit: 'working_days',
      amount: 10,
      start: start.toISOString(),
    });
  });

  it('moves the due date when a religious holiday is added inside the window', () => {
    const withEid: HolidayInfo[] = [...hol2026, { day: '2026-11-10', kind: 'religious', nameFr: 'Test', nameAr: 'اختبار' }];
    const { explanation } = computeDue({ start, unit: 'working_days', amount: 10, holidays: withEid });
    // 17 → 18 would be next, but 18 November is Independence Day: the 10th day is the 19th.
    expect(explanation.lastDay).toBe('2026-11-19');
    expect(explanation.skipped.filter((s) => s.reason === 'holiday').map((s) => s.day)).toEqual([
      '2026-11-06',
      '2026-11-10',
      '2026-11-18',
    ]);
  });

  it('does not count paused days', () => {
    const { explanation } = computeDue({
      start,
      unit: 'working_days',
      amount: 10,
      holidays: hol2026,
      pauses: [{ from: '2026-11-04T09:00:00.000Z', to: '2026-11-05T15:00:00.000Z', reason: 'request_info' }],
    });
    expect(explanation.skipped.filter((s) => s.reason === 'paused').map((s) => s.day)).toEqual(['2026-11-04', '2026-11-05']);
    expect(explanation.lastDay).toBe('2026-11-20');
    expect(explanation.pauses).toHaveLength(1);
  });

  it('carries a calendar-day deadline ending on a holiday or weekend to the next working day', () => {
    const { explanation } = computeDue({ start, unit: 'calendar_days', amount: 4, holidays: hol2026 });
    expect(explanation.carriedFrom).toBe('2026-11-06');
    expect(explanation.lastDay).toBe('2026-11-09');
    const plain = computeDue({ start, unit: 'calendar_days', amount: 2, holidays: hol2026 });
    expect(plain.explanation.lastDay).toBe('2026-11-04');
    expect(plain.explanation.carriedFrom).toBeUndefined();
  });

  it('adds paused time back to an hour deadline, and counts an open pause until asOf', () => {
    const base = computeDue({ start, unit: 'hours', amount: 48, holidays: [] });
    expect(base.dueAt.toISOString()).toBe('2026-11-04T09:00:00.000Z');
    const paused = computeDue({
      start,
      unit: 'hours',
      amount: 48,
      holidays: [],
      pauses: [{ from: '2026-11-03T09:00:00.000Z', to: '2026-11-03T11:00:00.000Z' }],
    });
    expect(paused.dueAt.toISOString()).toBe('2026-11-04T11:00:00.000Z');
    expect(paused.explanation.pausedMs).toBe(2 * 3_600_000);
    const open = computeDue({
      start,
      unit: 'hours',
      amount: 48,
      holidays: [],
      pauses: [{ from: '2026-11-03T09:00:00.000Z', to: null }],
      asOf: new Date('2026-11-03T12:00:00.000Z'),
    });
    expect(open.dueAt.toISOString()).toBe('2026-11-04T12:00:00.000Z');
    expect(open.explanation.provisionalUntil).toBe('2026-11-03T12:00:00.000Z');
  });

  it('refuses absurd amounts', () => {
    expect(() => computeDue({ start, unit: 'working_days', amount: 0, holidays: [] })).toThrow(RangeError);
    expect(() => computeDue({ start, unit: 'working_days', amount: 1.5, holidays: [] })).toThrow(RangeError);
  });
});
