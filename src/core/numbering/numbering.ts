import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/client';
import { badRequest } from '../errors';
import { localYear } from '../workflow/calendar';

/**
 * Gap-free numbers per (organisation, series, year), such as `BO-2026-000123`.
 *
 * The counter row is incremented by one upsert in the caller's transaction: the row lock it takes
 * is held until that transaction ends, so concurrent takers queue behind it (no duplicates), and
 * a transaction that rolls back releases its number with it (no gaps). Take the number late in
 * the command, just before the audit entry, to keep the lock short.
 */

export interface NumberParts {
  series: string;
  year: number;
  value: number;
}

export interface NextNumberInput {
  orgId: string;
  series: string;
  /** Defaults to the current year in Morocco. */
  year?: number;
  /**
   * A template with `{series}`, `{year}`, `{seq}` or `{seq:N}` (zero-padded to N digits), or a
   * function. Default: `{series}-{year}-{seq:6}`.
   */
  format?: string | ((p: NumberParts) => string);
}

export interface TakenNumber extends NumberParts {
  number: string;
}

const SERIES = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
export const DEFAULT_FORMAT = '{series}-{year}-{seq:6}';

export function formatNumber(format: string, p: NumberParts): string {
  return format.replace(/\{(series|year|seq)(?::(\d{1,2}))?\}/g, (_, name: string, width?: string) => {
    const v = name === 'series' ? p.series : name === 'year' ? String(p.year) : String(p.value);
    return width ? v.padStart(Number(width), '0') : v;
  });
}

export async function nextNumber(tx: Executor, input: NextNumberInput): Promise<TakenNumber> {
  const year = input.year ?? localYear(new Date());
  if (!SERIES.test(input.series)) throw badRequest('CORE_NUMBERING_SERIES_INVALID', { series: input.series });
  if (!Number.isInteger(year) || year < 0 || year > 9999)
    throw badRequest('CORE_NUMBERING_SERIES_INVALID', { series: input.series });
  const [r] = await rows<{ last_value: string | number }>(
    tx,
    sql`INSERT INTO core.number_counters (org_id, series, year, last_value, updated_at)
        VALUES (${input.orgId}, ${input.series}, ${year}, 1, now())
        ON CONFLICT (org_id, series, year)
        DO UPDATE SET last_value = core.number_counters.last_value + 1, updated_at = now()
        RETURNING last_value`,
  );
  const parts: NumberParts = { series: input.series, year, value: Number(r!.last_value) };
  const format = input.format ?? DEFAULT_FORMAT;
  return { ...parts, number: typeof format === 'function' ? format(parts) : formatNumber(format, parts) };
}
