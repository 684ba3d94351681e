// Issue 23 in Chromium: the profile with badges, the spotlight proposal the member answers, and
// the community's home with the accepted spotlight pass axe-core, with and without JavaScript.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardBadges } from '../../src/recognition/index.js';
import { Client } from '../client.js';
import { startTestApp, type TestApp } from '../harness.js';
import {
  chromiumPath,
  expectAccessible,
  frenchContext,
  hasChromium,
  launchBrowser,
  seedCommunity,
  signInThroughForm,
} from './browser.js';

const suiteName = hasChromium
  ? 'recognition pages in Chromium'
  : `recognition pages in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let slug: string;
  let spotlightId: number;
  const member = { email: 'ines@ruche.test', password: 'un-mot-de-passe-solide' };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    const { admin, community } = await seedCommunity(app, 'merci');
    slug = community.slug;
    const ines = new Client(app.url);
    await ines.api('POST', '/auth/signup', { ...member, displayName: 'Inès Morel' });
    await ines.api('POST', `/communities/${community.id}/join`, { charterVersion: 1 });
    const topic = await admin.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title: 'Qui connaît un bon vélociste ?', body: 'Près du local.' },
    );
    await ines.api('POST', `/topics/${topic.body.topic.id}/replies`, { body: 'Rue des Lilas.' });
    await awardBadges(app.store, Date.now());
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const made = await admin.api<{ spotlight: { id: number } }>(
      'POST',
      `/communities/${community.id}/spotlights`,
      {
        handle: 'ines-morel',
        portrait: 'Inès répond à toutes les questions sur les vélos.',
        until,
      },
    );
    spotlightId = made.body.spotlight.id;
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const signIn = (page: Page) => signInThroughForm(page, app.url, member);

  for (const javaScript of [true, false])
    it(`shows badges and the accepted spotlight, accessibly (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await frenchContext(browser, javaScript);
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${app.url}/u/ines-morel`);
      await expect(page.getByRole('heading', { name: 'Badges' }).count()).resolves.toBe(1);
      expect(await page.textContent('.profile-badges')).toContain('Première réponse');
      await expectAccessible(page, javaScript);

      await page.goto(`${app.url}/spotlights/${spotlightId}`);
      await expectAccessible(page, javaScript);
      if (javaScript) {
        // The first walk accepts; the second finds it accepted.
        await Promise.all([
          page.waitForURL(`**/spotlights/${spotlightId}`),
          page.getByRole('button', { name: 'J’accepte' }).click(),
        ]);
      }
      expect(await page.textContent('main')).toContain('Vous avez accepté');

      await page.goto(`${app.url}/c/${slug}`);
      expect(await page.textContent('.spotlight')).toContain('Inès Morel, à l’honneur');
      await expectAccessible(page, javaScript);
      await page.goto(`${app.url}/c/${slug}/badges`);
      await expectAccessible(page, javaScript);
      await context.close();
    });
});
