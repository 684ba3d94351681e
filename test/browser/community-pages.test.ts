import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import type { Client } from '../client.js';
import { PASSWORD, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { startTestApp, type TestApp } from '../harness.js';
import {
  axeViolations,
  describeViolations,
  frenchContext,
  hasChromium,
  isSerious,
  launchBrowser,
} from './browser.js';

const t = i18n.translator('fr');

/** Issue 21, items 19, 20, 22, 26 and 30: community pages as members, outsiders and animators see them. */
describe.skipIf(!hasChromium)('community pages in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sqlite');
    admin = await newAdmin(app);
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  /** A fresh French page, signed in as the given account when there is one. */
  async function pageAs(email?: string, viewport?: { width: number; height: number }) {
    const context = await frenchContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    if (email) {
      await page.goto(`${app.url}/signin`);
      await page.getByLabel(t('accounts.field.email'), { exact: true }).fill(email);
      await page.getByLabel(t('accounts.field.password'), { exact: true }).fill(PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/signin')),
        page.getByRole('button', { name: t('accounts.signin.submit'), exact: true }).click(),
      ]);
    }
    return page;
  }

  async function expectNoSeriousViolation(page: Page) {
    const serious = (await axeViolations(page)).filter(isSerious);
    expect(serious, describeViolations(serious)).toEqual([]);
  }

  const topic = (client: Client, communityId: number, title: string, groupId?: number) =>
    client.api<{ topic: { id: number } }>('POST', `/communities/${communityId}/topics`, {
      title,
      body: 'Un message.',
      ...(groupId ? { groupId } : {}),
    });

  const group = async (communityId: number, slug: string, visibility: string) =>
    (
      await admin.client.api<{ group: { id: number } }>(
        'POST',
        `/communities/${communityId}/groups`,
        { slug, name: `Groupe ${slug}`, description: 'Ce que fait le groupe.', visibility },
      )
    ).body.group.id;

  it('tells an outsider that a community is private, what it is for, and how to ask in (19)', async () => {
    const c = await newCommunity(admin.client, 'private');
    await topic(admin.client, c.id, 'Ordre du jour de la réunion');
    await group(c.id, 'lyon', 'public');
    const outsider = await newMember(app);
    const page = await pageAs(outsider.email);
    await page.goto(`${app.url}/c/${c.slug}`);

    const notice = page.getByRole('region', { name: t('communities.private.title') });
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getByText(t('communities.private.body')).isVisible()).toBe(true);
    expect(await notice.getByText(t('communities.private.howToJoin')).isVisible()).toBe(true);
    expect(await page.getByText('Entraide entre bénévoles des associations.').isVisible()).toBe(
      true,
    );
    expect(await page.getByText(t('conversations.noTopics')).count()).toBe(0);
    expect(await page.getByText(t('communities.groups.empty')).count()).toBe(0);
    expect(await page.getByText('Ordre du jour de la réunion').count()).toBe(0);
    await expectNoSeriousViolation(page);

    // The way in: the charter, then the request, then the page says it waits.
    await Promise.all([
      page.waitForURL(/\/charter$/),
      page.getByRole('link', { name: t('communities.charter.request') }).click(),
    ]);
    await page.getByLabel(t('communities.charter.accept'), { exact: true }).check();
    await Promise.all([
      page.waitForURL(new RegExp(`/c/${c.slug}$`)),
      page.getByRole('button', { name: t('communities.charter.request') }).click(),
    ]);
    expect(await page.getByText(t('communities.private.pending')).isVisible()).toBe(true);
  });

  it('shows a member a private group’s card and lets her ask to join, its topics hidden (20)', async () => {
    const c = await newCommunity(admin.client);
    const priv = await group(c.id, 'mentorat', 'private');
    await topic(admin.client, c.id, 'Binômes de la rentrée', priv);
    const m = await newMember(app);
    await join(m.client, c.id);
    const page = await pageAs(m.email);
    await page.goto(`${app.url}/c/${c.slug}`);

    const groups = page.getByRole('navigation', { name: t('communities.groups.title') });
    expect(await groups.getByText(t('communities.group.visibility.private')).isVisible()).toBe(
      true,
    );
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/g/mentorat')),
      groups.getByRole('link', { name: 'Groupe mentorat' }).click(),
    ]);
    expect(response.status()).toBe(200);
    await page.waitForLoadState();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Groupe mentorat');
    expect(await page.getByText(t('communities.group.private.howToJoin')).isVisible()).toBe(true);
    expect(await page.getByText('Binômes de la rentrée').count()).toBe(0);
    await expectNoSeriousViolation(page);

    await Promise.all([
      page.waitForURL(new RegExp(`/g/mentorat$`)),
      page.getByRole('button', { name: t('communities.group.request') }).click(),
    ]);
    expect(await page.getByText(t('communities.group.private.pending')).isVisible()).toBe(true);
    await admin.client.api('POST', `/groups/${priv}/members/${m.id}/approve`);
    await page.reload();
    expect(await page.getByText('Binômes de la rentrée').isVisible()).toBe(true);
  });

  it('asks a member to read and accept the new charter version, showing what changed (22)', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(app);
    await join(m.client, c.id);
    const { id } = (await topic(admin.client, c.id, 'Présentez-vous')).body.topic;
    await admin.client.api('POST', `/communities/${c.id}/charter`, {
      body: '1. Bienveillance envers chacun.\n2. Pas de publicité.\n3. Citez vos sources.',
    });
    const page = await pageAs(m.email);
    await page.goto(`${app.url}/c/${c.slug}/t/${id}`);

    expect(await page.getByText(t('conversations.joinToPost')).count()).toBe(0);
    expect(
      await page.getByText(t('communities.charter.changedTo', { version: 2 })).isVisible(),
    ).toBe(true);
    await Promise.all([
      page.waitForURL(/\/charter$/),
      page.getByRole('link', { name: t('communities.charter.readNew', { version: 2 }) }).click(),
    ]);
    const diff = page.getByRole('region', {
      name: t('communities.charter.diff.title', { version: 1 }),
    });
    expect(await diff.locator('ins').filter({ hasText: 'Citez vos sources' }).isVisible()).toBe(
      true,
    );
    const versions = page.getByRole('navigation', { name: t('communities.charter.versions') });
    expect(await versions.getByRole('listitem').count()).toBe(2);
    expect(await versions.getByText(t('communities.charter.yours')).isVisible()).toBe(true);
    await expectNoSeriousViolation(page);

    await page.getByLabel(t('communities.charter.accept'), { exact: true }).check();
    await Promise.all([
      page.waitForURL(new RegExp(`/c/${c.slug}$`)),
      page.getByRole('button', { name: t('communities.charter.reaccept') }).click(),
    ]);
    await page.goto(`${app.url}/c/${c.slug}/t/${id}`);
    expect(
      await page.getByRole('button', { name: t('conversations.reply.submit') }).isVisible(),
    ).toBe(true);
  });

  it('shows a community’s groups before its 40 latest topics on a 360 px phone (26)', async () => {
    const c = await newCommunity(admin.client);
    await group(c.id, 'nantes', 'public');
    await group(c.id, 'rennes', 'public');
    for (let i = 1; i <= 40; i++) await topic(admin.client, c.id, `Sujet numéro ${i}`);
    const phone = await pageAs(undefined, { width: 360, height: 740 });
    await phone.goto(`${app.url}/c/${c.slug}`);
    const groupsTop = await phone
      .getByRole('heading', { name: t('communities.groups.title') })
      .boundingBox();
    const topicsTop = await phone
      .getByRole('heading', { name: t('conversations.topics') })
      .boundingBox();
    expect(groupsTop && topicsTop && groupsTop.y < topicsTop.y).toBe(true);
    // Within the first two screens, not thousands of pixels down.
    expect(groupsTop?.y ?? Infinity).toBeLessThan(2 * 740);
    await expectNoSeriousViolation(phone);

    // A wide screen keeps them aside, to the right of the topics, near the top.
    const wide = await pageAs(undefined, { width: 1280, height: 900 });
    await wide.goto(`${app.url}/c/${c.slug}`);
    const groupsBox = await wide
      .getByRole('navigation', { name: t('communities.groups.title') })
      .boundingBox();
    const topicsBox = await wide
      .getByRole('heading', { name: t('conversations.topics') })
      .boundingBox();
    expect(groupsBox && topicsBox && groupsBox.x > topicsBox.x).toBe(true);
    expect(groupsBox?.y ?? Infinity).toBeLessThan(400);
  });

  it('shows animators the requests to join first, counted on the community page (30)', async () => {
    const c = await newCommunity(admin.client, 'private');
    for (const name of ['Aline Arnaud', 'Basile Bonnet', 'Chloé Caron']) {
      const member = await newMember(app, name);
      await join(member.client, c.id);
      await admin.client.api('PATCH', `/communities/${c.id}/members/${member.id}`, {
        approve: true,
      });
    }
    await join((await newMember(app, 'Yann Yvon')).client, c.id);
    await join((await newMember(app, 'Zélie Zola')).client, c.id);

    const page = await pageAs(admin.email);
    await page.goto(`${app.url}/c/${c.slug}`);
    await expectNoSeriousViolation(page);
    await Promise.all([
      page.waitForURL(/\/members#requests$/),
      page.getByRole('link', { name: t('communities.pendingRequests', { count: 2 }) }).click(),
    ]);
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toBe(t('communities.members.requests', { count: 2 }));
    const requests = page.getByRole('region', {
      name: t('communities.members.requests', { count: 2 }),
    });
    expect(await requests.getByRole('listitem').count()).toBe(2);
    // The first request shows within the first screen.
    const first = await requests.getByRole('listitem').first().boundingBox();
    expect(first?.y ?? Infinity).toBeLessThan(720);
    await expectNoSeriousViolation(page);

    await Promise.all([
      page.waitForURL(/\/members$/),
      requests
        .getByRole('button', { name: `${t('communities.members.approve')} Yann Yvon` })
        .click(),
    ]);
    expect(
      await page
        .getByRole('heading', { name: t('communities.members.requests', { count: 1 }) })
        .isVisible(),
    ).toBe(true);
  });
});
