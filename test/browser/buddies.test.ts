// Issue 23 in Chromium: from the welcome queue, an animator welcomes a newcomer and gives them the
// buddy Ruche proposes in two clicks (the proposal is already chosen), with and without
// JavaScript; the queue, the welcome form and the buddies page pass axe-core.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import { caughtUp } from '../notified.js';
import { startTestApp, type TestApp } from '../harness.js';
import {
  adminCredentials,
  chromiumPath,
  expectAccessible,
  frenchContext,
  hasChromium,
  launchBrowser,
  seedCommunity,
  signInThroughForm,
} from './browser.js';

const t = i18n.translator('fr');
const suiteName = hasChromium
  ? 'buddies in Chromium'
  : `buddies in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let slug: string;
  let communityId: number;
  let vera: Client;

  const member = async (displayName: string, email: string, bio: string) => {
    const client = new Client(app.url);
    await client.api('POST', '/auth/signup', {
      email,
      password: 'un-mot-de-passe-solide',
      displayName,
    });
    await client.api('POST', `/communities/${communityId}/join`, { charterVersion: 1 });
    await client.api('PATCH', '/me', { bio });
    return client;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite', {
      MESSAGES_MIN_ACCOUNT_HOURS: '0',
      MESSAGES_NEW_ACCOUNT_DAYS: '0',
    });
    const { community } = await seedCommunity(app, 'parrainage');
    slug = community.slug;
    communityId = community.id;
    vera = await member('Vera Jardin', 'vera@ruche.test', 'Jardinage et repair café');
    await vera.api('POST', `/communities/${communityId}/topics`, {
      title: 'Bonjour',
      body: 'Je m’occupe du jardin partagé.',
    });
    await vera.api('PUT', `/communities/${communityId}/buddy-volunteer`);
    await member('Nina Smith', 'nina@ruche.test', 'Jardinage, vélo');
    await member('Léa Tardive', 'lea@ruche.test', 'Repair café');
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const signIn = (page: Page) => signInThroughForm(page, app.url, adminCredentials);

  for (const [javaScript, name] of [
    [true, 'Nina Smith'],
    [false, 'Léa Tardive'],
  ] as const)
    it(`welcomes with the proposed buddy in two clicks from the queue (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await frenchContext(browser, javaScript);
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${app.url}/c/${slug}/welcome`);
      await expectAccessible(page, javaScript);
      await Promise.all([
        page.waitForURL(/\/welcome\/\d+$/),
        page.getByRole('link', { name: t('welcome.queue.welcome', { name }) }).click(),
      ]);
      const proposed = page.getByRole('radio', { name: /Vera Jardin/ });
      expect(await proposed.isChecked()).toBe(true);
      await expectAccessible(page, javaScript);
      await Promise.all([
        page.waitForURL(`**/c/${slug}/welcome`),
        page.getByRole('button', { name: t('welcome.form.submit') }).click(),
      ]);
      const row = page.locator('tr', { hasText: name });
      expect(await row.textContent()).toContain('Vera Jardin');
      await page.goto(`${app.url}/c/${slug}/buddies`);
      expect(await page.textContent('main')).toContain('Vera Jardin');
      await expectAccessible(page, javaScript);
      await context.close();
    });

  it('tells Vera of the newcomers she accompanies', async () => {
    await caughtUp(app);
    const list = await vera.api<{ notifications: { kind: string; text: string }[] }>(
      'GET',
      '/notifications',
    );
    const texts = list.body.notifications
      .filter((n) => n.kind === 'buddy_assigned')
      .map((n) => n.text);
    expect(texts).toHaveLength(2);
    expect(texts.join(' ')).toContain('Nina Smith');
    expect(texts.join(' ')).toContain('Léa Tardive');
  });
});
