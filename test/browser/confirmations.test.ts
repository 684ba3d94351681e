import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
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
  let community: { id: number; slug: string; name: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    community = (await seedCommunity(app, 'accueil')).community;
  });

  /** A member's topic with another member's reply, through the API; returns their ids. */
  async function topicWithReply(n: number) {
    const post = async <T>(c: Client, path: string, json: object) => {
      const res = await c.api<T>('POST', path, json);
      if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return res.body;
    };
    const [asker, helper] = [new Client(app.url), new Client(app.url)];
    for (const [c, who] of [
      [asker, 'asker'],
      [helper, 'helper'],
    ] as const) {
      await post(c, '/auth/signup', {
        email: `${who}${n}@ruche.test`,
        password: 'un-mot-de-passe-solide',
        displayName: who === 'asker' ? `Inès ${n}` : `Yann ${n}`,
      });
      await post(c, `/communities/${community.id}/join`, { charterVersion: 1 });
    }
    const { topic } = await post<{ topic: { id: number } }>(
      asker,
      `/communities/${community.id}/topics`,
      { title: `Question ${n}`, body: 'Comment faire ?' },
    );
    // Another topic, newer than the question, older than its reply.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await post(asker, `/communities/${community.id}/topics`, {
      title: `Autre sujet ${n}`,
      body: 'Rien à voir.',
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { reply } = await post<{ reply: { id: number } }>(helper, `/topics/${topic.id}/replies`, {
      body: `Achetez nos produits miracles ${n} !`,
    });
    return { topicId: topic.id, replyId: reply.id };
  }

  async function replyRow(id: number) {
    return app.store.db
      .selectFrom('replies')
      .select(['deleted_at', 'deletion_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }
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
        expect(new URL(page.url()).pathname).toBe(`/c/${community.slug}/first-steps`);
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

  describe.each([
    { js: true, label: 'with JavaScript' },
    { js: false, label: 'without JavaScript' },
  ])('staff deleting a member’s reply ($label)', ({ js }) => {
    it('asks first, takes an optional reason, keeps it with the deletion', async () => {
      const { topicId, replyId } = await topicWithReply(js ? 1 : 2);
      const context = await frenchContext(browser, js);
      const page = await context.newPage();
      try {
        await page.goto(`${app.url}/signin`);
        await page
          .getByLabel(fr('accounts.field.email'), { exact: true })
          .fill(adminCredentials.email);
        await page
          .getByLabel(fr('accounts.field.password'), { exact: true })
          .fill(adminCredentials.password);
        await send(page, page.getByRole('button', { name: fr('accounts.signin.submit') }));
        const topicPath = `/c/${community.slug}/t/${topicId}`;
        await page.goto(`${app.url}${topicPath}`);
        const reply = page.locator(`#reply-${replyId}`);
        // One click on "Supprimer" deletes nothing: it asks.
        await send(page, reply.getByRole('link', { name: fr('conversations.delete') }));
        expect(new URL(page.url()).pathname).toBe(`/c/${community.slug}/r/${replyId}/delete`);
        expect((await replyRow(replyId)).deleted_at).toBeNull();
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          fr('conversations.delete.replyTitle'),
        );
        expect(await page.getByText(`Achetez nos produits miracles`).count()).toBe(1);
        if (js) {
          const violations = (await axeViolations(page)).filter(isSerious);
          expect(violations, describeViolations(violations)).toEqual([]);
        }
        // Cancelling goes back, deleting nothing.
        await send(page, page.getByRole('link', { name: fr('conversations.delete.cancel') }));
        expect(new URL(page.url()).pathname).toBe(topicPath);
        expect((await replyRow(replyId)).deleted_at).toBeNull();

        await send(page, reply.getByRole('link', { name: fr('conversations.delete') }));
        const reason = 'Publicité, contraire à la charte.';
        await page.getByLabel(fr('conversations.delete.reason'), { exact: true }).fill(reason);
        await send(page, page.getByRole('button', { name: fr('conversations.delete.confirm') }));
        expect(new URL(page.url()).pathname).toBe(topicPath);
        expect(await status(page)).toEqual([fr('conversations.flash.replyDeleted')]);
        expect(await page.locator(`#reply-${replyId}`).count()).toBe(0);
        const row = await replyRow(replyId);
        expect(row.deleted_at).not.toBeNull();
        expect(row.deletion_reason).toBe(reason);
        // The deleted reply no longer lifts its topic: the other one is back on top.
        const n = js ? 1 : 2;
        await page.goto(`${app.url}/c/${community.slug}`);
        const titles = await page.locator('.topic-list .topic-title').allTextContents();
        expect(titles).toEqual(expect.arrayContaining([`Autre sujet ${n}`, `Question ${n}`]));
        expect(titles.indexOf(`Autre sujet ${n}`)).toBeLessThan(titles.indexOf(`Question ${n}`));
      } finally {
        await context.close();
      }
    });
  });
});
