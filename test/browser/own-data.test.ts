import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
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
  seedCommunity,
} from './browser.js';

const t = i18n.translator('fr');

if (!hasChromium) console.warn(`Browser suite skipped: ${chromiumPath} does not exist.`);

async function expectAccessible(page: Page) {
  const serious = (await axeViolations(page)).filter(isSerious);
  expect(serious, describeViolations(serious)).toEqual([]);
}

/** Clicks a download link and returns the file's text. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name, exact: true }).first().click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
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

  describe.each(databases)('one’s own data from the account page (%s)', (kind) => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(kind);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('downloads the export, then asks for the deletion', { timeout: 120_000 }, async () => {
      const { community } = await seedCommunity(app, 'donnees');
      const member = await newMember(app, 'Honorine Partante');
      await join(member.client, community.id);
      await member.client.api('POST', `/communities/${community.id}/topics`, {
        title: 'Essaimage précoce',
        body: 'Mes ruches essaiment en avril.',
        kind: 'discussion',
      });

      const context = await frenchContext(browser);
      const page = await context.newPage();
      try {
        await page.goto(`${app.url}/signin`);
        await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(member.email);
        await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
        await Promise.all([
          page.waitForURL((u) => !u.pathname.startsWith('/signin')),
          page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
        ]);
        await page.getByRole('link', { name: t('nav.profile') }).click();
        await Promise.all([
          page.waitForURL(/\/account$/),
          page.getByRole('link', { name: t('accounts.account.link') }).click(),
        ]);
        await expectAccessible(page);

        const json = await download(page, t('accounts.ownData.exportJson'));
        expect(json.name).toMatch(new RegExp(`^ruche-${member.handle}-.*\\.json$`));
        const data = JSON.parse(json.text) as {
          profile: { email: string };
          topics: { title: string }[];
        };
        expect(data.profile.email).toBe(member.email);
        expect(data.topics.map((x) => x.title)).toEqual(['Essaimage précoce']);

        const html = await download(page, t('accounts.ownData.exportHtml'));
        expect(html.name).toMatch(/\.html$/);
        const readable = await context.newPage();
        await readable.setContent(html.text);
        expect(await readable.getByRole('heading', { level: 1 }).textContent()).toBe(
          t('ownData.export.title'),
        );
        expect(await readable.getByText('Mes ruches essaiment en avril.').isVisible()).toBe(true);
        await expectAccessible(readable);
        await readable.close();

        await Promise.all([
          page.waitForURL(/\/account\/delete$/),
          page.getByRole('link', { name: t('accounts.deletion.link') }).click(),
        ]);
        await expectAccessible(page);
        await page.getByLabel(t('ownData.delete.keep')).check();
        await page
          .getByLabel(t('accounts.field.currentPassword'), { exact: true })
          .fill('pas-le-bon-mot-de-passe');
        await page.getByRole('button', { name: t('ownData.delete.submit') }).click();
        await page.waitForLoadState();
        expect(await page.getByText(t('accounts.password.wrongCurrent')).first().isVisible()).toBe(
          true,
        );
        await expectAccessible(page);

        await page.getByLabel(t('ownData.delete.delete')).check();
        await page.getByLabel(t('accounts.field.currentPassword'), { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: t('ownData.delete.submit') }).click();
        await page.waitForLoadState();
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          t('ownData.delete.requested'),
        );
        await expectAccessible(page);
        // Signed out at once: the browser's session no longer opens the account.
        expect(await page.getByRole('link', { name: t('nav.signin') }).isVisible()).toBe(true);
        const cookies = await context.cookies();
        const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        const me = await fetch(`${app.url}/api/v1/me`, { headers: { cookie } });
        expect(me.status).toBe(401);
        const row = await app.store.db
          .selectFrom('users')
          .select(['deletion_requested_at', 'deletion_posts'])
          .where('id', '=', member.id)
          .executeTakeFirstOrThrow();
        expect(row.deletion_posts).toBe('delete');
        expect(row.deletion_requested_at).not.toBeNull();
        expect((await new Client(app.url).api('GET', `/users/${member.handle}`)).status).toBe(200);
      } finally {
        await context.close();
      }
    });
  });
});
