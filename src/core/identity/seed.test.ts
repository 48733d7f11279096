import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../db/client';
import { createLogger } from '../logger';
import { testApp, type TestApp } from '../../test/harness';
import { testConfig } from '../../test/config';
import { DEMO_ACCOUNTS, seedDemoAccounts, seedOperator } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const snapshot = async () =>
  rows<{ users: string | number; grants: string | number; audit: string | number }>(
    t.handle.db,
    sql`SELECT (SELECT count(*) FROM core.users) AS users, (SELECT count(*) FROM core.role_grants) AS grants,
               (SELECT count(*) FROM core.audit_log) AS audit`,
  );

describe('identity seeds', () => {
  it('created every demo account with its role, and a second run changes nothing', async () => {
    const [r] = await rows<{ n: string | number }>(
      t.handle.db,
      // The kernel's demo accounts (modules add their own).
      sql`SELECT count(*) AS n FROM core.users WHERE email IN (${sql.join(
        DEMO_ACCOUNTS.map((a) => sql`${a.email}`),
        sql`, `,
      )}) AND status = 'active'`,
    );
    expect(Number(r!.n)).toBe(DEMO_ACCOUNTS.length);
    const before = await snapshot();
    await seedDemoAccounts({ db: t.handle.db, config: t.config, log: createLogger('silent') });
    expect(await snapshot()).toEqual(before);
  });

  it('creates the operator from the configuration once, as platform_operator on MA', async () => {
    const config = testConfig({ admin: { email: 'Ops@Example.ma', password: 'operator-password-1' } });
    const ctx = { db: t.handle.db, config, log: createLogger('silent') };
    await seedOperator(ctx);
    const after = await snapshot();
    await seedOperator(ctx);
    expect(await snapshot()).toEqual(after);
    const [g] = await rows<{ role: string; code: string; include_descendants: boolean; status: string }>(
      t.handle.db,
      sql`SELECT r.code AS role, o.code, g.include_descendants, u.status FROM core.users u
          JOIN core.role_grants g ON g.user_id = u.id JOIN core.roles r ON r.id = g.role_id JOIN core.organisations o ON o.id = g.org_id
          WHERE u.email = 'ops@example.ma'`,
    );
    expect(g).toEqual({ role: 'platform_operator', code: 'MA', include_descendants: true, status: 'active' });
  });

  it('refuses demo accounts in production', async () => {
    const config = { ...testConfig(), production: true };
    await expect(seedDemoAccounts({ db: t.handle.db, config, log: createLogger('silent') })).rejects.toThrow(/production/);
  });
});
