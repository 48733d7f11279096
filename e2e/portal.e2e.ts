import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { expectNoAxeViolations, htmlAttrs, launch } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

const PASSWORD = 'demo-Raqmana-2026';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_CHROMIUM)('public portal and sign-in (browser)', () => {
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
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function signIn(email: string) {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }

  it('home page in French: search box, services, skip link first on Tab, no axe violation', async () => {
    await page.goto(base);
    expect(await htmlAttrs(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Vos démarches administratives, en ligne');
    // Keyboard: the first Tab reaches the skip link, which leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`)).toBe(
      'A:Aller au contenu',
    );
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    expect(await page.getByRole('searchbox', { name: 'Rechercher une procédure' }).isVisible()).toBe(true);
    expect(await page.locator('.cards > li').count()).toBeGreaterThanOrEqual(6);
    await expectNoAxeViolations(page, 'home (fr)');

    // The search goes to the catalog's results, rendered by the server then taken over.
    await page.getByRole('searchbox').fill('acte de naissance');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/procedures\?q=acte/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('« acte de naissance »');
    await expect.poll(() => page.locator('.result-list a').first().getAttribute('href')).toMatch(/naissance/);
    await expectNoAxeViolations(page, 'procedures (fr)');
  });

  it('the public home page loads at most 150 KB of gzipped JavaScript, and no back-office code', async () => {
    const scripts: { url: string; body: Buffer }[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') void res.body().then((body) => scripts.push({ url: res.url(), body }));
    });
    await page.goto(base, { waitUntil: 'networkidle' });
    await expect.poll(() => scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, s) => sum + gzipSync(s.body, { level: 9 }).length, 0);
    console.log(`home page JavaScript: ${scripts.length} files, ${(gzipped / 1024).toFixed(1)} KiB gzip`);
    expect(gzipped).toBeLessThanOrEqual(150 * 1024);
    expect(scripts.map((s) => s.url).filter((u) => /SignIn|MySpace/.test(u))).toEqual([]);
  });

  it('switching to Arabic keeps the page and turns it right-to-left; a 360 px screenshot', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/procedures?q=test`);
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(new URL(page.url()).pathname).toBe('/procedures');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('« test »');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('المساطر');
    await expectNoAxeViolations(page, 'procedures (ar)');

    await page.goto(base);
    // The choice is remembered.
    await expect.poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('مساطركم الإدارية عبر الإنترنت');
    expect(await page.getByRole('link', { name: 'تسجيل الدخول' }).isVisible()).toBe(true);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'home (ar, 360 px)');
    await page.screenshot({ path: `${SCREENSHOTS}/home-ar-360.png`, fullPage: true });

    await page.getByRole('button', { name: 'EN – English' }).click();
    await expect.poll(() => htmlAttrs(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your administrative procedures, online');
  });

  it('before the app runs, the language switch and the search are plain forms that work', async () => {
    const noScript = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    try {
      const p = await noScript.newPage();
      await p.goto(`${base}/procedures?q=test`);
      await p.getByRole('button', { name: 'العربية' }).click();
      await p.waitForURL(/\/procedures\?q=test$/);
      expect(await htmlAttrs(p)).toEqual({ lang: 'ar', dir: 'rtl' });
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toContain('« test »');
      // Remembered for the next pages.
      await p.goto(base);
      expect(await htmlAttrs(p)).toEqual({ lang: 'ar', dir: 'rtl' });
      await p.getByRole('searchbox').fill('جواز السفر');
      await p.getByRole('button', { name: 'بحث' }).click();
      await p.waitForURL(/\/procedures\?q=/);
      expect(await p.locator('.result-list a').count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
  });

  it('what is typed into the sign-in form before the app has taken over the page is kept, and sent once it has', async () => {
    // The app's code is held back, as on a slow phone: the server-rendered form is already there.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}/signin`, { waitUntil: 'commit' });
    await page.getByLabel('Adresse e-mail').fill('citizen@demo.raqmana.ma');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    // Pressed now, the browser would reload the page: the button waits for the app.
    expect(await page.getByRole('button', { name: 'Se connecter' }).isDisabled()).toBe(true);
    release();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/me$/);
  });

  it('a citizen signs in, sees their name, and signs out', async () => {
    await signIn('citizen@demo.raqmana.ma');
    await page.waitForURL(/\/me$/);
    const me = (await (await page.request.get(`${base}/api/v1/auth/me`)).json()) as { user: { displayName: string } };
    await expect.poll(() => page.getByTestId('display-name').textContent()).toBe(me.user.displayName);
    expect(me.user.displayName.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'my space (citizen)');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${base}/`);
    await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true);
    expect((await page.request.get(`${base}/api/v1/auth/me`)).status()).toBe(401);
  });

  it('in Arabic (from the browser language): sign-in page right-to-left, the operator signs in', async () => {
    await context.close();
    context = await browser.newContext({ locale: 'ar-MA', viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await page.goto(`${base}/signin`);
    await expect.poll(() => htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('تسجيل الدخول');
    await expectNoAxeViolations(page, 'sign-in (ar)');
    await page.getByLabel('البريد الإلكتروني').fill('operator@demo.raqmana.ma');
    await page.getByLabel('كلمة المرور').fill(PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    const codeBox = page.getByLabel('الرمز المكون من 6 أرقام في تطبيق المصادقة');
    await codeBox.waitFor();
    await codeBox.fill(new TOTP({ secret: DEMO_TOTP_SECRET }).generate());
    await page.getByRole('button', { name: 'تحقق' }).click();
    await page.waitForURL(/\/backoffice$/);
    // On a phone the menu is behind its button; it comes from the manifests, in Arabic.
    const menuButton = page.getByRole('button', { name: 'قائمة الفضاء' });
    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByRole('navigation', { name: 'قائمة الفضاء' }).textContent()).toContain('سجل التدقيق');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'back office home (ar, 360 px)');
    await page.goto(`${base}/me`);
    await expect.poll(() => page.textContent('main')).toContain('مشغل المنصة');
    expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expectNoAxeViolations(page, 'my space (ar)');
    await page.screenshot({ path: `${SCREENSHOTS}/my-space-ar-360.png`, fullPage: true });
  });

  it('a wrong password is refused with the translated message, and what was typed is kept', async () => {
    await page.goto(`${base}/signin`);
    await expectNoAxeViolations(page, 'sign-in (fr)');
    await page.getByLabel('Adresse e-mail').fill('citizen@demo.raqmana.ma');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.length).toBeGreaterThan(5);
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('citizen@demo.raqmana.ma');
    await expectNoAxeViolations(page, 'sign-in refused (fr)');
  });

  it('the platform operator signs in with the TOTP code and sees the role', async () => {
    await signIn('operator@demo.raqmana.ma');
    const codeBox = page.getByLabel("Code à 6 chiffres de votre application d'authentification");
    await codeBox.waitFor();
    await expectNoAxeViolations(page, 'sign-in TOTP step (fr)');
    await codeBox.fill(new TOTP({ secret: DEMO_TOTP_SECRET }).generate());
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.waitForURL(/\/backoffice$/);
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Menu de l’espace' }).textContent())
      .toContain("Journal d'audit");
    await expectNoAxeViolations(page, 'back office home (operator)');
    await page.getByRole('link', { name: 'Mon espace' }).first().click();
    await page.waitForURL(/\/me$/);
    await expect.poll(() => page.textContent('main')).toContain('Opérateur de la plateforme');
    await expectNoAxeViolations(page, 'my space (operator)');
  });
});
