#!/usr/bin/env node
// Fails when the drizzle schemas and migrations/ disagree: drizzle-kit must have nothing to generate.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const scratch = mkdtempSync(path.join(tmpdir(), 'raqmana-migrations-'));
cpSync('migrations', scratch, { recursive: true });
const before = readdirSync(scratch).length + 1; // + the config file
// Same settings as drizzle.config.ts, writing into the scratch copy.
const config = path.join(scratch, 'drizzle.check.config.mjs');
writeFileSync(
  config,
  `export default { dialect: 'postgresql', schema: ['./src/core/db/schema.ts', './src/modules/*/schema.ts', './src/modules/*/schema/*.ts'], out: ${JSON.stringify(scratch)}, casing: 'snake_case' };`,
);
const res = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], { encoding: 'utf8' });
const after = readdirSync(scratch).length;
rmSync(scratch, { recursive: true, force: true });
if (res.status !== 0) {
  console.error(res.stdout, res.stderr);
  console.error('drizzle-kit generate failed');
  process.exit(1);
}
if (after !== before) {
  console.error('The drizzle schemas and migrations/ disagree: run `npm run db:generate` and commit the new migration.');
  console.error(res.stdout);
  process.exit(1);
}
console.log('Schemas and migrations agree.');
