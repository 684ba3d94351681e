// Issue 23, done-when 3, in French and in Chromium: Camille, an animator, opens the cockpit,
// follows the newcomers left without an answer, and welcomes one as her team with the template
// and the proposed buddy in three clicks (« Accueillir », the team, « Envoyer »). The newcomer
// sees the notification and the message under the team's name signed « — Camille »; the buddy is
// told. The same walk with JavaScript off; axe-core on the welcome queue, the calendar and a
// profile with badges.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { awardBadges } from '../../src/recognition/index.js';
import { Client } from '../client.js';
import { startTestApp, type TestApp } from '../harness.js';
import { caughtUp } from '../notified.js';
import {
  chromiumPath,
  expectAccessible,
  frenchContext,
  hasChromium,
  launchBrowser,
  seedCommunity,
  signInThroughForm,
} from './browser.js';

const t = i18n.translator('fr');
const DAY = 86_400_000;
const password = 'un-mot-de-passe-solide';
const teamName = 'L’équipe Accueil';
const suiteName = hasChromium
  ? 'the welcome walk in Chromium'
  : `the welcome walk in Chromium (skipped: no ${chromiumPath})`;

describe.skipIf(!hasChromium)(suiteName, () => {
  let browser: Browser;
  let app: TestApp;
  let slug: string;
  let communityId: number;
  let vera: Client;
  let scheduledDay: string;
  const newcomers = new Map<string, Client>();

  const member = async (displayName: string, email: string, bio: string) => {
    const client = new Client(app.url);
    await client.api('POST', '/auth/signup', { email, password, displayName });
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
    const { admin, community } = await seedCommunity(app, 'accueil');
    slug = community.slug;
    communityId = community.id;
    const camille = await member('Camille Martin', 'camille@ruche.test', 'Animation');
    const me = await camille.api<{ user: { id: number; handle: string } }>('GET', '/me');
    await admin.api('PATCH', `/communities/${communityId}/members/${me.body.user.id}`, {
      role: 'animator',
    });
    const team = await camille.api<{ team: { id: number } }>(
      'POST',
      `/communities/${communityId}/teams`,
      { name: teamName },
    );
    await camille.api('PUT', `/teams/${team.body.team.id}/members`, {
      handle: me.body.user.handle,
      signatureStyle: 'first_name',
    });
    // Vera volunteers as a buddy, takes part (a reply earns her a badge) and gardens.
    vera = await member('Vera Jardin', 'vera@ruche.test', 'Jardinage et repair café');
    const question = await admin.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${communityId}/topics`,
      { title: 'Où trouver des graines ?', body: 'Pour le jardin partagé.' },
    );
    const reply = await vera.api('POST', `/topics/${question.body.topic.id}/replies`, {
      body: 'À la grainothèque.',
    });
    expect(reply.status).toBe(201);
    await vera.api('PUT', `/communities/${communityId}/buddy-volunteer`);
    await awardBadges(app.store, Date.now());
    // An announcement scheduled in two days, in the community's time zone (Europe/Paris).
    const paris = new Date(Date.now() + 2 * DAY)
      .toLocaleString('sv-SE', { timeZone: 'Europe/Paris' })
      .replace(' ', 'T');
    scheduledDay = paris.slice(0, 10);
    const announced = await camille.api('POST', `/communities/${communityId}/announcements`, {
      title: 'Réunion d’accueil des nouveaux',
      body: 'Jeudi à 18 h, au local : venez nous rencontrer.',
      scheduleAt: paris.slice(0, 16),
    });
    expect(announced.status).toBe(201);
    // Two newcomers whose first topic has waited three days without an answer.
    for (const [name, email] of [
      ['Nina Smith', 'nina@ruche.test'],
      ['Léa Tardive', 'lea@ruche.test'],
    ] as const) {
      const client = await member(name, email, 'Jardinage, vélo');
      const topic = await client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${communityId}/topics`,
        { title: `Bonjour, je suis ${name}`, body: 'Par où commencer ?' },
      );
      await app.store.db
        .updateTable('activity_log')
        .set({ created_at: Date.now() - 3 * DAY })
        .where('kind', '=', 'topic.created')
        .where('target_id', '=', topic.body.topic.id)
        .execute();
      newcomers.set(name, client);
    }
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
  });

  const signIn = (page: Page, email: string) =>
    signInThroughForm(page, app.url, { email, password });

  for (const [javaScript, name] of [
    [true, 'Nina Smith'],
    [false, 'Léa Tardive'],
  ] as const)
    it(`welcomes ${name} from the cockpit in three clicks (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await frenchContext(browser, javaScript);
      const page = await context.newPage();
      await signIn(page, 'camille@ruche.test');
      await page.goto(`${app.url}/c/${slug}/cockpit`);
      // The newcomers left without an answer are listed, open, with « Accueillir » beside each.
      const waiting = page.locator('details', {
        has: page.locator('summary', { hasText: /^Nouveaux sans réponse/ }),
      });
      await expect.poll(() => waiting.first().getAttribute('open')).not.toBeNull();
      // Click 1: « Accueillir » beside the name.
      await Promise.all([
        page.waitForURL(/\/welcome\/\d+$/),
        page.getByRole('link', { name: t('analytics.act.welcomeLabel', { name }) }).click(),
      ]);
      const body = await page.getByLabel(t('welcome.form.body')).inputValue();
      expect(body).toContain(name);
      expect(await page.getByRole('radio', { name: /Vera Jardin/ }).isChecked()).toBe(true);
      // Click 2: the team as the voice. Click 3: « Envoyer ». Nothing else is needed.
      await page.getByLabel(t('teams.field.asTeam')).selectOption({ label: teamName });
      await Promise.all([
        page.waitForURL(`**/c/${slug}/welcome`),
        page.getByRole('button', { name: t('welcome.form.submit') }).click(),
      ]);
      // The queue now says who welcomed them and who their buddy is.
      const row = page.locator('tr', { hasText: name });
      expect(await row.textContent()).toContain(teamName);
      expect(await row.textContent()).toContain('Vera Jardin');
      await expectAccessible(page, javaScript);
      await context.close();
    });

  it('shows each newcomer the notification and the message signed « — Camille » under the team', async () => {
    await caughtUp(app);
    for (const [name, email] of [
      ['Nina Smith', 'nina@ruche.test'],
      ['Léa Tardive', 'lea@ruche.test'],
    ] as const) {
      const context = await frenchContext(browser, name === 'Nina Smith');
      const page = await context.newPage();
      await signIn(page, email);
      await page.goto(`${app.url}/notifications`);
      const notice = page.locator('main li', { hasText: teamName }).first();
      expect(await notice.textContent()).toBeTruthy();
      await Promise.all([
        page.waitForURL(/\/messages\//),
        notice.getByRole('link').first().click(),
      ]);
      const thread = (await page.textContent('main')) ?? '';
      expect(thread).toContain(teamName);
      expect(thread).toContain('— Camille');
      expect(thread).toContain(`Bonjour ${name}`);
      await context.close();
    }
    const told = await vera.api<{ notifications: { kind: string; text: string }[] }>(
      'GET',
      '/notifications',
    );
    const introductions = told.body.notifications.filter((n) => n.kind === 'buddy_assigned');
    expect(introductions.map((n) => n.text).join(' ')).toContain('Nina Smith');
    expect(introductions.map((n) => n.text).join(' ')).toContain('Léa Tardive');
  });

  it('passes axe-core on the welcome queue, the calendar and a profile with badges', async () => {
    const context = await frenchContext(browser);
    const page = await context.newPage();
    await signIn(page, 'camille@ruche.test');
    await page.goto(`${app.url}/c/${slug}/welcome`);
    await expectAccessible(page, true);
    for (const view of ['month', 'week']) {
      await page.goto(`${app.url}/c/${slug}/calendar?view=${view}&date=${scheduledDay}`);
      expect(await page.textContent('main')).toContain('Réunion d’accueil des nouveaux');
      await expectAccessible(page, true);
    }
    await page.goto(`${app.url}/u/vera-jardin`);
    expect(await page.textContent('main')).toContain('Première réponse');
    await expectAccessible(page, true);
    await context.close();
  });
});
