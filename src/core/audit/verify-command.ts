import type { Database } from '../db/client';
import { verifyAuditChain, type VerifyResult } from './audit';

/**
 * The body of `raqmana audit verify`: recomputes the chain, reports progress and the outcome,
 * and returns the process exit code (0 intact, 1 broken).
 */
export async function auditVerifyCommand(
  db: Database,
  out: { progress: (s: string) => void; info: (s: string) => void; error: (s: string) => void },
): Promise<{ exitCode: number; result: VerifyResult }> {
  const result = await verifyAuditChain(db, (n) => out.progress(`\rchecked ${n} entries`));
  out.progress('\n');
  if (result.ok) {
    out.info(
      `Audit chain intact: ${result.checked} entries${result.pending ? `; ${result.pending} pending (a transaction up to them is still running)` : ''}.`,
    );
    return { exitCode: 0, result };
  }
  out.error(
    `Audit chain BROKEN at entry #${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} entries before it are intact.`,
  );
  return { exitCode: 1, result };
}
