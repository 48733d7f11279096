import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, htmlAttrs, launch, signInArabicPhone } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/**
 * Maintenance and alerts in the browser: the Marrakech-Safi officer, in Arabic on a 360 px phone,
 * sees the platform's alerts grouped by kind, the equipment with its readiness, a unit with its
 * plans and work orders, opens a corrective work order and closes it. Every page is scanned with
 * axe-core and must not scroll sideways.
 */
const JOURNEY_MS = 300_000;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

describe.skipIf(!HAS_CHROMIUM)('reserves maintenance and alerts (browser)', () => {
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
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-maintenance-failure.png`, fullPage: true }).catch(() => undefined);
    await context?.close();
  });

  const heading = () => page.locator('main h1').first().textContent();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);

  it(
    'the Marrakech-Safi officer reads the alerts and maintains a generator (ar, 360 px)',
    async () => {
      ({ context, page } = await signInArabicPhone(browser, base, 'reserves.marrakech@demo.raqmana.ma'));

      // Alerts: every kind of the Al Haouz scenario, grouped, with counts.
      await page.goto(`${base}/backoffice/reserves/alerts`);
      await poll(heading).toBe('التنبيهات');
      expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      await page.getByTestId('alerts-maintenance_overdue').waitFor();
      await page.getByTestId('alerts-transit_late').waitFor();
      await page.getByTestId('alerts-below_minimum').waitFor();
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'alerts (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-alerts-ar-360.png`, fullPage: true });

      // Equipment: the platform's units with their readiness.
      await page.goto(`${base}/backoffice/reserves/equipment?platform=PF-07`);
      await poll(heading).toBe('المعدات والصيانة');
      const table = page.getByTestId('equipment-table');
      await poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'equipment (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-equipment-ar-360.png`, fullPage: true });

      // A ready generator: open a corrective order, close it.
      const units = await page.request.get(`${base}/api/v1/reserves/equipment?platform=PF-07&status=ready&product=EN-GEN-20`);
      const serial = ((await units.json()) as { items: { serial: string }[] }).items[0]!.serial;
      await page.goto(`${base}/backoffice/reserves/equipment/${serial}`);
      await poll(heading).toContain(serial);
      await page.getByTestId('plan-dues').waitFor();
      await expectNoAxeViolations(page, 'equipment unit (ar, 360 px)');
      expect(await width()).toBeLessThanOrEqual(360);
      await page.getByTestId('new-work-order').click();
      await page.getByTestId('work-order-form').waitFor();
      await page.getByLabel('العطب المعاين').fill('تسرب زيت المحرك');
      await expectNoAxeViolations(page, 'work order form (ar, 360 px)');
      await page.getByRole('button', { name: 'فتح أمر العمل' }).click();
      await page.waitForURL(/\/work-orders\/OT-PF-07-/);
      await poll(() => page.getByTestId('wo-status').textContent()).toBe('مفتوح');
      await page.getByLabel('الأشغال المنجزة').fill('تغيير الحشوة');
      await expectNoAxeViolations(page, 'work order (ar, 360 px)');
      expect(await width()).toBeLessThanOrEqual(360);
      await page.getByTestId('wo-close').click();
      await poll(() => page.getByTestId('wo-status').textContent()).toBe('مغلق');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-work-order-ar-360.png`, fullPage: true });
    },
    JOURNEY_MS,
  );
});
