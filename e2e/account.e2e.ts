import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { expectNoAxeViolations, htmlAttrs, launch } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';
import { linkIn, waitForMail } from './mail';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/** `expect.poll` with room for a busy machine (server answers, lazy chunks): 20 s instead of 1 s. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 200 });

/**
 * Account journeys: a citizen signs up and confirms the address from the e-mail received by the
 * test SMTP server, resets a forgotten password, turns on two-factor authentication from the
 * security page and signs in with it, closes another session; API tokens; sign-up in Arabic on a
 * phone. Every page visited is scanned with axe-core. The tests run in order and share the account.
 */
describe.skipIf(!HAS_CHROMIUM)('public accounts and personal space (browser)', () => {
  const base = inject('baseUrl');
  const mailDir = inject('mailDir');
  const email = `amal.${Date.now()}@example.ma`;
  const firstPassword = 'ma-phrase-secrete-2026';
  const newPassword = 'une-autre-phrase-2026';
  let totpSecret = '';
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
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  const code = () => new TOTP({ secret: totpSecret }).generate();

  async function signIn(p: Page, password: string, withCode = false) {
    await p.goto(`${base}/signin`);
    await p.getByLabel('Adresse e-mail').fill(email);
    await p.getByLabel('Mot de passe').fill(password);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    if (withCode) {
      const box = p.getByLabel("Code à 6 chiffres de votre application d'authentification");
      await box.waitFor();
      await box.fill(code());
      await p.getByRole('button', { name: 'Vérifier' }).click();
    }
    await p.waitForURL(/\/me$/);
  }

  it('a citizen signs up (live validation), confirms the address from the e-mail, then signs in', async () => {
    await page.goto(`${base}/signup`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Créer un compte');
    await expectNoAxeViolations(page, 'sign up (fr)');

    // Validation as you type, with the rules of the API contract: the error sits next to its field.
    const password = page.getByLabel('Mot de passe', { exact: true });
    await password.fill('court');
    await password.blur();
    await poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const described = (await password.getAttribute('aria-describedby')) ?? '';
    const errorId = described.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('au moins 12 caractères');
    await expectNoAxeViolations(page, 'sign up with a field error (fr)');
    await password.fill(firstPassword);
    await poll(() => password.getAttribute('aria-invalid')).toBe(null);

    // Submitting with a missing name puts the focus on it, with its message.
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    const name = page.getByLabel('Nom complet');
    await poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('name');
    await name.fill('Amal Benali');
    await page.getByLabel('Adresse e-mail').fill(email);
    const since = Date.now();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Consultez votre messagerie');
    expect(await page.textContent('main')).toContain(email);
    await expectNoAxeViolations(page, 'sign up: check your e-mail (fr)');

    // The notify worker sends the message by SMTP; the link leads to the confirmation page.
    const mail = await waitForMail(mailDir, email, /verify-email/, { since });
    expect(mail.subject).toContain('confirmez votre adresse');
    const link = linkIn(mail, '/verify-email');
    await page.goto(`${base}${link.pathname}${link.search}`);
    await poll(() => page.getByRole('status').first().textContent()).toContain('Votre adresse est confirmée');
    await expectNoAxeViolations(page, 'e-mail confirmed (fr)');

    await page.getByRole('link', { name: 'Se connecter' }).last().click();
    await page.waitForURL(/\/signin$/);
    await signIn(page, firstPassword);
    await poll(() => page.getByTestId('display-name').textContent()).toBe('Amal Benali');
    expect(await page.textContent('main')).toContain("Vous n'avez encore aucune demande");
    await expectNoAxeViolations(page, 'my space (new citizen)');

    await page.getByRole('link', { name: 'Mes notifications', exact: true }).click();
    await page.waitForURL(/\/me\/notifications$/);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes notifications');
    await poll(() => page.textContent('main')).toContain('Aucune notification.');
    await expectNoAxeViolations(page, 'my notifications (fr)');

    await page.goto(`${base}/me/tokens`);
    // A full page load: the workspace chunk downloads first (the poll's 1 s may be too short on a busy machine).
    await page.getByText('Vous ne détenez aucune permission').waitFor();
    await expectNoAxeViolations(page, 'my API tokens (citizen)');
  });

  it('forgotten password: a wrong link is refused keeping the typed password, the e-mailed link sets a new one', async () => {
    await page.goto(`${base}/forgot-password`);
    await expectNoAxeViolations(page, 'forgot password (fr)');
    await page.getByLabel('Adresse e-mail').fill(email);
    const since = Date.now();
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Consultez votre messagerie');
    await expectNoAxeViolations(page, 'forgot password: sent (fr)');
    const link = linkIn(await waitForMail(mailDir, email, /reset-password/, { since }), '/reset-password');

    await page.goto(`${base}/reset-password?token=not-a-real-token-123`);
    const field = page.getByLabel('Nouveau mot de passe');
    await field.fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toContain('Ce lien est invalide');
    expect(await field.inputValue()).toBe(newPassword);
    await expectNoAxeViolations(page, 'reset password refused (fr)');

    await page.goto(`${base}${link.pathname}${link.search}`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Choisir un nouveau mot de passe');
    await expectNoAxeViolations(page, 'reset password (fr)');
    await page.getByLabel('Nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await poll(() => page.getByRole('status').first().textContent()).toContain('Votre mot de passe a été changé');
    await signIn(page, newPassword);
  });

  it('turns on TOTP from the security page (QR code and key), then signs in again with a code', async () => {
    await signIn(page, newPassword);
    await page.getByRole('link', { name: 'Gérer la sécurité de mon compte' }).click();
    await page.waitForURL(/\/me\/security$/);
    await poll(() => page.getByTestId('totp-status').textContent()).toBe('Désactivée');
    await expectNoAxeViolations(page, 'security (fr)');

    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await page.getByTestId('totp-qr').waitFor();
    expect(await page.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    totpSecret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page, 'security: TOTP enrolment (fr)');

    // A wrong code is refused, translated; the right one turns two-factor authentication on.
    const box = page.getByLabel('Code à 6 chiffres');
    await box.fill('000000' === code() ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirmer et activer' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    await box.fill(code());
    await page.getByRole('button', { name: 'Confirmer et activer' }).click();
    await poll(() => page.getByTestId('totp-status').textContent()).toBe('Activée');
    await expectNoAxeViolations(page, 'security: TOTP on (fr)');

    await page.goto(`${base}/me`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${base}/`);
    await signIn(page, newPassword, true);
    await poll(() => page.getByTestId('display-name').textContent()).toBe('Amal Benali');
  });

  it('sees its sessions with this device marked, and closes another one', async () => {
    const other = await browser.newContext({ locale: 'fr-FR' });
    const otherPage = await other.newPage();
    await signIn(otherPage, newPassword, true);
    expect((await otherPage.request.get(`${base}/api/v1/auth/me`)).status()).toBe(200);

    await signIn(page, newPassword, true);
    await page.goto(`${base}/me/security`);
    const sessions = page.getByTestId('sessions');
    await poll(() => sessions.locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await sessions.locator('li[data-current]').textContent()).toContain('Cet appareil');
    await expectNoAxeViolations(page, 'security: sessions (fr)');
    const before = await sessions.locator('li').count();
    await page
      .getByRole('button', { name: /^Fermer/ })
      .first()
      .click();
    await poll(() => page.getByRole('status').filter({ hasText: 'La session a été fermée.' }).count()).toBe(1);
    await poll(() => sessions.locator('li').count()).toBe(before - 1);
    // The closed session was the other browser's (there, the API no longer knows the person)…
    // unless several old ones were open: close them all, and the other browser is signed out.
    while ((await page.getByRole('button', { name: /^Fermer/ }).count()) > 0) {
      const n = await sessions.locator('li').count();
      await page
        .getByRole('button', { name: /^Fermer/ })
        .first()
        .click();
      await poll(() => sessions.locator('li').count()).toBe(n - 1);
    }
    expect((await otherPage.request.get(`${base}/api/v1/auth/me`)).status()).toBe(401);
    expect((await page.request.get(`${base}/api/v1/auth/me`)).status()).toBe(200);
    await other.close();
  });

  it('an agent creates an API token shown once with a copy button, then revokes it', async () => {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Adresse e-mail').fill('operator@demo.raqmana.ma');
    await page.getByLabel('Mot de passe').fill('demo-Raqmana-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const box = page.getByLabel("Code à 6 chiffres de votre application d'authentification");
    await box.waitFor();
    await box.fill(new TOTP({ secret: 'JBSWY3DPEHPK3PXP' }).generate());
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.waitForURL(/\/backoffice$/);
    await page.goto(`${base}/me/tokens`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Jetons d'API");
    await expectNoAxeViolations(page, 'API tokens (operator)');

    // No permission chosen: refused on the spot, next to the field.
    await page.getByRole('textbox', { name: /^Nom/ }).fill('Rapport mensuel');
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    await poll(() => page.textContent('main')).toContain('Choisissez au moins une permission.');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    const token = page.getByTestId('new-token');
    await token.waitFor();
    expect(await token.textContent()).toMatch(/^rqm_[0-9a-f]{8}_/);
    expect(await page.getByRole('button', { name: 'Copier le jeton' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'API token created (operator)');
    const secret = (await token.textContent())!;
    const auth = await page.request.get(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(auth.status()).toBe(200);

    await page.getByRole('button', { name: "Je l'ai copié" }).click();
    await poll(() => token.count()).toBe(0);
    await page.getByRole('button', { name: 'Révoquer : Rapport mensuel' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Le jeton a été révoqué.' }).count()).toBe(1);
    const after = await page.request.get(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
  });

  it('sign-up in Arabic on a 360 px phone: right-to-left, company fields, translated errors next to the field', async () => {
    await context.close();
    context = await browser.newContext({ locale: 'ar-MA', viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await page.goto(`${base}/signup`);
    await poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('إنشاء حساب');
    await page.getByRole('radio', { name: 'مقاولة' }).check();
    const ice = page.getByLabel('المعرف الموحد للمقاولة (ICE)');
    await ice.fill('12345');
    await ice.blur();
    await poll(() => ice.getAttribute('aria-invalid')).toBe('true');
    expect(await page.textContent('main')).toContain('يتكون المعرف الموحد للمقاولة من 15 رقما بالضبط.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'sign up (ar, 360 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/signup-ar-360.png`, fullPage: true });
    await ice.fill('001234567000089');
    await poll(() => ice.getAttribute('aria-invalid')).toBe(null);
  });
});
