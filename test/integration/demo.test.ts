import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userPath } from '../../src/accounts/index.js';
import { communityPath } from '../../src/communities/index.js';
import { topicPath } from '../../src/conversations/index.js';
import { DEMO_PASSWORD, ensureDemo } from '../../src/demo/index.js';
import { Client } from '../client.js';
import { countRows } from '../fixtures.js';
import { caughtUp } from '../notified.js';
import {
  createTestStore,
  databases,
  startTestApp,
  type TestApp,
  type TestStore,
} from '../harness.js';

describe.each(databases)('demo community on %s', (kind) => {
  let db: TestStore;
  let t: TestApp;
  let lines: string[] = [];
  beforeAll(async () => {
    db = await createTestStore(kind);
    lines = await ensureDemo(db.store, { log: () => undefined, progress: false });
    t = await startTestApp(kind, {}, db);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('seeds a realistic community once, and prints the animator’s login', async () => {
    // 300 people and the account the team voice speaks through.
    expect(await countRows(t, 'users')).toBe(301);
    expect(await countRows(t, 'communities')).toBe(2);
    expect(await countRows(t, 'groups')).toBeGreaterThanOrEqual(6);
    expect(await countRows(t, 'topics')).toBeGreaterThanOrEqual(350);
    expect(await countRows(t, 'replies')).toBeGreaterThanOrEqual(2500);
    expect(lines.at(-2)).toContain(`camille@demo.ruche.test / password: ${DEMO_PASSWORD}`);
    expect(lines.at(-1)).toBe(
      "Demo sponsor (the cockpit's figures, aggregated, no names): helene-rousseau@demo.ruche.test / same password",
    );
    await ensureDemo(db.store, { log: () => undefined, progress: false });
    expect(await countRows(t, 'users')).toBe(301);
  });

  it('lets the demo sponsor see the volunteers’ cockpit, aggregated, without a name', async () => {
    const c = new Client(t.url);
    const signedIn = await c.api('POST', '/auth/signin', {
      email: 'helene-rousseau@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    const list = await c.api<{ communities: { id: number; slug: string }[] }>(
      'GET',
      '/communities',
    );
    const id = list.body.communities.find((x) => x.slug === 'reseau-des-benevoles')?.id ?? 0;
    const cockpit = await c.api<{ audience: string; circles: { core_members: unknown[] } }>(
      'GET',
      `/communities/${id}/analytics`,
    );
    expect(cockpit.body.audience).toBe('sponsor');
    expect(cockpit.body.circles.core_members).toEqual([]);
    const page = await c.page('/c/reseau-des-benevoles/cockpit');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Vue direction : chiffres agrégés seulement');
    expect(page.html).not.toContain('Camille Martin');
  });

  it('lets the demo animator sign in and see the split advice and the private community', async () => {
    const c = new Client(t.url);
    expect(
      (
        await c.api('POST', '/auth/signin', {
          email: 'camille@demo.ruche.test',
          password: DEMO_PASSWORD,
        })
      ).status,
    ).toBe(200);
    const list = await c.api<{
      communities: { id: number; visibility: string; isMember: boolean }[];
    }>('GET', '/communities');
    expect(list.body.communities.filter((x) => x.isMember)).toHaveLength(2);
    const community = await c.api<{ groups: { id: number }[] }>(
      'GET',
      `/communities/${list.body.communities[0]?.id ?? 0}`,
    );
    const views = await Promise.all(
      community.body.groups.map((g) => c.api<{ suggestSplit: boolean }>('GET', `/groups/${g.id}`)),
    );
    expect(views.some((v) => v.body.suggestSplit)).toBe(true);
    const found = await c.api<{ total: number }>('GET', '/search?q=bénévoles');
    expect(found.body.total).toBeGreaterThan(10);
  });

  it('gives the animator notifications and private conversations, one of them waiting for her', async () => {
    await caughtUp(t);
    const c = new Client(t.url);
    await c.api('POST', '/auth/signin', {
      email: 'camille@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    const messages = await c.page('/messages');
    expect(messages.status).toBe(200);
    expect(messages.html).toContain('réunion d’information');
    const unread = await c.api<{ unread: number }>('GET', '/messages/unread');
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);
    const notifications = await c.page('/notifications');
    expect(notifications.html).toContain('vous a envoyé un message privé');
    const count = await c.api<{ unread: number }>('GET', '/notifications/unread');
    expect(count.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('shows the team voice of two animators, each signing as they chose, never by name', async () => {
    const q = db.store.db;
    const team = await q
      .selectFrom('team_voices')
      .select(['id', 'name', 'account_id'])
      .executeTakeFirstOrThrow();
    expect(team.name).toBe('L’équipe du Réseau');
    const animators = await q
      .selectFrom('team_voice_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.handle', 'm.signature_style'])
      .where('m.team_id', '=', team.id)
      .orderBy('u.handle')
      .execute();
    expect(animators).toEqual([
      { handle: 'camille', signature_style: 'first_name' },
      { handle: 'karim-benali', signature_style: 'initials' },
    ]);
    const topic = await q
      .selectFrom('topics')
      .select('id')
      .where('author_id', '=', team.account_id)
      .where('kind', '!=', 'announcement')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const page = await new Client(t.url).page(topicPath('reseau-des-benevoles', topic.id));
    expect(page.status).toBe(200);
    expect(page.html).toContain('L’équipe du Réseau');
    expect(page.html).toContain('— Camille');
    expect(page.html).toContain('— K.B.');
    expect(page.html).not.toContain('Camille Martin');
    expect(page.html).not.toContain('Karim Benali');
    // The member's private question to the team reaches its animators.
    const c = new Client(t.url);
    await c.api('POST', '/auth/signin', {
      email: 'karim-benali@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    const inbox = await c.page('/messages');
    expect(inbox.html).toContain(' et L’équipe du Réseau</a>');
    expect(inbox.html).toContain('L’équipe du Réseau : Bonjour, bien sûr');
  });

  it('gives members the badges their year earned, and pins an accepted spotlight on the home', async () => {
    const q = db.store.db;
    const awards = await q
      .selectFrom('badge_awards as b')
      .innerJoin('users as u', 'u.id', 'b.user_id')
      .select(['u.handle', 'b.badge'])
      .orderBy('b.id')
      .execute();
    const kinds = new Set(awards.map((a) => a.badge));
    expect(kinds).toContain('first-reply');
    expect(kinds).toContain('first-accepted-answer');
    expect(new Set(awards.map((a) => a.handle)).size).toBeGreaterThan(20);
    const anonymous = new Client(t.url);
    const answerer = awards.find((a) => a.badge === 'first-accepted-answer')?.handle ?? '';
    const profile = await anonymous.page(userPath(answerer));
    expect(profile.status).toBe(200);
    expect(profile.html).toContain('Première réponse acceptée');
    const spotlight = await q
      .selectFrom('spotlights as s')
      .innerJoin('users as u', 'u.id', 's.member_id')
      .select(['s.state', 's.until_at', 'u.display_name'])
      .executeTakeFirstOrThrow();
    expect(spotlight.state).toBe('accepted');
    const days = (Number(spotlight.until_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(15);
    const home = await anonymous.page(communityPath('reseau-des-benevoles'));
    expect(home.html).toContain(`${spotlight.display_name}, à l’honneur`);
  });

  it('has buddy volunteers, and newcomers who got the buddy Ruche proposed first', async () => {
    const q = db.store.db;
    const rows = async (table: 'buddy_volunteers' | 'buddy_assignments') =>
      Number(
        (
          await q
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await rows('buddy_volunteers')).toBeGreaterThanOrEqual(3);
    const assigned = await q
      .selectFrom('activity_log')
      .select(['actor_id', 'target_id'])
      .where('kind', '=', 'buddy.assigned')
      .execute();
    expect(assigned.length).toBeGreaterThanOrEqual(1);
    expect(await rows('buddy_assignments')).toBe(assigned.length);
  });

  it('has newcomers welcomed by the team and by a member, and newcomers still waiting', async () => {
    const c = new Client(t.url);
    await c.api('POST', '/auth/signin', {
      email: 'camille@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    const communities = await c.api<{ communities: { id: number; slug: string }[] }>(
      'GET',
      '/communities',
    );
    const queues = await Promise.all(
      communities.body.communities.map((community) =>
        c.api<{ newcomers: { welcomed: { by: { displayName: string } } | null }[] }>(
          'GET',
          `/communities/${community.id}/welcome-queue`,
        ),
      ),
    );
    const newcomers = queues.flatMap((q) => (q.status === 200 ? q.body.newcomers : []));
    const by = newcomers.flatMap((n) => (n.welcomed ? [n.welcomed.by.displayName] : []));
    expect(by).toContain('L’équipe du Réseau');
    expect(by.some((name) => name !== 'L’équipe du Réseau')).toBe(true);
    expect(newcomers.some((n) => n.welcomed === null)).toBe(true);
  });

  it('has an editorial calendar: one announcement out and pinned, some scheduled, a draft', async () => {
    const c = new Client(t.url);
    await c.api('POST', '/auth/signin', {
      email: 'camille@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    const community = await db.store.db
      .selectFrom('communities')
      .select(['id', 'slug'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const list = await c.api<{ announcements: { state: string; title: string }[] }>(
      'GET',
      `/communities/${community.id}/announcements`,
    );
    expect(list.status).toBe(200);
    const states = list.body.announcements.map((a) => a.state);
    expect(states.filter((s) => s === 'scheduled').length).toBeGreaterThanOrEqual(3);
    expect(states).toContain('draft');
    expect(states).toContain('published');
    const home = await c.page(`/c/${community.slug}`);
    expect(home.html).toContain('Permanences de fin d’année : les horaires');
    const calendar = await c.page(`/c/${community.slug}/calendar`);
    expect(calendar.status).toBe(200);
    expect(calendar.html).toContain('Appel à bénévoles pour la fête des voisins');
  });
});
