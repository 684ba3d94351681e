import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
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

const t = i18n.translator('fr');

const suiteName = hasChromium
  ? 'refused forms in Chromium'
  : `refused forms in Chromium (skipped: no ${chromiumPath})`;

/** Sends a form and waits for the page it leads to. */
async function send(page: Page, button: ReturnType<Page['getByRole']>) {
  await Promise.all([page.waitForURL(() => true, { waitUntil: 'load' }), button.click()]);
}

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let admin: Client;
  let community: { id: number; slug: string; name: string };
  let members = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    ({ admin, community } = await seedCommunity(app, 'formulaires'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function expectOk<T>(call: Promise<{ status: number; body: T }>) {
    const res = await call;
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  }

  async function newGroup(slug: string, name: string, visibility: 'public' | 'private') {
    const { group } = await expectOk(
      admin.api<{ group: { id: number } }>('POST', `/communities/${community.id}/groups`, {
        slug,
        name,
        visibility,
      }),
    );
    return group.id;
  }

  /** A member of the community, signed in in a fresh browser profile. */
  async function memberPage(js: boolean) {
    const n = ++members;
    const email = `membre${n}@ruche.test`;
    const password = 'un-mot-de-passe-solide';
    const api = new Client(app.url);
    await expectOk(
      api.api('POST', '/auth/signup', { email, password, displayName: `Membre ${n}` }),
    );
    await expectOk(api.api('POST', `/communities/${community.id}/join`, { charterVersion: 1 }));
    const context = await frenchContext(browser, js);
    const page = await context.newPage();
    await page.goto(`${app.url}/signin`);
    await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(email);
    await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(password);
    await send(page, page.getByRole('button', { name: t('accounts.signin.submit') }));
    return { page, context, api };
  }

  it('offers only the groups the member may post in', async () => {
    await newGroup('atelier', 'Atelier ouvert', 'public');
    await newGroup('bureau', 'Bureau restreint', 'private');
    const { page, context } = await memberPage(true);
    try {
      await page.goto(`${app.url}/c/${community.slug}/new`);
      const options = await page
        .getByLabel(t('conversations.compose.group'), { exact: true })
        .locator('option')
        .allTextContents();
      expect(options).toEqual([t('conversations.compose.noGroup'), 'Atelier ouvert']);
    } finally {
      await context.close();
    }
  });

  describe.each([
    { js: true, label: 'with JavaScript' },
    { js: false, label: 'without JavaScript' },
  ])('whatever refuses a form keeps what was typed ($label)', ({ js }) => {
    it('a group closed while the member was writing: the form again, text kept', async () => {
      const slug = js ? 'jardin' : 'cuisine';
      const groupId = await newGroup(slug, `Groupe ${slug}`, 'public');
      const { page, context } = await memberPage(js);
      const title = 'Une idée pour le printemps';
      const body = 'Planter des **tomates** le long du mur sud.';
      try {
        await page.goto(`${app.url}/c/${community.slug}/new`);
        await page
          .getByLabel(t('conversations.compose.group'), { exact: true })
          .selectOption(String(groupId));
        await page.getByLabel(t('conversations.field.title'), { exact: true }).fill(title);
        await page.getByLabel(t('conversations.field.body'), { exact: true }).fill(body);
        // Meanwhile the group becomes private: she is not one of its members.
        await expectOk(admin.api('PATCH', `/groups/${groupId}`, { visibility: 'private' }));
        await send(page, page.getByRole('button', { name: t('conversations.compose.submit') }));

        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          t('conversations.compose.title'),
        );
        expect(await page.getByRole('alert').textContent()).toContain(
          t('conversations.compose.groupUnavailable'),
        );
        expect(
          await page.getByLabel(t('conversations.field.title'), { exact: true }).inputValue(),
        ).toBe(title);
        expect(
          await page.getByLabel(t('conversations.field.body'), { exact: true }).inputValue(),
        ).toBe(body);
        if (js) {
          const violations = (await axeViolations(page)).filter(isSerious);
          expect(violations, describeViolations(violations)).toEqual([]);
        }
        // The whole community instead: published.
        await page.getByLabel(t('conversations.compose.group'), { exact: true }).selectOption('');
        await send(page, page.getByRole('button', { name: t('conversations.compose.submit') }));
        expect(new URL(page.url()).pathname).toMatch(/\/t\/\d+$/);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      } finally {
        await context.close();
      }
    });

    it('an expired form or an ended session: the text shown back, sent again', async () => {
      const { page, context, api } = await memberPage(js);
      const { topic } = await expectOk(
        api.api<{ topic: { id: number } }>('POST', `/communities/${community.id}/topics`, {
          title: 'Qui vient samedi ?',
          body: 'Dites-le ici.',
        }),
      );
      const reply = js ? 'Je viendrai avec deux amis.' : 'Présente, avec une tarte.';
      try {
        await page.goto(`${app.url}/c/${community.slug}/t/${topic.id}`);
        await page.getByLabel(t('conversations.field.body'), { exact: true }).fill(reply);
        // The form's token cookie is gone (a browser restarted, a long pause).
        await context.clearCookies({ name: '_csrf' });
        await send(page, page.getByRole('button', { name: t('conversations.reply.submit') }));
        expect(await page.getByRole('alert').textContent()).toBe(t('error.csrf_failed'));
        const kept = page.getByLabel(t('form.kept.one'), { exact: true });
        expect(await kept.inputValue()).toBe(reply);
        if (js) {
          const violations = (await axeViolations(page)).filter(isSerious);
          expect(violations, describeViolations(violations)).toEqual([]);
        }
        await send(page, page.getByRole('button', { name: t('form.kept.resend') }));
        expect(new URL(page.url()).pathname).toBe(`/c/${community.slug}/t/${topic.id}`);
        expect(await page.getByText(reply).count()).toBe(1);

        // Signed out meanwhile (another tab): the text is shown to copy, not lost.
        const again = `${reply} (bis)`;
        await page.getByLabel(t('conversations.field.body'), { exact: true }).fill(again);
        await context.clearCookies({ name: 'ruche_session' });
        await send(page, page.getByRole('button', { name: t('conversations.reply.submit') }));
        expect(await page.getByRole('alert').textContent()).toBe(t('error.unauthenticated'));
        expect(await page.getByLabel(t('form.kept.one'), { exact: true }).inputValue()).toBe(again);
        expect(await page.getByText(t('form.kept.copyHint')).count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  });
});
