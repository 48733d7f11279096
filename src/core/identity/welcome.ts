import type { Config } from '../config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed';

/** What `npm start` prints once the server listens: the address and, in demo mode, the demo accounts. */
export function printWelcome(address: string, config: Config, db: string, ms: number): void {
  const lines = [
    ``,
    `  Raqmana is running on ${address}  (database: ${db}, ready in ${ms} ms)`,
    `  API documentation: ${address}/api/docs`,
    ``,
  ];
  if (config.demo) {
    lines.push(`  Demo accounts (password ${DEMO_PASSWORD}; demo data, never in production):`);
    const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
    for (const a of DEMO_ACCOUNTS) {
      const what = a.role ? `${a.role.code} on ${a.role.org}${a.role.includeDescendants ? ' and below' : ''}` : a.kind;
      lines.push(`    ${a.email.padEnd(width)}  ${what}${a.totp ? '  (TOTP)' : ''}`);
    }
    lines.push(`  Accounts marked (TOTP) use the demo authenticator secret ${DEMO_TOTP_SECRET}.`, ``);
  }
  console.log(lines.join('\n'));
}
