import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember } from '../fixtures.js';
import { startTestApp, type TestApp } from '../harness.js';
import { chromiumPath, frenchContext, hasChromium, launchBrowser } from './browser.js';

const suiteName = hasChromium
  ? 'live updates in Chromium'
  : `live updates in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let t: TestApp;

  beforeAll(async () => {
    browser = await launchBrowser();
    t = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('hands an event pushed to the member to their open page, without reload', async () => {
    const member = await newMember(t, 'Léa');
    const context = await frenchContext(browser);
    const [name = '', value = ''] = member.client.cookieHeader().split('; ')[0]?.split('=') ?? [];
    await context.addCookies([{ name, value, url: t.url }]);
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    // What a page part listening for live events would see.
    await page.evaluate(() => {
      const w = window as unknown as { got: unknown[] };
      w.got = [];
      document.addEventListener('ruche:live', (e) => w.got.push((e as CustomEvent).detail));
    });
    // The stream is open once the server counts it.
    for (let i = 0; i < 100 && t.app.live.streams.count() === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.app.live.streams.count()).toBe(1);

    await t.app.live.pushToMember(member.id, { type: 'notification', unread: 2 });
    await page.waitForFunction(() => (window as unknown as { got: unknown[] }).got.length > 0);
    expect(await page.evaluate(() => (window as unknown as { got: unknown[] }).got)).toEqual([
      { type: 'notification', unread: 2 },
    ]);
    await context.close();
  });
});
