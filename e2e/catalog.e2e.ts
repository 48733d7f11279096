import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { expectNoAxeViolations, htmlAttrs, launch, signInArabicPhone } from './browser';
import { HAS_CHROMIUM, SCREENSHOTS, SKIP_MESSAGE } from './env';

const PASSWORD = 'demo-Raqmana-2026';
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const SLUG = 'passeport-biometrique';
const TITLE_FR = 'Passeport biométrique : première demande ou renouvellement';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/**
 * The catalog in a browser: a visitor finds the passport page by typing "jawaz" (with and without
 * JavaScript, and in Arabic on a 360-pixel phone); an editor opens a new draft, changes the French
 * summary, sees the Arabic flagged as possibly out of date, and submits; the reviewer reads the
 * diff and publishes, and the public page shows the new text. Every page visited is scanned with axe-core.
 */
const JOURNEY_MS = 240_000;

describe.skipIf(!HAS_CHROMIUM)('procedures catalog (browser)', () => {
  const base = inject('baseUrl');
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launch();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    return context.newPage();
  }

  /** Signs in with the password (and the TOTP code when the account has one). */
  async function signIn(page: Page, email: string) {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const code = page.getByLabel("Code à 6 chiffres de votre application d'authentification");
    const landed = await Promise.race([
      page.waitForURL(/\/(backoffice|me)(\/|$)/, { timeout: 90_000 }).then(
        () => 'in' as const,
        () => 'none' as const,
      ),
      code.waitFor({ timeout: 90_000 }).then(
        () => 'code' as const,
        () => 'none' as const,
      ),
    ]);
    if (landed === 'code') {
      await code.fill(new TOTP({ secret: DEMO_TOTP_SECRET }).generate());
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.waitForURL(/\/(backoffice|me)(\/|$)/, { timeout: 90_000 });
    }
  }

  const heading = (page: Page) => page.locator('main h1').first().textContent();
  const poll = (fn: () => Promise<unknown>) => expect.poll(fn, { timeout: 60_000 });

  it(
    'a visitor searches "jawaz" on the home page and opens the passport page',
    async () => {
      const page = await open();
      await page.goto(`${base}/`);
      await page.getByRole('searchbox', { name: 'Rechercher une procédure' }).fill('jawaz');
      await page.getByRole('searchbox', { name: 'Rechercher une procédure' }).press('Enter');
      await page.waitForURL(/\/procedures\?q=jawaz/);
      const result = page.getByRole('link', { name: TITLE_FR });
      await result.first().waitFor();
      await expectNoAxeViolations(page, 'search results "jawaz" (fr)');
      // Opening a result tells the catalog (the editors' "no click" report): the search named by its words.
      const clicked = page.waitForResponse((r) => r.url().endsWith('/api/v1/catalog/search/click'));
      await result.first().click();
      const click = await clicked;
      expect(click.status()).toBe(204);
      expect(click.request().postDataJSON()).toMatchObject({ q: 'jawaz', lang: 'fr', rank: 1 });
      await page.waitForURL(new RegExp(`/procedures/${SLUG}$`));
      await poll(() => heading(page)).toBe(TITLE_FR);
      await expectNoAxeViolations(page, 'passport page (fr)');
      // The same from a results page rendered on the server and taken over by the browser.
      await page.goto(`${base}/procedures?q=jawaz`);
      await page.waitForLoadState('networkidle'); // hydrated: the link is the app's, not a plain one
      const again = page.waitForResponse((r) => r.url().endsWith('/api/v1/catalog/search/click'));
      await page.getByRole('link', { name: TITLE_FR }).first().click();
      expect((await again).status()).toBe(204);
      await page.waitForURL(new RegExp(`/procedures/${SLUG}$`));
    },
    JOURNEY_MS,
  );

  it(
    'without JavaScript the results and the procedure page are complete',
    async () => {
      const page = await open({ javaScriptEnabled: false });
      await page.goto(`${base}/procedures?q=jawaz`);
      expect(await page.getByRole('link', { name: TITLE_FR }).count()).toBeGreaterThan(0);
      await page.goto(`${base}/procedures/${SLUG}`);
      expect(await heading(page)).toBe(TITLE_FR);
      const text = (await page.locator('main').textContent()) ?? '';
      // The documents, the fees and the legal basis are in the HTML sent by the server.
      expect(text).toContain('Droit de timbre du passeport');
      expect(text).toContain('e-timbre');
      expect(text.length).toBeGreaterThan(1500);
      // axe needs scripts to run: the same pages with every script of the site blocked instead.
      const noScripts = await open();
      await noScripts.route(/\.m?js(\?|$)/, (route) => route.abort());
      await noScripts.goto(`${base}/procedures?q=jawaz`);
      await expectNoAxeViolations(noScripts, 'search results without scripts');
      await noScripts.goto(`${base}/procedures/${SLUG}`);
      await expectNoAxeViolations(noScripts, 'passport page without scripts');
      // A word found only among a procedure's required documents: the result says where, the word marked.
      await page.goto(`${base}/procedures?q=${encodeURIComponent('dédouanement')}`);
      const snippet = page.locator('.result-snippet').first();
      expect(await snippet.textContent()).toContain('Pièce demandée :');
      expect(await snippet.locator('mark').first().textContent()).toBe('dédouanement');
      await noScripts.goto(`${base}/procedures?q=${encodeURIComponent('dédouanement')}`);
      await expectNoAxeViolations(noScripts, 'search results with a document snippet without scripts');
    },
    JOURNEY_MS,
  );

  it(
    'in Arabic on a 360-pixel phone the search works',
    async () => {
      const page = await open({ locale: 'ar-MA', viewport: { width: 360, height: 740 } });
      await page.goto(`${base}/procedures?lang=ar`);
      const attrs = await htmlAttrs(page);
      expect(attrs).toEqual({ lang: 'ar', dir: 'rtl' });
      const box = page.getByRole('searchbox').first();
      await box.fill('جواز');
      await box.press('Enter');
      await page.waitForURL(/q=/);
      const result = page.getByRole('link', { name: /جواز السفر البيومتري/ });
      await result.first().waitFor();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page, 'search results (ar, 360 px)');
      // The excerpt of a required document, right to left, the word marked.
      const doc = await open({ locale: 'ar-MA', viewport: { width: 360, height: 740 } });
      await doc.goto(`${base}/procedures?lang=ar&q=${encodeURIComponent('الجمركي')}`);
      const snippet = doc.locator('.result-snippet').first();
      expect(await snippet.textContent()).toContain('وثيقة مطلوبة:');
      expect(await snippet.locator('[dir="rtl"] mark').first().textContent()).toBe('الجمركي');
      expect(await doc.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await result.first().click();
      await page.waitForURL(/\/procedures\/passeport-biometrique/);
      await page.locator('main h1').first().waitFor();
      await expectNoAxeViolations(page, 'passport page (ar, 360 px)');
    },
    JOURNEY_MS,
  );

  it(
    'an editor drafts a change, the Arabic is flagged, the reviewer reads the diff and publishes',
    async () => {
      const NEW_SUMMARY = 'Obtenir ou renouveler le passeport biométrique : dépôt au guichet de son lieu de résidence.';
      const editor = await open();
      await signIn(editor, 'editor.catalog@demo.raqmana.ma');
      await editor.goto(`${base}/backoffice/catalog`);
      await poll(() => heading(editor)).toBe('Catalogue des procédures');
      await editor.getByTestId('catalog-procedures').getByRole('row').nth(1).waitFor();
      await expectNoAxeViolations(editor, 'back-office catalog list');

      await editor.goto(`${base}/backoffice/catalog/${SLUG}`);
      await poll(() => heading(editor)).toBe(TITLE_FR);
      await editor.getByTestId('catalog-versions').waitFor();
      await expectNoAxeViolations(editor, 'procedure versions (editor)');
      await editor.getByRole('button', { name: 'Nouveau brouillon à partir de la version publiée' }).click();
      await editor.waitForURL(new RegExp(`/backoffice/catalog/${SLUG}/versions/\\d+$`));
      const summary = editor.locator('[data-field="summary"]');
      const fr = summary.getByRole('textbox', { name: /Français/ });
      await fr.waitFor();
      await expectNoAxeViolations(editor, 'version editor');
      await fr.fill(NEW_SUMMARY);
      await editor.getByTestId('catalog-save').click();
      await editor.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
      // The Arabic summary did not change: it is flagged as possibly out of date.
      await summary.getByTestId('catalog-stale-flag').waitFor();
      expect(await summary.getByTestId('catalog-stale-flag').getAttribute('id')).toContain('summary-ar');
      await expectNoAxeViolations(editor, 'version editor with a translation flag');

      await editor.getByRole('link', { name: 'Retour à la procédure' }).click();
      await editor.waitForURL(new RegExp(`/backoffice/catalog/${SLUG}\\?`));
      await editor.getByRole('button', { name: 'Soumettre à la relecture' }).click();
      await editor.getByTestId('catalog-action-confirm').click();
      const panel = editor.getByTestId('catalog-version-panel');
      await panel.getByText('Soumise à relecture').first().waitFor();
      await expectNoAxeViolations(editor, 'procedure after submission');

      const reviewer = await open();
      await signIn(reviewer, 'reviewer.catalog@demo.raqmana.ma');
      await reviewer.goto(`${base}/backoffice/catalog/${SLUG}`);
      const diff = reviewer.getByTestId('catalog-diff');
      const entry = diff.locator('li').filter({ hasText: 'Résumé' }).filter({ hasText: 'Français' });
      await entry.first().waitFor();
      expect(await entry.first().locator('ins').textContent()).toContain(NEW_SUMMARY);
      expect(await entry.first().locator('del').textContent()).toContain('titre national de voyage');
      expect(await entry.first().textContent()).toContain('Modifié');
      await expectNoAxeViolations(reviewer, 'diff (reviewer)');
      await reviewer.getByRole('button', { name: 'Publier' }).click();
      await reviewer.getByTestId('catalog-action-confirm').click();
      await reviewer.getByTestId('catalog-version-panel').getByText('Publiée').first().waitFor();

      await reviewer.goto(`${base}/procedures/${SLUG}`);
      await poll(async () => (await reviewer.locator('main').textContent()) ?? '').toContain(NEW_SUMMARY);
      await reviewer.screenshot({ path: `${SCREENSHOTS}/catalog-published.png` });
    },
    JOURNEY_MS * 2,
  );

  it(
    'a version dated in the future is scheduled: the back office says from when, the public page keeps the version in force',
    async () => {
      const slug = 'carte-nationale-identite-perte-vol';
      const FUTURE = '2099-03-01';
      const LATER_SUMMARY = 'Texte qui n’entrera en vigueur que le 1er mars 2099.';
      const editor = await open();
      await signIn(editor, 'editor.catalog@demo.raqmana.ma');
      await editor.goto(`${base}/backoffice/catalog/${slug}`);
      await editor.getByTestId('catalog-versions').waitFor();
      await editor.getByRole('button', { name: 'Nouveau brouillon à partir de la version publiée' }).click();
      await editor.waitForURL(new RegExp(`/backoffice/catalog/${slug}/versions/\\d+$`));
      const fr = editor.locator('[data-field="summary"]').getByRole('textbox', { name: /Français/ });
      await fr.waitFor();
      await fr.fill(LATER_SUMMARY);
      await editor.getByLabel("Date d'effet").fill(FUTURE);
      await editor.getByTestId('catalog-save').click();
      await editor.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
      await editor.getByRole('link', { name: 'Retour à la procédure' }).click();
      await editor.getByRole('button', { name: 'Soumettre à la relecture' }).click();
      await editor.getByTestId('catalog-action-confirm').click();
      await editor.getByTestId('catalog-version-panel').getByText('Soumise à relecture').first().waitFor();

      const reviewer = await open();
      await signIn(reviewer, 'reviewer.catalog@demo.raqmana.ma');
      await reviewer.goto(`${base}/backoffice/catalog/${slug}`);
      await reviewer.getByRole('button', { name: 'Publier' }).click();
      // The confirmation says it will be scheduled, not published now.
      await reviewer.getByText('sera programmée').waitFor();
      await reviewer.getByTestId('catalog-action-confirm').click();
      const panel = reviewer.getByTestId('catalog-version-panel');
      await panel.locator('[data-state="scheduled"]').first().waitFor();
      expect(await panel.locator('[data-state="scheduled"]').first().textContent()).toMatch(
        /Programmée — en vigueur le 1 mars 2099/,
      );
      expect(await reviewer.getByTestId('catalog-scheduled-note').textContent()).toContain('1 mars 2099');
      await expectNoAxeViolations(reviewer, 'procedure with a scheduled version');
      await reviewer.goto(`${base}/backoffice/catalog?state=scheduled`);
      await reviewer.getByTestId('catalog-procedures').locator('[data-state="scheduled"]').first().waitFor();

      // The public page still shows the version in force.
      await reviewer.goto(`${base}/procedures/${slug}`);
      await reviewer.locator('main h1').first().waitFor();
      expect(await reviewer.locator('main').textContent()).not.toContain(LATER_SUMMARY);
    },
    JOURNEY_MS * 2,
  );

  it(
    'a citizen reports an unlisted document to the administration they name, which answers; the citizen follows it',
    async () => {
      const page = await open();
      await signIn(page, 'citizen@demo.raqmana.ma');
      await page.goto(`${base}/procedures/certificat-residence`);
      await page.locator('main h1').first().waitFor();
      await page.getByRole('button', { name: 'Faire un signalement' }).click();
      await page.getByLabel('Administration qui a demandé le document').fill('Harhoura');
      // The administrations whose name matches come from the organisations directory: the report goes to the one chosen.
      const harhoura = page.getByTestId('catalog-report-orgs').getByRole('radio', { name: 'Harhoura', exact: true });
      await harhoura.waitFor();
      await harhoura.check();
      await page.getByLabel('Document demandé').fill("Copie de l'acte de mariage des parents");
      await expectNoAxeViolations(page, 'report form with administrations to choose');
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      await page.getByRole('status').filter({ hasText: 'Votre signalement a été transmis.' }).waitFor();
      const mine = (await (await page.request.get(`${base}/api/v1/catalog/my-reports`)).json()) as {
        items: { document: string; org: { code: string }; status: string }[];
      };
      expect(mine.items.find((r) => r.document === "Copie de l'acte de mariage des parents")).toMatchObject({
        org: { code: 'COM-HARHOURA' },
        status: 'open',
      });
      await page.getByRole('link', { name: 'Suivre la réponse' }).click();
      await page.waitForURL(/\/me\/reports$/);
      await page.getByText("Copie de l'acte de mariage des parents").first().waitFor();
      await expectNoAxeViolations(page, 'my reports');

      // The commune's back office receives it and answers; the citizen reads the answer.
      const ANSWER = 'Cette pièce ne peut pas être exigée : rappel fait au bureau concerné.';
      const office = await open();
      await signIn(office, 'commune.catalog@demo.raqmana.ma');
      await office.goto(`${base}/backoffice/catalog/reports`);
      const reports = office.getByTestId('catalog-reports');
      await reports.getByText("Copie de l'acte de mariage des parents").first().waitFor();
      await office.getByRole('button', { name: "Répondre au signalement « Copie de l'acte de mariage des parents »" }).click();
      await office.getByLabel("Votre réponse à l'usager").fill(ANSWER);
      await expectNoAxeViolations(office, 'reports: answer form');
      await office.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await poll(async () => {
        const r = (await (await page.request.get(`${base}/api/v1/catalog/my-reports`)).json()) as {
          items: { document: string; status: string }[];
        };
        return r.items.find((x) => x.document === "Copie de l'acte de mariage des parents")?.status;
      }).toBe('answered');
      await page.reload();
      await page.getByText(ANSWER).waitFor();
      await expectNoAxeViolations(page, 'my reports with an answer');
    },
    JOURNEY_MS,
  );

  it(
    'the catalog back-office screens work in Arabic on a 360-pixel phone',
    async () => {
      const { context, page } = await signInArabicPhone(browser, base, 'editor.catalog@demo.raqmana.ma');
      contexts.push(context);
      for (const [path, label] of [
        ['/backoffice/catalog', 'procedures'],
        [`/backoffice/catalog/${SLUG}`, 'versions'],
        ['/backoffice/catalog/indicators', 'indicators'],
        ['/backoffice/catalog/reports', 'reports'],
        ['/backoffice/catalog/search', 'search quality'],
      ] as const) {
        await page.goto(`${base}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await htmlAttrs(page)).toEqual({ lang: 'ar', dir: 'rtl' });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${label}: wider than the screen`,
        ).toBeLessThanOrEqual(360);
        await expectNoAxeViolations(page, `catalog ${label} (ar, 360 px)`);
        await page.screenshot({ path: `${SCREENSHOTS}/catalog-bo-${label.replace(' ', '-')}-ar-360.png`, fullPage: true });
      }
    },
    JOURNEY_MS * 2,
  );

  it(
    'the editor reads the indicators, the reports and the search-quality screens',
    async () => {
      const page = await open();
      await signIn(page, 'editor.catalog@demo.raqmana.ma');
      await page.goto(`${base}/backoffice/catalog/indicators`);
      await poll(() => heading(page)).toBe('Indicateurs du catalogue');
      await page.getByTestId('catalog-indicator-cards').waitFor();
      await page.getByText('Voir les chiffres en tableau').first().click();
      await expectNoAxeViolations(page, 'indicators');
      await page.goto(`${base}/backoffice/catalog/reports`);
      await poll(() => heading(page)).toBe('Signalements de pièces non prévues');
      await page.getByTestId('catalog-reports').waitFor();
      await expectNoAxeViolations(page, 'reports');
      await page.goto(`${base}/backoffice/catalog/search`);
      await poll(() => heading(page)).toBe('Qualité de la recherche');
      await page.getByTestId('catalog-synonyms').getByRole('status').first().waitFor();
      await expectNoAxeViolations(page, 'search quality');
    },
    JOURNEY_MS,
  );
});
