import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { startTestApp, type TestApp } from '../harness.js';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  frenchContext,
  hasChromium,
  isSerious,
  launchBrowser,
  seedCommunity,
} from './browser.js';

const fr = i18n.translator('fr');
const en = i18n.translator('en');

const suiteName = hasChromium
  ? 'confirmations in Chromium'
  : `confirmations in Chromium (skipped: no ${chromiumPath})`;

/** Sends a form and waits for the page it leads to. */
async function send(page: Page, button: ReturnType<Page['getByRole']>) {
  await Promise.all([page.waitForURL(() => true, { waitUntil: 'load' }), button.click()]);
}

/** The confirmation the page shows, if any: what a screen reader hears as a status. */
async function status(page: Page): Promise<string[]> {
  return page.getByRole('status').allTextContents();
}

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let community: { slug: string; name: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    community = (await seedCommunity(app, 'accueil')).community;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  describe.each([
    { js: true, label: 'with JavaScript' },
    { js: false, label: 'without JavaScript' },
  ])('after each action, a confirmation on the next page, once ($label)', ({ js }) => {
    it('welcomes a new member, confirms joining and leaving, in French', async () => {
      const context = await frenchContext(browser, js);
      const page = await context.newPage();
      const name = js ? 'Awa Diallo' : 'Élise Moreau';
      try {
        await page.goto(`${app.url}/signup`);
        await page.getByLabel(fr('accounts.field.displayName'), { exact: true }).fill(name);
        await page
          .getByLabel(fr('accounts.field.email'), { exact: true })
          .fill(`${js ? 'awa' : 'elise'}@ruche.test`);
        await page
          .getByLabel(fr('accounts.field.password'), { exact: true })
          .fill('un-mot-de-passe-solide');
        await send(page, page.getByRole('button', { name: fr('accounts.signup.submit') }));
        expect(await status(page)).toEqual([fr('accounts.flash.welcome', { name })]);
        if (js) {
          // axe-core runs as a script in the page.
          const violations = (await axeViolations(page)).filter(isSerious);
          expect(violations, describeViolations(violations)).toEqual([]);
        }
        // Shown once: the next page says nothing more.
        await page.reload();
        expect(await status(page)).toEqual([]);

        await page.goto(`${app.url}/c/${community.slug}/charter`);
        await page.getByLabel(fr('communities.charter.accept'), { exact: true }).check();
        await send(page, page.getByRole('button', { name: fr('communities.charter.join') }));
        expect(new URL(page.url()).pathname).toBe(`/c/${community.slug}`);
        expect(await status(page)).toEqual([
          fr('communities.flash.joined', { name: community.name }),
        ]);

        await page.goto(`${app.url}/c/${community.slug}/new`);
        await page.getByLabel(fr('conversations.field.title'), { exact: true }).fill('Bonjour');
        await page.getByLabel(fr('conversations.field.body'), { exact: true }).fill('Me voici.');
        await send(page, page.getByRole('button', { name: fr('conversations.compose.submit') }));
        expect(await status(page)).toEqual([fr('conversations.flash.published')]);

        await send(page, page.getByRole('button', { name: fr('nav.signout') }));
        expect(await status(page)).toEqual([fr('accounts.flash.signedOut')]);
      } finally {
        await context.close();
      }
    });
  });

  it('says it in English to an English reader', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const name = 'Grace Hopper';
    try {
      await page.goto(`${app.url}/signup`);
      await page.getByLabel(en('accounts.field.displayName'), { exact: true }).fill(name);
      await page.getByLabel(en('accounts.field.email'), { exact: true }).fill('grace@ruche.test');
      await page
        .getByLabel(en('accounts.field.password'), { exact: true })
        .fill('a-solid-password-1');
      await send(page, page.getByRole('button', { name: en('accounts.signup.submit') }));
      expect(await status(page)).toEqual([en('accounts.flash.welcome', { name })]);
    } finally {
      await context.close();
    }
  });
});
