// Issue 22, done-when item 4, in French: a member mentioned in a reply sees the unread count of
// their open page change without reload; without JavaScript they find the notification on
// /notifications and mark it read; axe passes on the notifications' pages.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { createUnsubscribe } from '../../src/mail/index.js';
import { pulseAnimationPath } from '../../src/pulse/index.js';
import { Client } from '../client.js';
import { startTestApp, type TestApp } from '../harness.js';
import {
  adminCredentials,
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

const suiteName = hasChromium
  ? 'a mention, live and without JavaScript, in Chromium'
  : `a mention, live and without JavaScript, in Chromium (skipped: no ${chromiumPath})`;

const lea = { email: 'lea.roche@ruche.test', password: 'un-mot-de-passe-solide' };
const title = 'Qui peut tenir le stand samedi ?';

/** Signs in through the page's own form (works with JavaScript on or off). */
async function signIn(page: Page, url: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(lea.email);
  await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(lea.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/signin')),
    page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
  ]);
}

/** The header's unread badge and its visually-hidden label, as a reader is given them. */
function header(page: Page) {
  return page.evaluate(() => {
    const badge = document.querySelector<HTMLElement>('[data-unread]');
    const label = document.querySelector<HTMLElement>('[data-unread-label]');
    return {
      badge: badge?.textContent ?? null,
      badgeShown: badge ? !badge.hidden && badge.getClientRects().length > 0 : false,
      label: label?.textContent?.trim() ?? null,
      labelHidden: label?.hidden ?? null,
    };
  });
}

/** The polite live region a screen reader reads out when notifications arrive. */
function announcement(page: Page) {
  return page.evaluate(() => {
    const regions = [...document.querySelectorAll<HTMLElement>('[aria-live="polite"]')];
    return regions.map((r) => ({
      text: r.textContent,
      isVisuallyHidden: r.classList.contains('visually-hidden') && r.getClientRects().length > 0,
    }));
  });
}

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let community: { id: number; slug: string };
  let topicId: number;
  let marc: Client;
  let leaHandle: string;
  const contexts: BrowserContext[] = [];
  /** B's page with JavaScript on, signed in by the first test. */
  let livePage: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    const seeded = await seedCommunity(app, 'benevoles');
    community = seeded.community;
    const b = new Client(app.url);
    const signup = await b.api<{ user: { handle: string } }>('POST', '/auth/signup', {
      ...lea,
      displayName: 'Léa Roche',
    });
    expect(signup.status).toBe(201);
    leaHandle = signup.body.user.handle;
    await b.api('POST', `/communities/${community.id}/join`, { charterVersion: 1 });
    marc = new Client(app.url);
    await marc.api('POST', '/auth/signup', {
      email: 'marc.dupont@ruche.test',
      password: 'un-autre-mot-de-passe',
      displayName: 'Marc Dupont',
    });
    await marc.api('POST', `/communities/${community.id}/join`, { charterVersion: 1 });
    const topic = await seeded.admin.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title, body: 'Il nous manque une personne l’après-midi.' },
    );
    expect(topic.status).toBe(201);
    topicId = topic.body.topic.id;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  it('shows the new unread count in the header of B’s open page, without reload', async () => {
    const context = await frenchContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    livePage = page;
    await signIn(page, app.url);
    await page.goto(`${app.url}/c/${community.slug}`);
    expect(await header(page)).toEqual({
      badge: '',
      badgeShown: false,
      label: '',
      labelHidden: true,
    });
    expect(await announcement(page)).toEqual([{ text: '', isVisuallyHidden: true }]);
    // A mark that a reload would wipe out.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    // The page's stream is open once the server counts it.
    for (let i = 0; i < 250 && app.app.live.streams.count() === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.app.live.streams.count()).toBe(1);

    const reply = await marc.api('POST', `/topics/${topicId}/replies`, {
      body: `Je ne peux pas, mais @${leaHandle} connaît bien le stand.`,
    });
    expect(reply.status).toBe(201);
    await page.waitForFunction(
      () => document.querySelector('[data-unread]')?.textContent === '1',
      undefined,
      { timeout: 5_000 },
    );
    expect(await header(page)).toEqual({
      badge: '1',
      badgeShown: true,
      label: 'non lue',
      labelHidden: false,
    });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    // What a screen reader reads for the link: the count and its words.
    const link = page.getByRole('link', { name: /^Notifications 1 non lue$/ });
    expect(await link.count()).toBe(1);
    // And what it says aloud, unasked, in the page's language.
    await page.waitForFunction(
      () => document.querySelector('[aria-live="polite"]')?.textContent !== '',
      undefined,
      { timeout: 5_000 },
    );
    expect(await announcement(page)).toEqual([
      { text: '1 nouvelle notification', isVisuallyHidden: true },
    ]);
    expect(t('nav.newNotifications', { count: 3 })).toBe('3 nouvelles notifications');
    const serious = (await axeViolations(page)).filter(isSerious);
    expect(describeViolations(serious)).toBe('');
  });

  // axe-core runs as a script in the page: this is B's page with JavaScript on, the mention
  // still unread. (test/browser/messages.test.ts checks the private messages' pages.)
  it('passes axe on the notifications page and the preferences page', async () => {
    const problems: string[] = [];
    for (const path of ['/notifications', '/notifications/preferences']) {
      const res = await livePage.goto(`${app.url}${path}`);
      expect(res?.status(), path).toBe(200);
      if (path === '/notifications')
        expect(await livePage.locator('.notification-list li.unread').count()).toBe(1);
      const serious = (await axeViolations(livePage)).filter(isSerious);
      if (serious.length) problems.push(`${path}\n${describeViolations(serious)}`);
    }
    expect(problems).toEqual([]);
  });

  it('passes axe on the one-click unsubscribe page and on the animators’ pulse page', async () => {
    // The link a mention email carries, signed as the server signs it (testConfig's secret).
    const links = createUnsubscribe({
      secret: 'test-secret-test-secret-test-secret-0000',
      publicUrl: app.url,
      validMs: 86_400_000,
    });
    links.register({
      name: 'mention',
      label: () => '',
      apply: () => Promise.resolve(false),
      settingsPath: '/notifications/preferences',
    });
    const lea = await app.store.db
      .selectFrom('users')
      .select('id')
      .where('handle', '=', leaHandle)
      .executeTakeFirstOrThrow();
    const context = await frenchContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (url: string, heading: string) => {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(heading);
      const serious = (await axeViolations(page)).filter(isSerious);
      if (serious.length) problems.push(`${url}\n${describeViolations(serious)}`);
    };
    await check(links.url(Number(lea.id), 'mention'), t('mail.unsubscribe.title'));
    await page.goto(`${app.url}/signin`);
    await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(adminCredentials.email);
    await page
      .getByLabel(t('accounts.field.password'), { exact: true })
      .fill(adminCredentials.password);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/signin')),
      page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
    ]);
    await check(`${app.url}${pulseAnimationPath(community.slug)}`, '');
    expect(problems).toEqual([]);
  });

  it('finds the mention on /notifications without JavaScript, and marks it read', async () => {
    const context = await frenchContext(browser, false);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, app.url);
    await page.goto(`${app.url}/notifications`);
    const text = t('notifications.text.mention', { name: 'Marc Dupont', title });
    expect(text).toBe(`Marc Dupont vous a mentionné·e dans « ${title} »`);
    const item = page.locator('.notification-list li', { hasText: text });
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('class')).toContain('unread');
    expect(await item.locator('.badge').textContent()).toBe('non lue');
    expect(await item.getByRole('link', { name: text }).getAttribute('href')).toMatch(
      new RegExp(`^/c/${community.slug}/t/${topicId}#reply-\\d+$`),
    );
    expect(await header(page)).toMatchObject({ badge: '1', label: 'non lue' });

    await Promise.all([
      page.waitForURL((u) => u.pathname === '/notifications'),
      item.getByRole('button', { name: 'Marquer comme lue' }).click(),
    ]);
    expect(await page.getByText('Notification marquée comme lue.').count()).toBe(1);
    const after = page.locator('.notification-list li', { hasText: text });
    expect(await after.getAttribute('class')).toBe('notification');
    expect(await after.locator('.badge').count()).toBe(0);
    expect(await page.getByText('Tout est lu.').count()).toBe(1);
    expect(await header(page)).toMatchObject({ badge: '', label: '', labelHidden: true });
  });
});
