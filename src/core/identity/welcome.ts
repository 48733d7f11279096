import type { Config } from '../config';

/** What `npm start` prints once the server listens: the address and, in demo mode, the demo accounts. */
export function printWelcome(address: string, config: Config, db: string, ms: number): void {
  const lines = [``, `  Raqmana is running on ${address}  (database: ${db}, ready in ${ms} ms)`, `  API documentation: ${address}/api/docs`, ``];
  if (config.demo) lines.push(`  Demo accounts (password demo-Raqmana-2026): see README.md`, ``);
  console.log(lines.join('\n'));
}
