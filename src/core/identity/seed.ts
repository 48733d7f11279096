import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { systemContext } from '../access/context';
import { roleGrants, roles } from '../access/schema';
import { audit } from '../audit/audit';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { SeedContext } from '../module';
import { organisations } from '../orgs/schema';
import { users } from './schema';
import { hashPassword } from './passwords';
import { encryptSecret } from './totp';
import { findUserByEmail } from './service';

/** Demo mode only: the password of every demo account and the TOTP secret of those needing two factors. */
export const DEMO_PASSWORD = 'demo-Raqmana-2026';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export interface DemoAccount {
  email: string;
  displayName: string;
  kind: 'operator' | 'agent' | 'citizen' | 'company';
  role?: { code: string; org: string; includeDescendants: boolean };
  companyIce?: string;
  companyName?: string;
  locale?: 'fr' | 'ar' | 'en';
  /** Has TOTP enabled with DEMO_TOTP_SECRET (holders of roles requiring two factors). */
  totp?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'operator@demo.raqmana.ma',
    displayName: 'Opératrice Raqmana',
    kind: 'operator',
    role: { code: 'platform_operator', org: 'MA', includeDescendants: true },
    totp: true,
  },
  {
    email: 'admin.temara@demo.raqmana.ma',
    displayName: 'Karim Bennani',
    kind: 'agent',
    role: { code: 'org_admin', org: 'COM-TEMARA', includeDescendants: false },
    totp: true,
  },
  {
    email: 'agent.temara@demo.raqmana.ma',
    displayName: 'Salma El Idrissi',
    kind: 'agent',
    role: { code: 'agent', org: 'COM-TEMARA', includeDescendants: false },
  },
  {
    email: 'agent.skhirate@demo.raqmana.ma',
    displayName: 'Youssef Alaoui',
    kind: 'agent',
    role: { code: 'agent', org: 'COM-SKHIRATE', includeDescendants: false },
  },
  {
    email: 'governor.skhirate@demo.raqmana.ma',
    displayName: 'Gouverneur de Skhirate-Témara',
    kind: 'agent',
    role: { code: 'supervisor', org: 'MA-SKH', includeDescendants: true },
  },
  {
    email: 'wali.rsk@demo.raqmana.ma',
    displayName: 'Wali de Rabat-Salé-Kénitra',
    kind: 'agent',
    role: { code: 'supervisor', org: 'MA-04', includeDescendants: true },
  },
  {
    email: 'auditor@demo.raqmana.ma',
    displayName: 'Nadia Tazi',
    kind: 'agent',
    role: { code: 'auditor', org: 'MA', includeDescendants: true },
  },
  { email: 'citizen@demo.raqmana.ma', displayName: 'Fatima Zahra Amrani', kind: 'citizen', locale: 'ar' },
  {
    email: 'company@demo.raqmana.ma',
    displayName: 'Hicham Berrada',
    kind: 'company',
    companyIce: '001525369000052',
    companyName: 'Atlas Travaux SARL',
  },
];

/** Creates a person (if the e-mail is new) with an optional role; returns whether anything was created. */
async function ensureAccount(
  db: Database,
  config: Config,
  log: Logger,
  a: DemoAccount,
  password: string,
  totpSecret: string | null,
): Promise<boolean> {
  if (await findUserByEmail(db, a.email)) return false;
  let org: { id: string } | undefined;
  let role: { id: string } | undefined;
  if (a.role) {
    [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, a.role.org));
    [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, a.role.code));
    if (!org || !role) {
      log.warn({ email: a.email, org: a.role.org, role: a.role.code }, 'account not created: organisation or role missing');
      return false;
    }
  }
  const hash = await hashPassword(password, config);
  await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        email: a.email.toLowerCase(),
        kind: a.kind,
        status: 'active',
        displayName: a.displayName,
        passwordHash: hash,
        passwordChangedAt: new Date(),
        emailVerifiedAt: new Date(),
        locale: a.locale ?? 'fr',
        companyIce: a.companyIce ?? null,
        companyName: a.companyName ?? null,
        totpSecretEnc: totpSecret ? encryptSecret(totpSecret, config.secretKey) : null,
        totpEnabledAt: totpSecret ? new Date() : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!u) return;
    if (a.role && org && role)
      await tx
        .insert(roleGrants)
        .values({ userId: u.id, roleId: role.id, orgId: org.id, includeDescendants: a.role.includeDescendants })
        .onConflictDoNothing();
    await audit(tx, systemContext(), {
      action: 'core.user.seeded',
      entityType: 'user',
      entityId: u.id,
      orgId: org?.id ?? null,
      after: { email: u.email, kind: u.kind, role: a.role?.code ?? null, orgCode: a.role?.org ?? null },
    });
  });
  return true;
}

/** The operator account from RAQMANA_ADMIN_EMAIL / RAQMANA_ADMIN_PASSWORD, created once. */
export async function seedOperator({ db, config, log }: SeedContext): Promise<void> {
  if (!config.admin) return;
  const created = await ensureAccount(
    db,
    config,
    log,
    {
      email: config.admin.email,
      displayName: 'Opérateur',
      kind: 'operator',
      role: { code: 'platform_operator', org: 'MA', includeDescendants: true },
    },
    config.admin.password,
    null,
  );
  if (created)
    log.info({ email: config.admin.email }, 'operator account created (enrol two-factor authentication at first sign-in)');
}

/**
 * A module's demo account (demo mode only, listed in the README): created once with the demo
 * password, and the demo TOTP secret when `totp`; idempotent.
 */
export async function seedDemoAccount({ db, config, log }: SeedContext, a: DemoAccount): Promise<boolean> {
  if (config.production) throw new Error('Demo accounts are refused in production.');
  return ensureAccount(db, config, log, a, DEMO_PASSWORD, a.totp ? DEMO_TOTP_SECRET : null);
}

/** The demo accounts (README): idempotent, a second run changes nothing. */
export async function seedDemoAccounts({ db, config, log }: SeedContext): Promise<void> {
  if (config.production) throw new Error('Demo accounts are refused in production.');
  for (const a of DEMO_ACCOUNTS) await ensureAccount(db, config, log, a, DEMO_PASSWORD, a.totp ? DEMO_TOTP_SECRET : null);
}
