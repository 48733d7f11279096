import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { expectNoAxeViolations, htmlAttrs, launch } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

const PASSWORD = 'demo-Raqmana-2026';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/**
 * Emergency reserves journeys: the national crisis authority sees the dashboard, records movements
 * (a refused dispatch shows which line lacks stock), declares a crisis, files a request on the Al
 * Haouz crisis, allocates (and reads why), dispatches with a waybill, records the delivery and the
 * distribution to a commune, and traces the lot to that commune; the Rabat-Salé-Kénitra officer,
 * in Arabic on a 360 px phone, sees only their platform. Every page is scanned with axe-core.
 */
const JOURNEY_MS = 300_000;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

describe.skipIf(!HAS_CHROMIUM)('emergency reserves (browser)', () => {
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
  afterEach(async (t) => {
    if (t.task.result?.state === 'fail' && page)
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-failure.png`, fullPage: true }).catch(() => undefined);
    await context?.close();
  });

  async function signIn(email: string, lang: 'fr' | 'ar' = 'fr') {
    const L =
      lang === 'fr'
        ? {
            email: 'Adresse e-mail',
            password: 'Mot de passe',
            submit: 'Se connecter',
            code: /Code à 6 chiffres/,
            verify: 'Vérifier',
          }
        : {
            email: 'البريد الإلكتروني',
            password: 'كلمة المرور',
            submit: 'تسجيل الدخول',
            code: /الرمز المكون من 6 أرقام/,
            verify: 'تحقق',
          };
    await page.goto(`${base}/signin`);
    await page.getByLabel(L.email).fill(email);
    await page.getByLabel(L.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: L.submit }).click();
    // Two-factor authentication when the role requires it (demo TOTP secret).
    const codeBox = page.getByLabel(L.code);
    const landed = await Promise.race([
      codeBox.waitFor().then(() => 'code' as const),
      page.waitForURL(/\/backoffice$/).then(() => 'home' as const),
    ]);
    if (landed === 'code') {
      await codeBox.fill(new TOTP({ secret: DEMO_TOTP_SECRET }).generate());
      await page.getByRole('button', { name: L.verify }).click();
      await page.waitForURL(/\/backoffice$/);
    }
  }

  const heading = () => page.locator('main h1').first().textContent();

  /** Picks an option of a Mantine select (typing first when it is searchable). */
  async function choose(
    scope: Page | ReturnType<Page['getByTestId']>,
    label: string | RegExp,
    option: string | RegExp,
    type?: string,
  ) {
    const input = typeof label === 'string' ? scope.getByLabel(label, { exact: true }) : scope.getByLabel(label);
    await input.first().click();
    if (type) await input.first().fill(type);
    const opt = page.getByRole('option', { name: option }).first();
    await opt.waitFor();
    const text = (await opt.textContent()) ?? '';
    await opt.click();
    return text;
  }

  it(
    'the national authority: dashboard, movements, a crisis declared, a request allocated, dispatched, delivered, distributed and traced to the commune',
    async () => {
      context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
      page = await context.newPage();
      await signIn('reserves.national@demo.raqmana.ma');

      // Dashboard of the nation: figures, charts with their tables, alerts.
      await page.goto(`${base}/backoffice/reserves`);
      await poll(heading).toBe('Réserves d’urgence');
      await poll(async () =>
        Number(((await page.getByTestId('fig-units').textContent()) ?? '').replace(/\D/g, '')),
      ).toBeGreaterThan(0);
      await page.getByRole('table', { name: 'Stock par catégorie' }).waitFor();
      await page.getByRole('table', { name: 'Stock par plateforme' }).waitFor();
      await expectNoAxeViolations(page, 'reserves dashboard (nation, fr)');
      // One platform.
      await choose(page, 'Périmètre', /Rabat/);
      await page.waitForURL(/scope=PF-/);
      await page.getByRole('table', { name: 'Ménages et jours de couverture par catégorie' }).waitFor();
      await expectNoAxeViolations(page, 'reserves dashboard (platform, fr)');

      // Stock, filtered by category.
      await page.goto(`${base}/backoffice/reserves/stock`);
      await poll(heading).toBe('Stock');
      await poll(() => page.getByTestId('stock-table').getByRole('row').count()).toBeGreaterThan(1);
      await choose(page, 'Catégorie', 'Abri');
      await page.waitForURL(/category=shelter/);
      await expectNoAxeViolations(page, 'reserves stock (fr)');

      // New movement: a dispatch far above the stock is refused and the line is marked; a receipt is recorded.
      await page.goto(`${base}/backoffice/reserves/movements/new`);
      await poll(heading).toBe('Nouveau mouvement');
      await page.getByTestId('movement-type').click();
      await page.getByRole('option', { name: 'Expédition' }).click();
      const form = page.getByTestId('movement-form');
      await choose(form, /^Entrepôt/, /PF-04-E1/, 'PF-04-E1');
      await choose(form, /^Produit/, /SHL-TENT-FAM/, 'SHL-TENT-FAM');
      await form.getByLabel(/^Quantité/).fill('90000000');
      await page.getByTestId('movement-submit').click();
      await page.getByTestId('line-0-short').waitFor();
      await poll(() => form.getByRole('alert').first().textContent()).toMatch(/Stock insuffisant/);
      await expectNoAxeViolations(page, 'new movement refused (fr)');
      await page.getByTestId('movement-type').click();
      await page.getByRole('option', { name: 'Réception' }).click();
      await form.getByLabel(/^Numéro de lot|^Lot/).fill('E2E-LOT-1');
      await form.getByLabel(/^Quantité/).fill('12');
      await page.getByTestId('movement-submit').click();
      await page.waitForURL(/\/backoffice\/reserves\/movements$/);
      await poll(() => page.getByTestId('movements-table').textContent()).toContain('E2E-LOT-1');
      await expectNoAxeViolations(page, 'movements (fr)');

      // Declare a crisis.
      await page.goto(`${base}/backoffice/reserves/crises`);
      await poll(heading).toBe('Crises');
      await expectNoAxeViolations(page, 'crises (fr)');
      const declare = page.getByTestId('declare-form');
      await choose(declare, /^Nature/, 'Inondation');
      await declare.getByLabel(/^Intitulé/).fill('Inondations de Taroudant (e2e)');
      await declare.getByLabel(/^Gravité/).fill('3');
      await declare.getByLabel(/^Personnes touchées/).fill('1200');
      await declare.getByLabel(/^Provinces et communes/).fill('MA-TAR');
      await declare.getByLabel(/^Provinces et communes/).press('Enter');
      await page.getByTestId('declare-submit').click();
      await page.waitForURL(/\/backoffice\/reserves\/crises\/[^/]+$/);
      await poll(heading).toMatch(/Inondations de Taroudant/);
      await expectNoAxeViolations(page, 'declared crisis (fr)');

      // The Al Haouz crisis: file a request for a commune.
      await page.goto(`${base}/backoffice/reserves/crises`);
      await page.getByTestId('crises-table').getByRole('link').last().waitFor();
      const haouz = page.getByTestId('crises-table').getByRole('row').filter({ hasText: 'Al Haouz' }).getByRole('link');
      await haouz.first().click();
      await poll(heading).toMatch(/Al Haouz/);
      const request = page.getByTestId('request-form');
      const commune = await choose(request, /^Commune/, /COM-/);
      await choose(request, /^Produit ou catégorie/, /SHL-TENT-FAM/, 'SHL-TENT-FAM');
      await page.getByTestId('request-line-0-quantity').fill('3');
      await page.getByTestId('request-submit').click();
      const ourRow = page
        .getByTestId('requests-table')
        .getByRole('row')
        .filter({ hasText: commune.replace(/ \(.*$/, '') });
      await poll(() => ourRow.count()).toBeGreaterThan(0);
      const requestNumber =
        ((await ourRow.first().getByRole('rowheader').textContent()) ?? '').match(/^[A-Z0-9-]+?-\d{6}/)?.[0] ?? '';
      expect(requestNumber).not.toBe('');
      await expectNoAxeViolations(page, 'crisis with requests (fr)');

      // Allocation: run it, read why, replay it.
      await page.getByTestId('allocation-run').click();
      const result = page.getByTestId('allocation-result');
      await poll(() => result.textContent()).toContain(requestNumber);
      await page.getByTestId('allocation-replay').click();
      await poll(() => page.getByTestId('replay-result').textContent()).toMatch(/identique/);
      await expectNoAxeViolations(page, 'allocation run (fr)');

      // Dispatch what was allocated, download the waybill.
      await choose(page, /^Expédier ce qui a été alloué/, new RegExp(requestNumber));
      const dispatchForm = page.getByTestId(`dispatch-form-${requestNumber}`);
      await dispatchForm.waitFor();
      await dispatchForm.getByLabel(/^Véhicule/).fill('12345-A-7');
      await dispatchForm.getByLabel(/^Chauffeur/).fill('Youssef Amrani');
      await page.getByTestId('dispatch-submit').click();
      const waybill = page.getByTestId('waybill-link').first();
      await waybill.waitFor();
      const href = (await waybill.getAttribute('href')) ?? '';
      const pdf = await page.request.get(`${base}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await expectNoAxeViolations(page, 'dispatch in transit (fr)');

      // Proof of delivery, then distribution to the commune.
      const delivery = page.locator('[data-testid^="delivery-form-"]').first();
      await delivery.getByLabel(/^Reçu par/).fill('Caïd de la commune');
      await page.getByTestId('delivery-submit').first().click();
      const distribution = page.locator('[data-testid^="distribution-form-"]').first();
      await distribution.waitFor();
      await page.getByTestId('distribution-quantity').first().fill('2');
      await page.getByTestId('distribution-households').first().fill('2');
      await page.getByTestId('distribution-submit').first().click();
      await distribution.getByRole('status').waitFor();
      await expectNoAxeViolations(page, 'delivered and distributed (fr)');

      // Trace the lot to the commune. Pages of 4 events instead of 200, so that a short history
      // still goes through "show more" (the request is rewritten on its way to the real API).
      const tracePages = /\/api\/v1\/reserves\/trace\?/;
      await page.route(tracePages, (route) =>
        route.continue({
          url: route
            .request()
            .url()
            .replace(/([?&])limit=\d+/, '$1limit=4'),
        }),
      );
      const lotLink = page.locator('[data-testid^="dispatch-"]').getByRole('link', { name: /^lot / }).first();
      await lotLink.click();
      await page.waitForURL(/\/backoffice\/reserves\/trace\?/);
      await poll(heading).toBe('Traçabilité');
      const communes = page.getByTestId('trace-communes-table');
      await poll(() => communes.textContent()).toContain(commune.replace(/ \(.*$/, ''));
      await page.getByTestId('trace-timeline').waitFor();
      // The summary of the whole trace, and how many of its events the page shows.
      await poll(() => page.getByTestId('trace-counts').textContent()).toContain('Distribution');
      const shown = page.getByTestId('trace-shown');
      await poll(() => shown.textContent()).toMatch(/^4 événements affichés sur \d+$/);
      const total = Number(/sur (\d+)$/.exec((await shown.textContent()) ?? '')![1]);
      expect(total).toBeGreaterThan(4);
      const items = page.getByTestId('trace-timeline').locator('li');
      for (let loaded = 4; loaded < total; loaded = Math.min(total, loaded + 4)) {
        expect(await page.getByTestId('trace-more').textContent()).toBe(`Afficher ${Math.min(4, total - loaded)} de plus`);
        await page.getByTestId('trace-more').click();
        await poll(() => items.count()).toBe(Math.min(total, loaded + 4));
      }
      await poll(() => shown.textContent()).toBe(`${total} événements affichés sur ${total}`);
      expect(await page.getByTestId('trace-more').count()).toBe(0);
      await page.unroute(tracePages);
      await expectNoAxeViolations(page, 'trace of a lot (fr)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-trace-fr.png`, fullPage: true });
    },
    JOURNEY_MS,
  );

  it(
    'the Rabat-Salé-Kénitra officer, in Arabic on a 360 px phone, sees only their platform',
    async () => {
      context = await browser.newContext({ locale: 'ar-MA', viewport: { width: 360, height: 740 } });
      page = await context.newPage();
      await signIn('reserves.rsk@demo.raqmana.ma', 'ar');
      await page.goto(`${base}/backoffice/reserves/stock`);
      await poll(heading).toBe('المخزون');
      expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      const table = page.getByTestId('stock-table');
      await poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
      const cells = await table.locator('tbody tr td:first-child').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((c) => c.startsWith('PF-04-'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'stock (ar, 360 px, officer)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-stock-ar-360.png`, fullPage: true });
      // Another platform's stock is refused by the API.
      const other = await page.request.get(`${base}/api/v1/reserves/stock?platform=PF-07`);
      expect(other.status()).toBe(403);
      await page.goto(`${base}/backoffice/reserves`);
      await poll(heading).toBe('المخزون الاحتياطي للطوارئ');
      await poll(async () => (await page.getByTestId('fig-units').textContent()) ?? '').not.toMatch(/^\D*0$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'dashboard (ar, 360 px, officer)');
      // The trace of one of their lots: summary and events, right to left, no sideways scrolling.
      const stock = (await (await page.request.get(`${base}/api/v1/reserves/stock?platform=PF-04&pageSize=200`)).json()) as {
        items: { product: string; lot: string | null }[];
      };
      const item = stock.items.find((i) => i.lot);
      expect(item).toBeDefined();
      await page.goto(
        `${base}/backoffice/reserves/trace?product=${encodeURIComponent(item!.product)}&lot=${encodeURIComponent(item!.lot!)}`,
      );
      await poll(heading).toBe('التتبع');
      await page.getByTestId('trace-timeline').waitFor();
      await poll(() => page.getByTestId('trace-shown').textContent()).toMatch(/^الأحداث المعروضة: \d+ من \d+$/);
      await page.getByTestId('trace-counts').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'trace of a lot (ar, 360 px, officer)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-trace-ar-360.png`, fullPage: true });
    },
    JOURNEY_MS,
  );
});
