import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { PASSWORD, join, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import {
  axeViolations,
  chromiumPath,
  describeViolations,
  frenchContext,
  hasChromium,
  isSerious,
  launchBrowser,
  pageShape,
  seedCommunity,
} from './browser.js';

const t = i18n.translator('fr');
// WCAG 2.2, success criterion 2.5.8 (Target Size, Minimum), in CSS pixels.
const MIN_TARGET = 24;

if (!hasChromium) console.warn(`Browser suite skipped: ${chromiumPath} does not exist.`);

/** axe-core finds nothing serious, the page keeps its shape, and its controls are 24 px or more. */
async function expectAccessible(page: Page) {
  const serious = (await axeViolations(page)).filter(isSerious);
  expect(serious, describeViolations(serious)).toEqual([]);
  const shape = await pageShape(page);
  expect(shape).toMatchObject({ mains: 1, h1s: 1 });
  // The layout's own live island aside (src/live/), no active content, in messages above all.
  expect(shape.active.length).toBe(
    await page.locator('head script[src="/assets/live.js"]').count(),
  );
  expect(await page.locator('main script, main iframe, main object, main embed').count()).toBe(0);
  const small = await page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'main input:not([type="hidden"]), main textarea, main button, .site-header a, .actions a, .pager a',
    );
    return [...controls]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ what: el.outerHTML.slice(0, 60), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < min || box.height < min)
      .map(({ what }) => what);
  }, MIN_TARGET);
  expect(small).toEqual([]);
}

async function signIn(page: Page, url: string, email: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/signin')),
    page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
  ]);
}

const suiteName = hasChromium ? 'in Chromium' : `in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(databases)('private messages, in French (%s)', (kind) => {
    let app: TestApp;
    let contexts: BrowserContext[] = [];
    beforeAll(async () => {
      app = await startTestApp(kind, {
        MESSAGES_MIN_ACCOUNT_HOURS: '0',
        MESSAGES_NEW_ACCOUNT_DAYS: '0',
      });
    });
    afterAll(async () => {
      for (const c of contexts) await c.close();
      contexts = [];
      await app?.close();
    });

    it(
      'writes from a profile, reads unread, answers, and blocks',
      { timeout: 120_000 },
      async () => {
        const { community } = await seedCommunity(app, 'messagerie');
        const agathe = await newMember(app, 'Agathe Expéditrice');
        const basile = await newMember(app, 'Basile Destinataire');
        for (const m of [agathe, basile]) await join(m.client, community.id);

        // The pages need no JavaScript (test/integration/messages.test.ts drives them as forms);
        // axe-core does, to run in the page.
        const a = await frenchContext(browser);
        const b = await frenchContext(browser);
        contexts.push(a, b);
        for (const c of [a, b]) c.setDefaultTimeout(15_000);
        const pageA = await a.newPage();
        const pageB = await b.newPage();
        await signIn(pageA, app.url, agathe.email);
        await signIn(pageB, app.url, basile.email);

        // Agathe writes from Basile's profile.
        await pageA.goto(`${app.url}/u/${basile.handle}`);
        await expectAccessible(pageA);
        await Promise.all([
          pageA.waitForURL(/\/messages\/new\?to=/),
          pageA
            .getByRole('link', {
              name: t('messages.profile.write', { name: 'Basile Destinataire' }),
            })
            .click(),
        ]);
        await expectAccessible(pageA);
        expect(
          await pageA.getByLabel(t('messages.field.recipients'), { exact: true }).inputValue(),
        ).toBe(basile.handle);
        // Sent empty first: the form says so, focusable and announced, keeping the recipients.
        await pageA.getByRole('button', { name: t('messages.send') }).click();
        await pageA.waitForLoadState();
        expect(await pageA.getByRole('alert').first().isVisible()).toBe(true);
        await expectAccessible(pageA);
        await pageA
          .getByLabel(t('messages.field.body'), { exact: true })
          .fill('Bonjour Basile, **merci** pour les cadres de ruche !');
        await Promise.all([
          pageA.waitForURL(/\/messages\/\d+#message-\d+$/),
          pageA.getByRole('button', { name: t('messages.send') }).click(),
        ]);
        expect(await pageA.getByText(t('messages.flash.sent')).isVisible()).toBe(true);
        await expectAccessible(pageA);

        // Basile sees the unread count in the header, then the conversation marked new.
        await pageB.goto(`${app.url}/`);
        const link = pageB.locator('.site-header').getByRole('link', { name: /^Messages/ });
        expect(await link.getAttribute('href')).toBe('/messages');
        expect(await link.textContent()).toContain(t('nav.messagesUnread', { count: 1 }));
        await link.click();
        await pageB.waitForURL(/\/messages$/);
        expect(
          await pageB
            .locator('main')
            .getByText(t('messages.unread', { count: 1 }))
            .isVisible(),
        ).toBe(true);
        await expectAccessible(pageB);
        await pageB.getByRole('link', { name: 'Agathe Expéditrice' }).click();
        await pageB.waitForURL(/\/messages\/\d+$/);
        expect(await pageB.getByText(t('messages.thread.new'), { exact: true }).isVisible()).toBe(
          true,
        );
        expect(await pageB.locator('.prose strong').textContent()).toBe('merci');
        await expectAccessible(pageB);
        // Read now: the header counts nothing more.
        expect(await link.textContent()).toBe(t('nav.messages'));
        await pageB.getByLabel(t('messages.field.body'), { exact: true }).fill('Avec plaisir !');
        await Promise.all([
          pageB.waitForURL(/#message-\d+$/),
          pageB.getByRole('button', { name: t('messages.send') }).click(),
        ]);
        expect(await pageB.getByText('Avec plaisir !').isVisible()).toBe(true);

        // Basile blocks Agathe from her profile; she is told when she answers.
        await pageB.goto(`${app.url}/u/${agathe.handle}`);
        await Promise.all([
          pageB.waitForURL(new RegExp(`/u/${agathe.handle}$`)),
          pageB
            .getByRole('button', {
              name: t('messages.profile.block', { name: 'Agathe Expéditrice' }),
            })
            .click(),
        ]);
        expect(
          await pageB
            .getByRole('button', {
              name: t('messages.profile.unblock', { name: 'Agathe Expéditrice' }),
            })
            .isVisible(),
        ).toBe(true);
        await pageB.goto(`${app.url}/account/blocks`);
        expect(
          await pageB.getByRole('link', { name: 'Agathe Expéditrice', exact: true }).isVisible(),
        ).toBe(true);
        await expectAccessible(pageB);

        await pageA.reload();
        await pageA.getByLabel(t('messages.field.body'), { exact: true }).fill('Tu es fâché ?');
        await pageA.getByRole('button', { name: t('messages.send') }).click();
        await pageA.waitForLoadState();
        expect(
          await pageA
            .getByRole('alert')
            .getByText(t('messages.error.blockedYou', { name: `@${basile.handle}` }))
            .isVisible(),
        ).toBe(true);
        expect(await pageA.getByLabel(t('messages.field.body'), { exact: true }).inputValue()).toBe(
          'Tu es fâché ?',
        );
        await expectAccessible(pageA);

        // Leaving is a step of its own.
        await pageA.getByRole('link', { name: t('messages.leave.link') }).click();
        await pageA.waitForURL(/\/leave$/);
        await expectAccessible(pageA);
        await Promise.all([
          pageA.waitForURL(/\/messages$/),
          pageA.getByRole('button', { name: t('messages.leave.submit') }).click(),
        ]);
        expect(await pageA.getByText(t('messages.none')).isVisible()).toBe(true);
        await expectAccessible(pageA);
      },
    );
  });
});
