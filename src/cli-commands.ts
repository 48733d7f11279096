import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from './core/config';

/** Further `raqmana` commands (imports, exports) registered by kernel features. */
export function registerCommands(program: Command, config: () => Config): void {
  program
    .command('reserves')
    .description('emergency reserves')
    .command('verify')
    .description(
      'prove the stock ledger: every balance equals the sum of its entries, none is negative, transits agree (exit 1 otherwise)',
    )
    .action(async () => {
      const [{ openFromConfig }, { reservesVerifyCommand }] = await Promise.all([
        import('./core/boot'),
        import('./modules/reserves/ledger/verify-command'),
      ]);
      const handle = await openFromConfig(config());
      try {
        const { exitCode } = await reservesVerifyCommand(handle.db, {
          info: (s) => console.log(s),
          error: (s) => console.error(s),
        });
        if (exitCode) process.exitCode = exitCode;
      } finally {
        await handle.close();
      }
    });

  const importCmd = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('bulk imports');

  importCmd
    .command('orgs')
    .argument('<file>', 'CSV file: code,type,name_fr,name_ar,parent_code[,name_en] (UTF-8, header line first)')
    .description(
      'import organisations: every row is checked; a bad row is reported by line number and nothing is written (unless --skip-invalid); existing codes get their names updated',
    )
    .option('--skip-invalid', 'import the good rows and leave out the bad ones')
    .option('--dry-run', 'check the file and report what would change, write nothing')
    .action(async (file: string, opts: { skipInvalid?: boolean; dryRun?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        console.error(`Cannot read ${file}: ${(e as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const cfg = config();
      const [
        { openFromConfig, prepareDatabase },
        { createLogger },
        { modules },
        { importOrgsCsv, formatIssue },
        { default: cliProgress },
      ] = await Promise.all([
        import('./core/boot'),
        import('./core/logger'),
        import('./server'),
        import('./core/orgs/import'),
        import('cli-progress'),
      ]);
      const handle = await openFromConfig(cfg);
      try {
        // Migrations and reference data (the root and the territories the rows hang from); no demo data.
        await prepareDatabase(
          handle,
          { ...cfg, demo: false },
          modules,
          createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel),
        );
        const bar = new cliProgress.SingleBar(
          { format: 'import orgs [{bar}] {percentage}% | {value}/{total} rows', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        const res = await importOrgsCsv(handle.db, text, {
          skipInvalid: !!opts.skipInvalid,
          dryRun: !!opts.dryRun,
          source: path.basename(file),
          onProgress: (done, total) => {
            if (!started) {
              bar.start(Math.max(total, 1), 0);
              started = true;
            }
            bar.update(Math.min(done, Math.max(total, 1)));
          },
        });
        if (started) bar.stop();
        for (const issue of res.issues) console.error(formatIssue(issue));
        const blocked = res.issues.length > 0 && !opts.skipInvalid;
        if (blocked) {
          console.error(
            `${res.issues.length} bad row(s) out of ${res.total}: nothing was written (fix the file, or use --skip-invalid).`,
          );
          process.exitCode = 1;
        } else {
          const verb = opts.dryRun ? 'would be' : '';
          console.log(
            `${opts.dryRun ? 'Dry run: ' : ''}${res.total} row(s): ${res.created} ${verb ? `${verb} ` : ''}created, ${res.updated} ${verb ? `${verb} ` : ''}updated, ${res.unchanged} unchanged, ${res.skipped} skipped.`,
          );
        }
      } finally {
        await handle.close();
      }
    });
}
