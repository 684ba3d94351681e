import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import { startTestApp, type TestApp } from '../harness.js';
import {
  adminCredentials,
  chromiumPath,
  hasChromium,
  launchBrowser,
  seedCommunity,
} from './browser.js';

const t = i18n.translator('fr');
// WCAG 2.2, success criterion 2.5.8 (Target Size, Minimum), in CSS pixels.
const MIN_TARGET = 24;

const suiteName = hasChromium
  ? 'target sizes in Chromium'
  : `target sizes in Chromium (skipped: no ${chromiumPath})`;

/**
 * Every control standing alone on the page, with its rendered box: fields, boxes, radios,
 * buttons, and the links that are not inside a sentence (navigation, actions, pages).
 */
function measureTargets(page: Page) {
  return page.evaluate(() => {
    const selector = [
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'button',
      '.site-header a',
      '.actions a',
      '.pager a',
      '.post-actions a',
    ].join(', ');
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const box = el.getBoundingClientRect();
        const type = el.getAttribute('type');
        const name = (el.textContent ?? '').trim() || el.getAttribute('name') || el.id;
        return {
          what: `<${el.tagName.toLowerCase()}${type ? ` type=${type}` : ''}> ${name.slice(0, 30)}`,
          width: Math.round(box.width * 10) / 10,
          height: Math.round(box.height * 10) / 10,
        };
      });
  });
}

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let community: { id: number; slug: string; name: string };
  let topicId: number;
  let replyId: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    let admin: Client;
    ({ admin, community } = await seedCommunity(app, 'cibles'));
    await admin.api('POST', `/communities/${community.id}/groups`, {
      slug: 'atelier',
      name: 'Atelier',
      visibility: 'public',
    });
    const member = new Client(app.url);
    await member.api('POST', '/auth/signup', {
      email: 'ines@ruche.test',
      password: 'un-mot-de-passe-solide',
      displayName: 'Inès Roche',
    });
    await member.api('POST', `/communities/${community.id}/join`, { charterVersion: 1 });
    const topic = await member.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title: 'Où ranger les outils ?', body: 'Je cherche.' },
    );
    topicId = topic.body.topic.id;
    const reply = await admin.api<{ reply: { id: number } }>('POST', `/topics/${topicId}/replies`, {
      body: 'Dans l’armoire du fond.',
    });
    replyId = reply.body.reply.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws every box, radio and small control at 24×24 px or more, on a phone', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    const tooSmall: string[] = [];
    let measured = 0;
    const check = async (path: string) => {
      const res = await page.goto(`${app.url}${path}`);
      expect(res?.status(), path).toBe(200);
      for (const target of await measureTargets(page)) {
        measured++;
        if (target.width < MIN_TARGET || target.height < MIN_TARGET)
          tooSmall.push(`${path} ${target.what}: ${target.width}×${target.height}`);
      }
    };
    try {
      // A newcomer: the charter's box to tick.
      await page.goto(`${app.url}/signup`);
      await page.getByLabel(t('accounts.field.displayName'), { exact: true }).fill('Noé Petit');
      await page.getByLabel(t('accounts.field.email'), { exact: true }).fill('noe@ruche.test');
      await page
        .getByLabel(t('accounts.field.password'), { exact: true })
        .fill('un-mot-de-passe-solide');
      await Promise.all([
        page.waitForURL(/\/$/),
        page.getByRole('button', { name: t('accounts.signup.submit') }).click(),
      ]);
      await check(`/c/${community.slug}/charter`);
      const box = await page
        .getByLabel(t('communities.charter.accept'), { exact: true })
        .boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(MIN_TARGET);
      expect(box?.height).toBeGreaterThanOrEqual(MIN_TARGET);
      await context.clearCookies();

      // Staff, who see every control.
      await page.goto(`${app.url}/signin`);
      await page
        .getByLabel(t('accounts.field.email'), { exact: true })
        .fill(adminCredentials.email);
      await page
        .getByLabel(t('accounts.field.password'), { exact: true })
        .fill(adminCredentials.password);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/signin')),
        page.getByRole('button', { name: t('accounts.signin.submit') }).click(),
      ]);
      for (const path of [
        '/',
        `/c/${community.slug}`,
        `/c/${community.slug}/g/atelier`,
        `/c/${community.slug}/new`,
        `/c/${community.slug}/t/${topicId}`,
        `/c/${community.slug}/r/${replyId}/delete`,
        `/c/${community.slug}/members`,
        `/c/${community.slug}/settings`,
        '/profile',
        '/search?q=outils',
      ]) {
        await check(path);
      }
    } finally {
      await context.close();
    }
    expect(measured).toBeGreaterThan(50);
    expect(tooSmall, tooSmall.join('\n')).toEqual([]);
  });
});
