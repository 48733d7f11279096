import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, htmlAttrs, launch, signInArabicPhone } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/**
 * Partner exchange in the browser: the Rabat-Salé-Kénitra officer, in Arabic on a 360 px phone,
 * imports a stock count (row errors first, then a valid file: preview, apply, progress to the
 * end) and opens the partner webhooks screen. Every screen is scanned with axe-core.
 */
const JOURNEY_MS = 240_000;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

describe.skipIf(!HAS_CHROMIUM)('reserves partner exchange (browser)', () => {
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
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-exchange-failure.png`, fullPage: true }).catch(() => undefined);
    await context?.close();
  });

  const heading = () => page.locator('main h1').first().textContent();
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);

  it(
    'imports a stock count with row errors, then applies a valid one with progress (ar, 360 px)',
    async () => {
      ({ context, page } = await signInArabicPhone(browser, base, 'reserves.rsk@demo.raqmana.ma'));

      const products = (await (await page.request.get(`${base}/api/v1/reserves/products?pageSize=200`)).json()) as {
        items: { code: string; lotTracked: boolean; serialTracked: boolean; isKit: boolean }[];
      };
      const plain = products.items.filter((p) => !p.lotTracked && !p.serialTracked && !p.isKit).map((p) => p.code);

      await page.goto(`${base}/backoffice/reserves/imports`);
      await poll(heading).toBe('استيراد CSV');
      expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
      await expectNoAxeViolations(page, 'imports (ar, 360 px)');

      // A file with an unknown product: the row error is shown, in Arabic, with its line and column.
      await page.locator('input[type="file"]').setInputFiles({
        name: 'jard-khata.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`warehouse;product;quantity\nPF-04-E1;${plain[0]};5\nPF-04-E1;NO-SUCH;3\n`, 'utf8'),
      });
      await page.getByRole('button', { name: 'التحقق من الملف' }).click();
      await poll(async () => (await page.getByTestId('import-status').textContent()) ?? '').toBe('أخطاء يجب تصحيحها');
      const errors = page.getByTestId('import-errors');
      await poll(() => errors.locator('tbody tr').count()).toBe(1);
      expect(await errors.locator('tbody tr td').first().textContent()).toBe('3');
      expect(await errors.locator('tbody tr').textContent()).toContain('NO-SUCH');
      expect(await page.getByTestId('import-apply').count()).toBe(0);
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'import with row errors (ar, 360 px)');

      // A valid count: preview of the differences, then apply and follow the progress bar.
      const csv = `\uFEFFwarehouse,product,quantity\n${plain
        .slice(0, 3)
        .map((c, i) => `PF-04-E1,${c},${100 + i}`)
        .join('\n')}\n`;
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'jard.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'التحقق من الملف' }).click();
      await poll(async () => (await page.getByTestId('import-status').textContent()) ?? '').toBe('جاهز للتطبيق');
      await poll(() => page.getByTestId('import-preview').locator('tbody tr').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'import preview (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-import-preview-ar-360.png`, fullPage: true });
      await page.getByTestId('import-apply').click();
      await poll(async () => (await page.getByTestId('import-status').textContent()) ?? '').toBe('تم التطبيق');
      expect(await page.getByTestId('import-progress-text').textContent()).toBe('3 / 3 سطراً');
      const bar = page.getByRole('progressbar', { name: '3 / 3 سطراً' });
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'import applied (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-import-applied-ar-360.png`, fullPage: true });
      // The ledger has the counted quantities.
      const stock = (await (
        await page.request.get(`${base}/api/v1/reserves/stock?warehouse=PF-04-E1&product=${plain[1]}`)
      ).json()) as { items: { bin: string; lot: string | null; quantity: number }[] };
      expect(stock.items.find((i) => i.bin === 'GEN' && !i.lot)?.quantity).toBe(101);

      await page.goto(`${base}/backoffice/reserves/webhooks`);
      await poll(heading).toBe('إشعارات الشركاء (Webhooks)');
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'webhooks (ar, 360 px)');

      // A subscription (to a local address nobody answers: deliveries just fail), its secret shown
      // once; then a new secret, while the old one keeps signing for 24 hours.
      await page.getByLabel('اسم الشريك').fill('شريك الاختبار');
      await page.getByLabel('العنوان (URL)').fill('http://127.0.0.1:9/hook');
      await page.getByTestId('webhook-create').click();
      const secretBox = page.getByTestId('webhook-secret');
      await poll(() => secretBox.textContent()).toMatch(/whsec_\S{44}/);
      const first = /whsec_\S{44}/.exec((await secretBox.textContent())!)![0];
      page.once('dialog', (d) => void d.accept());
      await page
        .getByRole('row', { name: /شريك الاختبار/ })
        .getByRole('button', { name: 'تغيير السر' })
        .click();
      await poll(() => page.getByTestId('webhook-previous-secret').textContent()).toContain('السر القديم صالح إلى غاية');
      const second = /whsec_\S{44}/.exec((await secretBox.textContent())!)![0];
      expect(second).not.toBe(first);
      expect(await width()).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'webhook secret rotated (ar, 360 px)');
      await page.screenshot({ path: `${SCREENSHOTS}/reserves-webhooks-ar-360.png`, fullPage: true });
    },
    JOURNEY_MS,
  );
});
