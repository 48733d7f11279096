import { writeFileSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../core/db/client';
import { prepareDatabase } from '../core/boot';
import { createLogger } from '../core/logger';
import { modules } from '../server';
import { TEST_DB, testConfig } from './config';

/**
 * Migrates and seeds one template database, once per run; each test file then starts from a
 * copy of it (a PGlite data dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL).
 */
export default async function setup(project: TestProject) {
  const config = testConfig();
  const log = createLogger('silent');
  if (TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
    const template = `raqmana_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const tplUrl = new URL(url);
    tplUrl.pathname = `/${template}`;
    const handle = await openDatabase({ databaseUrl: tplUrl.toString(), poolSize: 4 });
    await prepareDatabase(handle, config, modules, log);
    await handle.close();
    project.provide('pgTemplate', template);
    return async () => {
      // Drop only this run's databases: another suite may be running on the same server.
      const prefix = `raqmana_t_${process.pid}_`;
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE starts_with(datname, $1) OR datname = $2`, [
        prefix,
        template,
      ]);
      const dbs = await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
      for (const r of dbs.rows as { datname: string }[]) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}"`);
      await admin.query(`DROP DATABASE IF EXISTS ${template}`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await prepareDatabase(handle, config, modules, log);
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  mkdirSync('/tmp/raqmana-test', { recursive: true });
  const file = `/tmp/raqmana-test/template-${process.pid}.tar`;
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}
