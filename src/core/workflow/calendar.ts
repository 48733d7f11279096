/**
 * The Moroccan calendar and due-date arithmetic, as pure functions (no database).
 *
 * Days are local days in Africa/Casablanca (the legal time, which changes during Ramadan), kept
 * as ISO strings `YYYY-MM-DD`; instants are `Date`s (UTC). A deadline of N days started at an
 * instant counts from the next local day and falls due at the end of its last counted day
 * (midnight, local time). Working days are Monday to Friday minus public holidays. A calendar-day
 * deadline whose last day is not a working day is carried to the next working day. Days on which
 * the deadline was paused are not counted; for hours, paused time is added back.
 */

export const MOROCCO_TZ = 'Africa/Casablanca';
export const DEADLINE_UNITS = ['calendar_days', 'working_days', 'hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface HolidayInfo {
  day: string;
  kind: string;
  nameFr: string;
  nameAr: string;
  nameEn?: string | null;
}

export interface Pause {
  from: string;
  to: string | null;
  reason?: string;
}

export interface SkippedDay {
  day: string;
  reason: 'weekend' | 'holiday' | 'paused';
  kind?: string;
  nameFr?: string;
  nameAr?: string;
  nameEn?: string | null;
}

export interface Recomputation {
  at: string;
  reason: 'calendar_change' | 'resume';
  calendarVersion: number;
  day?: string;
  change?: 'added' | 'removed';
  previousDueAt: string;
}

/** How a due date was computed: stored with the deadline and shown to the people concerned. */
export interface DeadlineExplanation {
  timeZone: string;
  start: string;
  startLocalDay: string;
  unit: DeadlineUnit;
  amount: number;
  /** Day-based units: the first day counted (the day after the start). */
  countedFrom?: string;
  /** Days not counted, with the reason (and the holiday's name). */
  skipped: SkippedDay[];
  pauses: Pause[];
  /** Hours: the paused time added back, in milliseconds. */
  pausedMs?: number;
  /** Calendar days: the last day fell on a non-working day and was carried to the next working day. */
  carriedFrom?: string;
  /** Day-based units: the last day of the period (the deadline ends at the end of that day). */
  lastDay?: string;
  dueAt: string;
  dueLocalDay: string;
  /** An open pause is counted as lasting until this instant. */
  provisionalUntil?: string;
  calendarVersion: number;
  computedAt: string;
  recomputations?: Recomputation[];
}

const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: MOROCCO_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const partsFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: MOROCCO_TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `day` is a real calendar date written `YYYY-MM-DD`. */
export function isValidDay(day: string): boolean {
  const m = ISO_DAY.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/** The last minute formatted by `localDay` (asked at every stock movement for "today"). */
let lastDay = { minute: NaN, day: '' };

/** The local (Africa/Casablanca) day of an instant. */
export function localDay(instant: Date): string {
  // Local time is UTC plus whole hours: an instant's day is the same through its whole minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: dayFmt.format(instant) };
  return lastDay.day;
}

/** The local year of an instant. */
export function localYear(instant: Date): number {
  return Number(localDay(instant).slice(0, 4));
}

/** Offset of local time from UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date): number {
  const p = Object.fromEntries(partsFmt.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which local `day` begins (00:00 in Africa/Casablanca). */
export function startOfLocalDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let t = guess - offsetAt(new Date(guess));
  // A second pass settles days on which the offset changes.
  t = guess - offsetAt(new Date(t));
  return new Date(t);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Saturday and Sunday are the weekly rest days of the Moroccan public service. */
export const isWeekend = (day: string) => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

export interface ComputeInput {
  start: Date;
  unit: DeadlineUnit;
  amount: number;
  holidays: HolidayInfo[] | Map<string, HolidayInfo>;
  pauses?: Pause[];
  calendarVersion?: number;
  /** Instant until which an open pause is counted (defaults to now). */
  asOf?: Date;
}

export interface ComputeResult {
  dueAt: Date;
  explanation: DeadlineExplanation;
}

const MAX_DAYS = 20 * 366;

function pausedDays(pauses: Pause[], asOf: Date): Set<string> {
  const out = new Set<string>();
  for (const p of pauses) {
    const from = localDay(new Date(p.from));
    const to = localDay(p.to ? new Date(p.to) : asOf);
    for (let d = from, i = 0; d <= to && i < MAX_DAYS; d = addDays(d, 1), i++) out.add(d);
  }
  return out;
}

/** Computes the due date of a deadline and the explanation of how it was reached. */
export function computeDue(input: ComputeInput): ComputeResult {
  const { start, unit, amount } = input;
  if (!Number.isInteger(amount) || amount < 1 || amount > 10_000) throw new RangeError(`invalid deadline amount ${amount}`);
  const pauses = [...(input.pauses ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  const asOf = input.asOf ?? new Date();
  const holidays = input.holidays instanceof Map ? input.holidays : new Map(input.holidays.map((h) => [h.day, h]));
  const hasOpenPause = pauses.some((p) => p.to === null);
  const base = {
    timeZone: MOROCCO_TZ,
    start: start.toISOString(),
    startLocalDay: localDay(start),
    unit,
    amount,
    pauses,
    calendarVersion: input.calendarVersion ?? 0,
    computedAt: new Date().toISOString(),
    ...(hasOpenPause ? { provisionalUntil: asOf.toISOString() } : {}),
  };

  if (unit === 'hours') {
    let due = start.getTime() + amount * 3_600_000;
    let pausedMs = 0;
    for (const p of pauses) {
      const from = Math.max(new Date(p.from).getTime(), start.getTime());
      const to = p.to ? new Date(p.to).getTime() : asOf.getTime();
      if (from >= due || to <= from) continue;
      due += to - from;
      pausedMs += to - from;
    }
    const dueAt = new Date(due);
    return { dueAt, explanation: { ...base, skipped: [], pausedMs, dueAt: dueAt.toISOString(), dueLocalDay: localDay(dueAt) } };
  }

  const paused = pausedDays(pauses, asOf);
  const skipped: SkippedDay[] = [];
  const holidayEntry = (day: string, h: HolidayInfo): SkippedDay => ({
    day,
    reason: 'holiday',
    kind: h.kind,
    nameFr: h.nameFr,
    nameAr: h.nameAr,
    nameEn: h.nameEn ?? null,
  });
  const countedFrom = addDays(base.startLocalDay, 1);
  let day = base.startLocalDay;
  let counted = 0;
  for (let i = 0; counted < amount; i++) {
    if (i > MAX_DAYS) throw new RangeError('deadline too long');
    day = addDays(day, 1);
    if (paused.has(day)) {
      skipped.push({ day, reason: 'paused' });
      continue;
    }
    if (unit === 'working_days') {
      const h = holidays.get(day);
      if (isWeekend(day)) {
        skipped.push({ day, reason: 'weekend' });
        continue;
      }
      if (h) {
        skipped.push(holidayEntry(day, h));
        continue;
      }
    }
    counted++;
  }
  let carriedFrom: string | undefined;
  if (unit === 'calendar_days') {
    // The period ends on a working day: a last day that is a weekend or holiday is carried forward.
    for (let i = 0; isWeekend(day) || holidays.has(day) || paused.has(day); i++) {
      if (i > MAX_DAYS) throw new RangeError('deadline too long');
      carriedFrom ??= day;
      const h = holidays.get(day);
      skipped.push(paused.has(day) ? { day, reason: 'paused' } : h ? holidayEntry(day, h) : { day, reason: 'weekend' });
      day = addDays(day, 1);
    }
  }
  const dueAt = startOfLocalDay(addDays(day, 1));
  return {
    dueAt,
    explanation: {
      ...base,
      countedFrom,
      skipped,
      ...(carriedFrom ? { carriedFrom } : {}),
      lastDay: day,
      dueAt: dueAt.toISOString(),
      dueLocalDay: day,
    },
  };
}

/** The fixed national holidays of Morocco (Gregorian calendar), with the first year each applies. */
export const FIXED_HOLIDAYS: { monthDay: string; since?: number; nameFr: string; nameAr: string; nameEn: string }[] = [
  { monthDay: '01-01', nameFr: 'Nouvel An', nameAr: 'رأس السنة الميلادية', nameEn: "New Year's Day" },
  {
    monthDay: '01-11',
    nameFr: "Manifeste de l'Indépendance",
    nameAr: 'ذكرى تقديم وثيقة الاستقلال',
    nameEn: 'Proclamation of Independence Manifesto',
  },
  {
    monthDay: '01-14',
    since: 2024,
    nameFr: 'Nouvel An amazigh (Yennayer)',
    nameAr: 'رأس السنة الأمازيغية',
    nameEn: 'Amazigh New Year (Yennayer)',
  },
  { monthDay: '05-01', nameFr: 'Fête du Travail', nameAr: 'عيد الشغل', nameEn: 'Labour Day' },
  { monthDay: '07-30', nameFr: 'Fête du Trône', nameAr: 'عيد العرش', nameEn: 'Throne Day' },
  { monthDay: '08-14', nameFr: 'Allégeance Oued Ed-Dahab', nameAr: 'ذكرى استرجاع إقليم وادي الذهب', nameEn: 'Oued Ed-Dahab Day' },
  {
    monthDay: '08-20',
    nameFr: 'Révolution du Roi et du Peuple',
    nameAr: 'ذكرى ثورة الملك والشعب',
    nameEn: 'Revolution of the King and the People',
  },
  { monthDay: '08-21', nameFr: 'Fête de la Jeunesse', nameAr: 'عيد الشباب', nameEn: 'Youth Day' },
  { monthDay: '10-31', since: 2025, nameFr: "Fête de l'Unité (Aïd Al Wahda)", nameAr: 'عيد الوحدة', nameEn: 'Unity Day' },
  { monthDay: '11-06', nameFr: 'Marche Verte', nameAr: 'ذكرى المسيرة الخضراء', nameEn: 'Green March' },
  { monthDay: '11-18', nameFr: "Fête de l'Indépendance", nameAr: 'عيد الاستقلال', nameEn: 'Independence Day' },
];

/** The fixed holidays of one year. */
export function fixedHolidaysOf(year: number): HolidayInfo[] {
  return FIXED_HOLIDAYS.filter((h) => !h.since || year >= h.since).map((h) => ({
    day: `${year}-${h.monthDay}`,
    kind: 'fixed',
    nameFr: h.nameFr,
    nameAr: h.nameAr,
    nameEn: h.nameEn,
  }));
}
