#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { openFromConfig, prepareDatabase } from './core/boot';
import { auditVerifyCommand } from './core/audit/verify-command';
import { createServer, modules } from './server';

const program = new Command();
program.name('raqmana').description('Raqmana — digital public services platform').version('0.1.0');

function config() {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

program
  .command('start')
  .description('migrate, load reference (and demo) data, and serve the API and the web app')
  .action(async () => {
    const t0 = performance.now();
    const cfg = config();
    const log = createLogger(cfg.logLevel, !cfg.production && process.stdout.isTTY);
    if (!cfg.production) {
      const { ensureWebBuild } = await import('./core/http/web-build');
      await ensureWebBuild(log);
    }
    const handle = await openFromConfig(cfg);
    await prepareDatabase(handle, cfg, modules, log);
    const app = await createServer({ config: cfg, handle, logger: log, web: true });
    const { startWorkers } = await import('./core/notify/worker');
    const workers = cfg.workers ? await startWorkers({ db: handle.db, config: cfg, log }) : undefined;
    await app.listen({ port: cfg.port, host: cfg.host });
    const address = `http://localhost:${cfg.port}`;
    const { printWelcome } = await import('./core/identity/welcome');
    printWelcome(address, cfg, handle.kind, Math.round(performance.now() - t0));
    const stop = async () => {
      await workers?.stop();
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply database migrations and declared roles and reference data')
  .action(async () => {
    const cfg = config();
    const log = createLogger(cfg.logLevel);
    const handle = await openFromConfig(cfg);
    await prepareDatabase(handle, { ...cfg, demo: false }, modules, log);
    await handle.close();
    console.log('Database is up to date.');
  });

program
  .command('seed')
  .description('load reference data, and demo data unless NODE_ENV=production')
  .action(async () => {
    const cfg = config();
    const handle = await openFromConfig(cfg);
    await prepareDatabase(handle, cfg, modules, createLogger(cfg.logLevel));
    await handle.close();
    console.log(cfg.demo ? 'Reference and demo data loaded.' : 'Reference data loaded.');
  });

const auditCmd = program.command('audit').description('audit trail');
auditCmd
  .command('verify')
  .description('recompute the hash chain of the audit trail and name the first broken entry')
  .action(async () => {
    const cfg = config();
    const handle = await openFromConfig(cfg);
    const { exitCode } = await auditVerifyCommand(handle.db, {
      progress: (s) => process.stderr.write(s),
      info: (s) => console.log(s),
      error: (s) => console.error(s),
    });
    await handle.close();
    if (exitCode) process.exitCode = exitCode;
  });

export { program };

const extra = await import('./cli-commands');
extra.registerCommands(program, config);

await program.parseAsync(process.argv);
