import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import { startTestApp, type TestApp } from '../harness.js';
import { caughtUp } from '../notified.js';
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

const t = i18n.translator('fr');
// WCAG 2.2, success criterion 2.5.8 (Target Size, Minimum), in CSS pixels.
const MIN_TARGET = 24;

const suiteName = hasChromium
  ? 'notification pages in Chromium'
  : `notification pages in Chromium (skipped: no ${chromiumPath})`;

/** The notifications' own controls on the page, with their rendered boxes. */
function controls(page: Page) {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.notifications button, .notifications .actions a, .watch-form select, .watch-form button, form input[type="checkbox"]',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { what: el.outerHTML.slice(0, 60), width: box.width, height: box.height };
      }),
  );
}

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let topicPath: string;
  const member = { email: 'lea@ruche.test', password: 'un-mot-de-passe-solide' };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    const { admin, community } = await seedCommunity(app, 'alertes');
    const lea = new Client(app.url);
    await lea.api('POST', '/auth/signup', { ...member, displayName: 'Léa Roche' });
    await lea.api('POST', `/communities/${community.id}/join`, { charterVersion: 1 });
    const topic = await lea.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title: 'Où ranger les outils ?', body: 'Je cherche.' },
    );
    topicPath = `/c/${community.slug}/t/${topic.body.topic.id}`;
    await admin.api('POST', `/topics/${topic.body.topic.id}/replies`, { body: 'Dans l’armoire.' });
    await admin.api('PUT', `/topics/${topic.body.topic.id}/reactions/merci`);
    await caughtUp(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('passes axe and keeps 24 px targets on a phone', async () => {
    const context = await frenchContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`${app.url}/signin`);
      await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(member.email);
      await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(member.password);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/signin')),
        page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
      ]);
      const problems: string[] = [];
      let measured = 0;
      for (const path of ['/notifications', '/notifications/preferences', topicPath]) {
        const res = await page.goto(`${app.url}${path}`);
        expect(res?.status(), path).toBe(200);
        const serious = (await axeViolations(page)).filter(isSerious);
        if (serious.length) problems.push(`${path}\n${describeViolations(serious)}`);
        for (const c of await controls(page)) {
          measured++;
          if (c.width < MIN_TARGET || c.height < MIN_TARGET)
            problems.push(`${path} ${c.what}: ${c.width}×${c.height}`);
        }
      }
      expect(problems).toEqual([]);
      // Mark all, mark one, two boxes per kind, the watching level and its button.
      expect(measured).toBeGreaterThan(20);
    } finally {
      await context.close();
    }
  });
});
