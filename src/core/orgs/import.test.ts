import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type DbHandle } from '../db/client';
import { testDatabase } from '../../test/harness';
import { formatIssue, importOrgsCsv, parseOrgCsv } from './import';
import { seedDemoOrgs, seedReferenceOrgs } from './seed';

let h: DbHandle;
beforeAll(async () => {
  h = await testDatabase();
});
afterAll(() => h?.close());

const count = async (where = sql`TRUE`) =>
  Number((await rows<{ n: string }>(h.db, sql`SELECT count(*) AS n FROM core.organisations WHERE ${where}`))[0]!.n);
const auditCount = async () => Number((await rows<{ n: string }>(h.db, sql`SELECT count(*) AS n FROM core.audit_log`))[0]!.n);

const BAD_CSV = `code,type,name_fr,name_ar,parent_code
COM-T-GOOD1,commune,Bonne Une,الجماعة الأولى,MA-SKH
com-t-lower,commune,Minuscule,جماعة,MA-SKH
COM-T-TYPE,village,Type inconnu,جماعة,MA-SKH
COM-T-NOAR,commune,Sans arabe,Sans arabe,MA-SKH
COM-T-EMPTY,commune,,جماعة,MA-SKH
COM-T-ORPHAN,commune,Orpheline,جماعة,MA-NOWHERE
COM-T-GOOD1,commune,Doublon,جماعة,MA-SKH
COM-T-CYA,commune,Cycle A,جماعة,COM-T-CYB
COM-T-CYB,commune,Cycle B,جماعة,COM-T-CYA
COM-T-CHILD,commune,Enfant de mauvaise,جماعة,COM-T-ORPHAN
COM-T-GOOD3,commune,Bonne Trois,الجماعة الثالثة,COM-T-GOOD2
COM-T-GOOD2,commune,Bonne Deux,الجماعة الثانية,MA-SKH
COM-T-SHORT,commune,Trop court
`;

describe('importing organisations from CSV', () => {
  it('reports every bad row by line number and reason, and writes nothing', async () => {
    const before = await count();
    const audits = await auditCount();
    const res = await importOrgsCsv(h.db, BAD_CSV, { source: 'bad.csv' });
    const lines = res.issues.map(formatIssue);
    expect(lines).toEqual([
      expect.stringMatching(/^line 3: com-t-lower: code must be upper-case/),
      expect.stringMatching(/^line 4: COM-T-TYPE: type must be one of/),
      'line 5: COM-T-NOAR: name_ar contains no Arabic script',
      'line 6: COM-T-EMPTY: name_fr is empty',
      'line 7: COM-T-ORPHAN: parent MA-NOWHERE does not exist',
      'line 8: COM-T-GOOD1: duplicate code (first at line 2)',
      'line 9: COM-T-CYA: cycle in parents: COM-T-CYA → COM-T-CYB → COM-T-CYA',
      'line 10: COM-T-CYB: cycle in parents: COM-T-CYA → COM-T-CYB → COM-T-CYA',
      'line 11: COM-T-CHILD: parent COM-T-ORPHAN (line 7) is invalid',
      'line 14: expected 5 fields, found 3',
    ]);
    expect(res.written).toBe(false);
    expect(res.created).toBe(0);
    expect(await count()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('with skipInvalid imports the good rows (parents after children in the file too) and skips the rest', async () => {
    const before = await count();
    const res = await importOrgsCsv(h.db, BAD_CSV, { skipInvalid: true, source: 'bad.csv' });
    expect(res.issues).toHaveLength(10);
    expect(res.created).toBe(3);
    expect(res.skipped).toBe(10);
    expect(res.createdCodes.sort()).toEqual(['COM-T-GOOD1', 'COM-T-GOOD2', 'COM-T-GOOD3']);
    expect(await count()).toBe(before + 3);
    const [g3] = await rows<{ path: string; parent: string; search_text: string }>(
      h.db,
      sql`SELECT o.path, p.code AS parent, o.search_text FROM core.organisations o JOIN core.organisations p ON p.id = o.parent_id WHERE o.code = 'COM-T-GOOD3'`,
    );
    expect(g3!.parent).toBe('COM-T-GOOD2');
    expect(g3!.path.split('/').filter(Boolean)).toHaveLength(5); // MA / MA-04 / MA-SKH / GOOD2 / GOOD3
    expect(g3!.search_text).toBe('bonne trois الجماعه الثالثه');
    const [entry] = await rows<{ action: string; meta: { created: number; skipped: number; source: string } }>(
      h.db,
      sql`SELECT action, meta FROM core.audit_log ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ action: 'core.orgs.import', meta: { created: 3, skipped: 10, source: 'bad.csv' } });
  });

  it('is idempotent: a second import changes nothing; a changed name updates the existing code', async () => {
    const csv = `code,type,name_fr,name_ar,parent_code,name_en
COM-T-IDEM,commune,Idempotente,جماعة ثابتة,MA-HAO,Steady
`;
    const first = await importOrgsCsv(h.db, csv);
    expect(first).toMatchObject({ created: 1, updated: 0, written: true });
    const [{ updated_at: u1 }] = (await rows<{ updated_at: Date }>(
      h.db,
      sql`SELECT updated_at FROM core.organisations WHERE code = 'COM-T-IDEM'`,
    )) as [{ updated_at: Date }];
    const audits = await auditCount();
    const total = await count();
    const second = await importOrgsCsv(h.db, csv);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 1, written: false });
    expect(await count()).toBe(total);
    expect(await auditCount()).toBe(audits);
    const [{ updated_at: u2 }] = (await rows<{ updated_at: Date }>(
      h.db,
      sql`SELECT updated_at FROM core.organisations WHERE code = 'COM-T-IDEM'`,
    )) as [{ updated_at: Date }];
    expect(new Date(u2).getTime()).toBe(new Date(u1).getTime());

    const renamed = await importOrgsCsv(h.db, csv.replace('Idempotente', 'Renommée'));
    expect(renamed).toMatchObject({ created: 0, updated: 1, updatedCodes: ['COM-T-IDEM'] });
    expect(await count()).toBe(total);
    const [row] = await rows<{ name_fr: string; name_en: string; search_text: string }>(
      h.db,
      sql`SELECT name_fr, name_en, search_text FROM core.organisations WHERE code = 'COM-T-IDEM'`,
    );
    expect(row).toEqual({ name_fr: 'Renommée', name_en: 'Steady', search_text: 'renommee جماعه ثابته' });
  });

  it('refuses to move or retype an existing organisation', async () => {
    const res = await importOrgsCsv(
      h.db,
      `code,type,name_fr,name_ar,parent_code
COM-TEMARA,commune,Témara,تمارة,MA-RAB
COM-SKHIRATE,province,Skhirate,الصخيرات,MA-SKH
`,
    );
    expect(res.issues.map(formatIssue)).toEqual([
      'line 2: COM-TEMARA: parent MA-RAB differs from the existing parent MA-SKH (organisations are not moved by an import)',
      "line 3: COM-SKHIRATE: type province differs from the existing organisation's type commune (types are not changed by an import)",
    ]);
    expect(res.written).toBe(false);
  });

  it('dry run checks and counts without writing', async () => {
    const before = await count();
    const res = await importOrgsCsv(h.db, 'code,type,name_fr,name_ar,parent_code\nCOM-T-DRY,commune,Sèche,جافة,MA-SKH\n', {
      dryRun: true,
    });
    expect(res).toMatchObject({ created: 1, written: false, dryRun: true });
    expect(await count()).toBe(before);
  });

  it('reports a bad header, an empty file and broken quoting', () => {
    expect(parseOrgCsv('code,type,name\nX,commune,Y\n').issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^line 1: bad header: missing column\(s\) name_fr, name_ar, parent_code; unknown column\(s\) name/),
    ]);
    expect(parseOrgCsv('').issues.map(formatIssue)).toEqual(['line 1: the file is empty (expected a header line)']);
    expect(parseOrgCsv('code,type,name_fr,name_ar,parent_code\n"COM-X,commune,X,س,MA\n').issues[0]!.reason).toMatch(
      /unreadable CSV/,
    );
    // BOM and CRLF are accepted
    const ok = parseOrgCsv('\uFEFFcode,type,name_fr,name_ar,parent_code\r\nCOM-X,commune,X,س,MA-SKH\r\n');
    expect(ok.issues).toEqual([]);
    expect(ok.rows).toEqual([{ line: 2, code: 'COM-X', type: 'commune', name_fr: 'X', name_ar: 'س', parent_code: 'MA-SKH' }]);
  });
});

describe('reference and demo seeds', () => {
  it('are idempotent: a second run changes no row and writes no audit entry', async () => {
    const snapshot = async () =>
      rows<{ code: string; updated_at: Date; path: string }>(
        h.db,
        sql`SELECT code, updated_at, path FROM core.organisations ORDER BY code`,
      );
    const units = async () => Number((await rows<{ n: string }>(h.db, sql`SELECT count(*) AS n FROM core.org_units`))[0]!.n);
    const before = await snapshot();
    const unitsBefore = await units();
    const audits = await auditCount();
    await seedReferenceOrgs({ db: h.db });
    await seedDemoOrgs({ db: h.db });
    expect(await snapshot()).toEqual(before);
    expect(await units()).toBe(unitsBefore);
    expect(await auditCount()).toBe(audits);
    expect(await count(sql`type = 'region'`)).toBe(12);
    expect(await count(sql`type IN ('prefecture', 'province')`)).toBe(75);
    expect(await count(sql`type = 'arrondissement_prefecture'`)).toBe(8);
    expect(await count(sql`code IN ('MA', 'MIN-INTERIEUR', 'MIN-TNRA', 'MIN-EF', 'TGR')`)).toBe(5);
    expect(
      await count(sql`code LIKE 'COM-%' AND parent_id = (SELECT id FROM core.organisations WHERE code = 'MA-HAO')`),
    ).toBeGreaterThanOrEqual(20);
    // every path is the parent's path plus the row's own id
    const broken = await rows(
      h.db,
      sql`SELECT o.code FROM core.organisations o LEFT JOIN core.organisations p ON p.id = o.parent_id
          WHERE o.path <> COALESCE(p.path, '/') || o.id::text || '/'`,
    );
    expect(broken).toEqual([]);
  });
});

describe('raqmana import orgs (command line)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'raqmana-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/raqmana.js', 'import', 'orgs', ...args], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, NODE_ENV: 'development', RAQMANA_DEMO: 'false', DATA_DIR: dir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('refuses a file with a bad row (exit 1, line numbers on stderr), then imports the good rows with --skip-invalid', () => {
    const file = path.join(dir, 'orgs.csv');
    writeFileSync(
      file,
      `code,type,name_fr,name_ar,parent_code
COM-CLI-ONE,commune,Une,واحدة,MA-SKH
COM-CLI-BAD,commune,Mauvaise,Bad,MA-SKH
`,
    );
    const refused = run(file);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('line 3: COM-CLI-BAD: name_ar contains no Arabic script');
    expect(refused.stderr).toContain('nothing was written');

    const skipped = run(file, '--skip-invalid');
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('1 created');
    expect(skipped.stdout).toContain('1 skipped');
  }, 240_000);
});
