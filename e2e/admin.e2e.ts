import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { expectNoAxeViolations, htmlAttrs, launch } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

const PASSWORD = 'demo-Raqmana-2026';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/**
 * Back-office administration journeys: an organisation administrator grants a role to a
 * colleague and finds the grant in the audit trail; the organisation tree and search in Arabic
 * on a 360-pixel phone; people, roles and the chain check. Every page visited is scanned with axe-core.
 */
// Long journeys on a shared 2-core machine: three minutes each.
const JOURNEY_MS = 180_000;
/** expect.poll with room for a loaded machine (lazy chunks and API calls can take seconds). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 200 });

describe.skipIf(!HAS_CHROMIUM)('back-office administration (browser)', () => {
  const base = inject('baseUrl');
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  /** Signs in with the password then the TOTP code, in French or Arabic labels. */
  async function signIn(email: string, lang: 'fr' | 'ar' = 'fr') {
    const L =
      lang === 'fr'
        ? {
            email: 'Adresse e-mail',
            password: 'Mot de passe',
            submit: 'Se connecter',
            code: "Code à 6 chiffres de votre application d'authentification",
            verify: 'Vérifier',
          }
        : {
            email: 'البريد الإلكتروني',
            password: 'كلمة المرور',
            submit: 'تسجيل الدخول',
            code: 'الرمز المكون من 6 أرقام في تطبيق المصادقة',
            verify: 'تحقق',
          };
    await page.goto(`${base}/signin`);
    await page.getByLabel(L.email).fill(email);
    await page.getByLabel(L.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.submit }).click();
    const codeBox = page.getByLabel(L.code);
    await codeBox.waitFor();
    await codeBox.fill(new TOTP({ secret: DEMO_TOTP_SECRET }).generate());
    await page.getByRole('button', { name: L.verify }).click();
    await page.waitForURL(/\/backoffice$/);
  }

  const heading = () => page.locator('main h1').first().textContent();

  it(
    'an organisation administrator grants a role to a colleague, sees it on the organisation, and finds it in the audit trail',
    async () => {
      await signIn('admin.temara@demo.raqmana.ma');
      const menu = page.getByRole('navigation', { name: 'Menu de l’espace' });
      await menu.getByRole('link', { name: 'Organisations' }).click();
      await page.waitForURL(/\/backoffice\/orgs$/);
      await poll(heading).toBe('Organisations');
      await page.getByTestId('org-tree').getByRole('link', { name: 'Royaume du Maroc' }).waitFor();
      await expectNoAxeViolations(page, 'organisations (fr)');

      // Folded search: no accent typed, the commune is found.
      await page.getByLabel('Rechercher une organisation').fill('temara');
      const results = page.getByTestId('org-results');
      await results.getByRole('link', { name: 'Témara', exact: true }).click();
      await page.waitForURL(/\/backoffice\/orgs\/COM-TEMARA$/);
      await poll(heading).toBe('Témara');
      await page.getByTestId('org-grants').getByText('agent.temara@demo.raqmana.ma').waitFor();
      await expectNoAxeViolations(page, 'organisation page (fr)');

      // Grant: as-you-type validation first (a bad e-mail), then the real grant.
      const form = page.getByTestId('grant-form');
      await form.getByLabel('Adresse e-mail').fill('not-an-email');
      await form.getByLabel('Adresse e-mail').blur();
      await form.getByRole('button', { name: 'Attribuer le rôle' }).click();
      await poll(() => form.getByText('Adresse e-mail invalide.').count()).toBeGreaterThan(0);
      await form.getByLabel('Adresse e-mail').fill('agent.temara@demo.raqmana.ma');
      await form.getByLabel('Rôle').selectOption({ label: 'Auditeur' });
      await form.getByRole('button', { name: 'Attribuer le rôle' }).click();
      await form.getByRole('status').filter({ hasText: 'Rôle attribué.' }).waitFor();
      const grants = page.getByTestId('org-grants');
      await poll(() => grants.getByRole('row').filter({ hasText: 'Auditeur' }).count()).toBe(1);
      // Granting the same role twice is refused, translated by its code, and what was typed is kept.
      await form.getByLabel('Adresse e-mail').fill('agent.temara@demo.raqmana.ma');
      await form.getByLabel('Rôle').selectOption({ label: 'Auditeur' });
      await form.getByRole('button', { name: 'Attribuer le rôle' }).click();
      await poll(async () => (await form.getByRole('alert').textContent())?.length ?? 0).toBeGreaterThan(5);
      expect(await form.getByLabel('Adresse e-mail').inputValue()).toBe('agent.temara@demo.raqmana.ma');
      await expectNoAxeViolations(page, 'organisation page after grant (fr)');

      // The audit trail: filter by action, open the entry, read the diff.
      await menu.getByRole('link', { name: "Journal d'audit" }).click();
      await page.waitForURL(/\/backoffice\/audit/);
      await poll(heading).toBe('Journal d’audit');
      await page.getByTestId('audit').getByRole('row').nth(1).waitFor();
      await expectNoAxeViolations(page, 'audit trail (fr)');
      await page.getByLabel('Action').fill('core.grant');
      await page.getByLabel('Qui', { exact: true }).fill('admin.temara');
      await page.waitForURL(/action=core.grant/);
      const rows = page.getByTestId('audit').getByRole('row').filter({ hasText: 'core.grant.created' });
      await poll(() => rows.count()).toBe(1);
      await rows
        .first()
        .getByRole('button', { name: /Détails/ })
        .click();
      const entry = page.getByTestId('audit-entry');
      await entry.waitFor();
      // The focus moved to the opened entry.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('audit-entry-title');
      const diff = entry.getByTestId('audit-diff');
      await poll(() => diff.textContent()).toContain('auditor');
      expect(await diff.textContent()).toContain('COM-TEMARA');
      await expectNoAxeViolations(page, 'audit entry diff (fr)');
      await entry.getByRole('button', { name: 'Fermer le détail' }).click();
      await entry.waitFor({ state: 'hidden' });

      // Revoke the grant from the organisation page (loaded whole: the server's frame first, then
      // the app); the revocation is in the trail too.
      // The screen's code must not run before its styles: note whether they were applied when its grants appeared.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-testid="org-grants"]')) return;
          observer.disconnect();
          const sheets = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'));
          (window as unknown as { screenSawSheets: boolean }).screenSawSheets = sheets.every((l) => l.sheet !== null);
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${base}/backoffice/orgs/COM-TEMARA`);
      const row = page.getByTestId('org-grants').getByRole('row').filter({ hasText: 'Auditeur' });
      await row.waitFor();
      const links = await page.evaluate(() =>
        Array.from(document.querySelectorAll('link[rel="stylesheet"], link[rel="preload"][as="style"]')).map((l) => ({
          rel: l.getAttribute('rel'),
          href: l.getAttribute('href'),
        })),
      );
      const sheets = links.filter((l) => l.rel === 'stylesheet').map((l) => l.href);
      // The frame's template handed its style preloads over as stylesheets (boot.ts): Vite's loader added no copy.
      expect(await page.locator('template#app-scripts').count()).toBe(0);
      expect(links.filter((l) => l.rel === 'preload')).toEqual([]);
      expect(sheets.length).toBeGreaterThan(3);
      expect(new Set(sheets).size).toBe(sheets.length);
      expect(await page.evaluate(() => (window as unknown as { screenSawSheets?: boolean }).screenSawSheets)).toBe(true);
      await row.getByRole('button', { name: /Retirer le rôle Auditeur/ }).click();
      await row.getByRole('button', { name: 'Oui, retirer' }).click();
      await poll(() => page.getByTestId('org-grants').getByRole('row').filter({ hasText: 'Auditeur' }).count()).toBe(0);
      await page.goto(`${base}/backoffice/audit?action=core.grant.revoked`);
      await expect
        .poll(() => page.getByTestId('audit').getByRole('row').filter({ hasText: 'core.grant.revoked' }).count())
        .toBe(1);
    },
    JOURNEY_MS,
  );

  it(
    'people and roles: search a person, open their page with their roles; the roles with their permissions in French',
    async () => {
      await signIn('admin.temara@demo.raqmana.ma');
      await page.goto(`${base}/backoffice/people`);
      await poll(heading).toBe('Personnes');
      await page.getByLabel('Nom ou adresse e-mail').fill('agent.temara');
      await page.waitForURL(/q=agent.temara/);
      const people = page.getByTestId('people');
      await poll(() => people.getByRole('row').count()).toBe(2);
      await expectNoAxeViolations(page, 'people (fr)');
      await people.getByRole('link').first().click();
      await page.waitForURL(/\/backoffice\/people\/[0-9a-f-]{36}$/);
      await page.getByTestId('person-grants').getByRole('link', { name: 'Témara' }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Désactiver le compte' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page, 'person page (fr)');

      await page.goto(`${base}/backoffice/roles`);
      await poll(heading).toBe('Rôles et habilitations');
      const roles = page.getByTestId('roles');
      await poll(() => roles.textContent()).toContain("Consulter le journal d'audit");
      expect(await roles.textContent()).toContain('Auditeur');
      await expectNoAxeViolations(page, 'roles (fr)');
    },
    JOURNEY_MS,
  );

  it(
    'in Arabic on a 360 px phone: the organisation tree opens level by level, the search finds a commune in Arabic, the chain check reports',
    async () => {
      await context.close();
      context = await browser.newContext({ locale: 'ar-MA', viewport: { width: 360, height: 740 } });
      page = await context.newPage();
      await signIn('operator@demo.raqmana.ma', 'ar');
      await page.goto(`${base}/backoffice/orgs`);
      await poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      await poll(heading).toBe('الهيئات');
      const tree = page.getByTestId('org-tree');
      // The root is open: its regions are listed; open a region, then its prefecture, with the keyboard.
      const region = tree.getByRole('button', { name: 'عرض تقسيمات جهة الرباط سلا القنيطرة' });
      await region.focus();
      await page.keyboard.press('Enter');
      const prefecture = tree.getByRole('button', { name: 'عرض تقسيمات عمالة الصخيرات تمارة' });
      await prefecture.waitFor();
      await prefecture.click();
      await tree.getByRole('link', { name: 'تمارة', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'organisation tree (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/orgs-tree-ar-360.png`, fullPage: true });

      // Search in Arabic, with a different spelling of the ta marbuta (تماره).
      await page.getByLabel('البحث عن هيئة').fill('تماره');
      const results = page.getByTestId('org-results');
      await results.getByRole('link', { name: 'تمارة', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'organisation search (ar, 360 px)');
      await results.getByRole('link', { name: 'تمارة', exact: true }).click();
      await page.waitForURL(/COM-TEMARA$/);
      await poll(heading).toBe('تمارة');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'organisation page (ar, 360 px)');

      // The audit trail in Arabic at 360 px, and the chain check with its result.
      await page.goto(`${base}/backoffice/audit`);
      await poll(heading).toBe('سجل التدقيق');
      await page.getByTestId('audit').getByRole('row').nth(1).waitFor();
      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-verify-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.textContent()).toContain('السلسلة سليمة');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'audit trail and chain check (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/audit-ar-360.png`, fullPage: true });
    },
    JOURNEY_MS,
  );

  it('scripts/web-size.mjs: the build the journeys ran against keeps the home page under 150 KB of gzipped JavaScript', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['scripts/web-size.mjs', '--json'], { encoding: 'utf8' })) as {
      total: number;
      files: { file: string }[];
    };
    console.log(`home page JavaScript (static graph of dist/web): ${(out.total / 1024).toFixed(1)} KiB gzip`);
    expect(out.total).toBeLessThanOrEqual(150 * 1024);
    expect(out.files.some((f) => /index-.*\.js$/.test(f.file))).toBe(true);
  });
});
