import type { Database } from '../../../core/db/client';
import type { VerifyReportT } from '../contract';
import { verifyLedger } from './verify';

/**
 * The body of `raqmana reserves verify`: proves that every balance equals the sum of its ledger
 * entries, that none is negative and that transits agree; returns the exit code (0 holds, 1 not).
 */
export async function reservesVerifyCommand(
  db: Database,
  out: { info: (s: string) => void; error: (s: string) => void },
): Promise<{ exitCode: number; report: VerifyReportT }> {
  const t0 = performance.now();
  const report = await verifyLedger(db);
  const ms = Math.round(performance.now() - t0);
  if (report.ok) {
    out.info(
      `Stock ledger holds: ${report.balances} balances equal the sums of ${report.entries} entries; no negative stock; transits agree (${ms} ms).`,
    );
    return { exitCode: 0, report };
  }
  for (const m of report.mismatches)
    out.error(
      `MISMATCH ${m.warehouse} ${m.product}${m.lot ? ` lot ${m.lot}` : ''} bin ${m.bin}: balance ${m.balance}, ledger ${m.ledger}`,
    );
  if (report.negative) out.error(`${report.negative} negative balance(s).`);
  if (report.transitMismatches) out.error(`${report.transitMismatches} transit row(s) disagree with their transfers.`);
  out.error('Stock ledger does NOT hold.');
  return { exitCode: 1, report };
}
