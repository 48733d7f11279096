import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, htmlAttrs, launch, signInArabicPhone } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/**
 * Supply in the browser: the Rabat-Salé-Kénitra officer, in Arabic on a 360 px phone, lists the
 * platform's orders and donations, opens the tents order, records a partial reception with a lot,
 * checks its quality and puts it away to a storage bin. Every page is scanned with axe-core.
 */
const JOURNEY_MS = 300_000;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

describe.skipIf(!HAS_CHROMIUM)('reserves supply (browser)', () => {
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
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-supply-failure.png`, fullPage: true }).catch(() => undefined);
    await context?.close();
  });

  const heading = () => page.locator('main h1').first().textContent();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);

  it(
    'the Rabat-Salé-Kénitra officer receives, checks and puts away (ar, 360 px)',
    async () => {
      ({ context, page } = await signInArabicPhone(browser, base, 'reserves.rsk@demo.raqmana.ma'));

      await page.goto(`${base}/backoffice/reserves/supply`);
      await poll(heading).toBe('التموين');
      expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      const table = page.getByTestId('supply-orders');
      await poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
      const numbers = await table.getByRole('link').allTextContents();
      expect(numbers.length).toBeGreaterThan(0);
      // Only the officer's platform.
      expect(numbers.every((n) => /-PF-04-/.test(n))).toBe(true);
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'supply orders (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-supply-ar-360.png`, fullPage: true });
      // Another platform's orders are out of reach of the API.
      const other = await page.request.get(`${base}/api/v1/reserves/supply/orders?platform=PF-07`);
      expect(((await other.json()) as { total: number }).total).toBe(0);

      // The tents order, partly received.
      const tents = await page.request.get(`${base}/api/v1/reserves/supply/orders?status=partially_received&kind=purchase`);
      const number = ((await tents.json()) as { items: { number: string }[] }).items[0]!.number;
      await page.goto(`${base}/backoffice/reserves/supply/${number}`);
      await poll(heading).toContain(number);
      await page.getByTestId('order-lines').waitFor();
      const receptionsBefore = await page.locator('[data-testid^="reception-REC-"]').count();
      await expectNoAxeViolations(page, 'supply order (ar, 360 px)');

      // A partial reception of line 1 with its lot.
      await page.getByTestId('receive-qty-1').fill('10');
      await page.getByTestId('receive-lot-1').fill('E2E-TENT-1');
      await page.getByTestId('reception-submit').click();
      await poll(() => page.locator('[data-testid^="reception-REC-"]').count()).toBe(receptionsBefore + 1);
      const card = page.locator('[data-testid^="reception-REC-"]').last();
      // Quality check: all 10 accepted.
      await card.locator('[data-testid="qc-accepted-1"]').fill('10');
      await card.locator('[data-testid^="qc-submit-"]').click();
      await card.locator('[data-testid^="putaway-REC-"]').waitFor();
      // Put-away to bin A-01.
      await card.locator('[data-testid="putaway-bin-1"]').click();
      await page.getByRole('option', { name: /^A-01/ }).first().click();
      await card.locator('[data-testid^="putaway-submit-"]').click();
      await poll(() => card.locator('[data-testid^="putaway-REC-"]').count()).toBe(0);
      await poll(async () => (await card.locator('tbody tr').last().textContent()) ?? '').toContain('E2E-TENT-1');
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'supply order after put-away (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-supply-order-ar-360.png`, fullPage: true });
    },
    JOURNEY_MS,
  );
});
