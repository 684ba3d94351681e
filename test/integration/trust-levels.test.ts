// Trust levels (issue 24): levels earned from the activity log by the level job, idempotent; a
// level an admin set and locked stays; TL0 members post no link or image and are held to a daily
// cap and a delay between posts (and a daily cap on private messages); a TL1 member is not;
// staff are exempt; only instance admins set a level, by API and page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivities, type ActivityEntry } from '../../src/activity/index.js';
import { updateTrustLevels } from '../../src/trust/index.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { migrateToLatest } from '../../src/db/index.js';
import { createTestStore, databases, startTestApp, type TestApp } from '../harness.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type ApiError = { error: { code: string; message: string; field?: string } };
type Trust = {
  level: number;
  name: string;
  locked: boolean;
  setBy: { handle: string } | null;
  limits: { links: boolean; postsPerDay: number };
  next: {
    level: number;
    requirements: { rule: string; have: number; need: number; met: boolean; label: string }[];
  } | null;
};

const DAY = 86_400_000;

describe.each(databases)('trust levels on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let cam: Member; // an animator of the community, on a fresh account
  let ana: Member; // reads a little: basic (TL1)
  let leo: Member; // came back on 15 days and took part a little: member (TL2)
  let rea: Member; // active over the last 100 days: regular (TL3)
  let zoe: Member; // reads as much as Ana, but an admin locked her at TL0
  let adminTopic: number;
  const at = Date.now();
  const ago = (days: number) => at - days * DAY;

  const post = (who: { client: Member['client'] }, body: string, title = 'Une question') =>
    who.client.api<{ topic: { id: number } } & ApiError>(
      'POST',
      `/communities/${community.id}/topics`,
      { title, body },
    );
  const reply = (who: { client: Member['client'] }, topicId: number, body: string) =>
    who.client.api<ApiError>('POST', `/topics/${topicId}/replies`, { body });
  const trustOf = async (who: Member) => (await who.client.api<Trust>('GET', '/me/trust')).body;
  const log = (entries: ActivityEntry[]) =>
    t.store.db.transaction().execute((trx) => recordActivities(t.store, trx, entries));
  const row = (userId: number) =>
    t.store.db
      .selectFrom('trust_levels')
      .select(['level', 'locked', 'set_by'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
  const postsBy = async (userId: number) =>
    Number(
      (
        await t.store.db
          .selectFrom('activity_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('actor_id', '=', userId)
          .where('kind', 'in', ['topic.created', 'reply.created'])
          .executeTakeFirstOrThrow()
      ).n,
    );
  const base = (actorId: number, kind: ActivityEntry['kind'], when: number) => ({
    actorId,
    communityId: community.id,
    kind,
    at: when,
  });
  const view = (actorId: number, topicId: number, when: number): ActivityEntry => ({
    ...base(actorId, 'content.viewed', when),
    targetKind: 'topic',
    targetId: topicId,
    topicId,
  });

  beforeAll(async () => {
    t = await startTestApp(kind, {
      TRUST_LIMITS: '1',
      MESSAGES_MIN_ACCOUNT_HOURS: '0',
      MESSAGES_NEW_ACCOUNT_DAYS: '0',
    });
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    cam = await newMember(t, 'Camille Animatrice');
    ana = await newMember(t, 'Ana Lectrice');
    leo = await newMember(t, 'Léo Membre');
    rea = await newMember(t, 'Réa Habituée');
    zoe = await newMember(t, 'Zoé Verrouillée');
    for (const m of [cam, ana, leo, rea, zoe]) await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${cam.id}`, {
      role: 'animator',
    });
    // The admin is exempt: a topic with a link, for reactions to land on.
    adminTopic = (await post(admin, 'Le programme : https://exemple.org/programme')).body.topic.id;
    // Léo's and Réa's first posts (plain text: allowed at TL0), for reactions they receive.
    const leoTopic = (await post(leo, 'Bonjour à tous', 'Présentation de Léo')).body.topic.id;
    const reaTopic = (await post(rea, 'Bonjour à toutes', 'Présentation de Réa')).body.topic.id;

    const entries: ActivityEntry[] = [];
    // Ana, 2 days ago: 10 topic pages opened over 5 topics (3000–3004).
    // → topicsEntered 5 ≥ 5, views 10 ≥ 10: basic (TL1); 1–2 days visited: not member.
    // Zoé: the very same, but locked at TL0 by an admin before the job runs.
    for (const who of [ana, zoe])
      for (let k = 0; k < 10; k++) entries.push(view(who.id, 3000 + (k % 5), ago(2)));
    // Léo, 200 to 186 days ago (outside the 100-day window): 35 views over 20 topics
    // (1000–1019) on 15 distinct days; replies in 3 topics; one reaction given (to the admin's
    // topic), one received (the admin's, on his topic).
    // → visitDays 15, topicsEntered 20, views 35, topicsReplied 3, given 1, received 1: member
    // (TL2); over the window only today's post: not regular.
    for (let k = 0; k < 35; k++) entries.push(view(leo.id, 1000 + (k % 20), ago(200 - (k % 15))));
    for (const topicId of [1000, 1001, 1002])
      entries.push({ ...base(leo.id, 'reply.created', ago(190)), topicId, targetKind: 'reply' });
    entries.push({
      ...base(leo.id, 'reaction.added', ago(189)),
      targetKind: 'topic',
      targetId: adminTopic,
    });
    entries.push({
      ...base(admin.id, 'reaction.added', ago(188)),
      targetKind: 'topic',
      targetId: leoTopic,
    });
    // Réa, over the last 60 days (inside the window): 2 views a day over 25 topics (2000–2024),
    // 12 replies (days 1–12), 30 reactions given (days 1–30), 20 received from the admin
    // (days 1–20).
    // → lifetime: visitDays 60 (+ today), views 120, topicsEntered 20 (capped), topicsReplied 3
    // (capped), given 30, received 20: member; window: 61 days ≥ 50, views 120 ≥ 100, replies
    // 12 ≥ 10, given 30 ≥ 30, received 20 ≥ 20: regular (TL3).
    for (let d = 1; d <= 60; d++) {
      entries.push(view(rea.id, 2000 + ((2 * d) % 25), ago(d)));
      entries.push(view(rea.id, 2000 + ((2 * d + 1) % 25), ago(d)));
    }
    for (let d = 1; d <= 12; d++)
      entries.push({
        ...base(rea.id, 'reply.created', ago(d)),
        topicId: 2000 + d,
        targetKind: 'reply',
      });
    for (let d = 1; d <= 30; d++)
      entries.push({
        ...base(rea.id, 'reaction.added', ago(d)),
        targetKind: 'topic',
        targetId: adminTopic,
      });
    for (let d = 1; d <= 20; d++)
      entries.push({
        ...base(admin.id, 'reaction.added', ago(d)),
        targetKind: 'topic',
        targetId: reaTopic,
      });
    // Log order is time order, as in production.
    entries.sort((a, b) => a.at - b.at);
    await log(entries);
    const locked = await admin.client.api<Trust>('PUT', `/admin/users/${zoe.id}/trust`, {
      level: 0,
      locked: true,
    });
    expect(locked.status).toBe(200);
  });
  afterAll(() => t.close());

  it('earns each member the level the log shows, and a second run changes nothing', async () => {
    const changes = await updateTrustLevels(t.store, at);
    const to = new Map(changes.map((c) => [c.userId, c.to]));
    expect(to.get(ana.id)).toBe(1);
    expect(to.get(leo.id)).toBe(2);
    expect(to.get(rea.id)).toBe(3);
    expect(to.has(zoe.id)).toBe(false);
    expect((await trustOf(ana)).level).toBe(1);
    expect((await trustOf(leo)).level).toBe(2);
    expect((await trustOf(rea)).level).toBe(3);
    // Locked: Zoé read as much as Ana, and stays where the admin set her.
    const zoeTrust = await trustOf(zoe);
    expect(zoeTrust).toMatchObject({ level: 0, locked: true, next: null });

    const snapshot = async () => ({
      levels: await t.store.db.selectFrom('trust_levels').selectAll().orderBy('user_id').execute(),
      days: await t.store.db
        .selectFrom('trust_days')
        .selectAll()
        .orderBy('user_id')
        .orderBy('day')
        .execute(),
      topics: await t.store.db
        .selectFrom('trust_topics')
        .selectAll()
        .orderBy('user_id')
        .orderBy('how')
        .orderBy('topic_id')
        .execute(),
    });
    const before = await snapshot();
    expect(await updateTrustLevels(t.store, at)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('shows the member their level and what the next one asks', async () => {
    // Ana (TL1) towards member: 10 of 35 views, 5 of 20 topics, no reply yet.
    const mine = await trustOf(ana);
    expect(mine.name).toBe('Initié');
    expect(mine.next?.level).toBe(2);
    const rules = Object.fromEntries(mine.next?.requirements.map((r) => [r.rule, r]) ?? []);
    expect(rules.views).toMatchObject({ have: 10, need: 35, met: false });
    expect(rules.topicsEntered).toMatchObject({ have: 5, need: 20, met: false });
    expect(rules.topicsReplied).toMatchObject({ have: 0, need: 3 });
    expect(rules.topicsReplied?.label).toBe('Répondre dans 3 sujets différents');
    expect((await ana.client.page('/account')).html).toContain('href="/account/trust"');
    const page = await ana.client.page('/account/trust');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Votre niveau : Initié (1)');
    expect(page.html).toContain('Répondre dans 3 sujets différents');
    // A new account: TL0, 5 topics to read.
    const noe = await newMember(t, 'Noé Nouveau');
    const fresh = await trustOf(noe);
    expect(fresh).toMatchObject({ level: 0, name: 'Nouveau', limits: { links: false } });
    expect(fresh.next?.requirements.find((r) => r.rule === 'topicsEntered')).toMatchObject({
      have: 0,
      need: 5,
    });
  });

  it('refuses a link or an image from a TL0 member, by API and page, keeping the text', async () => {
    const noe = await newMember(t, 'Noé Lien');
    await join(noe.client, community.id);
    const linked = await post(noe, 'Voir https://exemple.org/promo pour tout savoir');
    expect(linked.status).toBe(400);
    expect(linked.body.error.code).toBe('invalid_input');
    expect(linked.body.error.field).toBe('body');
    expect(linked.body.error.message).toContain('ne mettent pas encore de lien');
    const image = await reply(noe, adminTopic, 'Regardez ![affiche](https://exemple.org/a.png)');
    expect(image.status).toBe(400);
    expect(image.body.error.message).toContain('d’image');
    const english = await noe.client.api<ApiError>(
      'POST',
      `/topics/${adminTopic}/replies`,
      { body: '[ici](https://exemple.org)' },
      { 'accept-language': 'en' },
    );
    expect(english.body.error.message).toContain('cannot put links in their posts yet');
    // A mention is not a link.
    expect((await reply(noe, adminTopic, `Merci @${ana.handle} !`)).status).toBe(201);

    const topicPage = `/c/${community.slug}/t/${adminTopic}`;
    const typed = 'Mon site https://exemple.org/boutique vend des ruches';
    const page = await noe.client.submit(topicPage, `${topicPage}/replies`, { body: typed });
    expect(page.status).toBe(400);
    expect(page.html).toContain(typed);
    expect(page.html).toContain('ne mettent pas encore de lien');
    expect(await postsBy(noe.id)).toBe(1);
  });

  it('holds a TL0 member to the delay between posts and the daily cap', async () => {
    const noe = await newMember(t, 'Noé Pressé');
    await join(noe.client, community.id);
    expect((await reply(noe, adminTopic, 'Premier message')).status).toBe(201);
    const tooSoon = await reply(noe, adminTopic, 'Deuxième message, aussitôt');
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.code).toBe('rate_limited');
    expect(tooSoon.body.error.message).toMatch(/publier dans (30|29|28) secondes/);
    expect(await postsBy(noe.id)).toBe(1);

    // Dix wrote 10 posts over the last 100 minutes (hand-built): the 11th waits for the oldest
    // to leave the 24 hours, about 22 h 20 min later ("23 heures", rounded up).
    const dix = await newMember(t, 'Dix Messages');
    await join(dix.client, community.id);
    const now = Date.now();
    await log(
      Array.from({ length: 10 }, (_, k) => ({
        ...base(dix.id, 'reply.created', now - (k + 1) * 600_000),
        topicId: adminTopic,
      })),
    );
    const capped = await reply(dix, adminTopic, 'Le onzième');
    expect(capped.status).toBe(429);
    expect(capped.body.error.message).toContain('au plus 10 messages en 24 heures');
    expect(capped.body.error.message).toContain('dans 23 heures');
    expect(await postsBy(dix.id)).toBe(10);
  });

  it('caps a TL0 member’s private messages per 24 hours', async () => {
    const noe = await newMember(t, 'Noé Bavard');
    await join(noe.client, community.id);
    // Written to by the animator, Noé answers: 20 a day at TL0.
    const started = await cam.client.api<{ conversationId: number }>(
      'POST',
      '/messages/conversations',
      {
        recipients: [noe.handle],
        body: 'Bienvenue !',
      },
    );
    expect(started.status).toBe(201);
    const path = `/messages/conversations/${started.body.conversationId}/messages`;
    for (let k = 0; k < 20; k++)
      expect((await noe.client.api('POST', path, { body: `Réponse ${k}` })).status).toBe(201);
    const capped = await noe.client.api<ApiError>('POST', path, { body: 'Une de trop' });
    expect(capped.status).toBe(429);
    expect(capped.body.error.message).toContain('au plus 20 messages privés');
  });

  it('lets a TL1 member post links, and staff post freely', async () => {
    expect((await post(ana, 'Les horaires : https://exemple.org/horaires')).status).toBe(201);
    // Camille's account is as new as Noé's, but she animates the community.
    expect((await post(cam, 'Lien utile : https://exemple.org')).status).toBe(201);
    expect((await reply(cam, adminTopic, 'Et ![affiche](https://exemple.org/a.png)')).status).toBe(
      201,
    );
    expect((await reply(cam, adminTopic, 'Et encore un')).status).toBe(201);
  });

  it('starts members already there at level 1 when an instance upgrades', async () => {
    const old = await createTestStore(kind, { migrateTo: '034_welcome_figures' });
    try {
      await old.store.db
        .insertInto('users')
        .values({
          email: 'ancien@example.test',
          handle: 'ancien',
          password_hash: '!',
          display_name: 'Ancien Membre',
          bio: '',
          locale: null,
          is_admin: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await migrateToLatest(old.store);
      const rows = await old.store.db
        .selectFrom('trust_levels')
        .select(['level', 'locked', 'set_by'])
        .execute();
      expect(rows).toEqual([{ level: 1, locked: 0, set_by: null }]);
    } finally {
      await old.drop();
    }
  });

  it('lets only instance admins set a level, by API and page', async () => {
    const target = `/admin/users/${ana.id}/trust`;
    const before = await row(ana.id);
    for (const who of [ana, cam]) {
      const res = await who.client.api<ApiError>('PUT', target, { level: 4, locked: true });
      expect(res.status).toBe(404);
      expect((await who.client.api('GET', target)).status).toBe(404);
      expect((await who.client.page(`/admin/users/${ana.handle}/trust`)).status).toBe(404);
    }
    expect(await row(ana.id)).toEqual(before);

    const bad = await admin.client.api<ApiError>('PUT', target, { level: 9, locked: false });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.message).toContain('de 0 (Nouveau) à 4 (Pilier)');
    expect(await row(ana.id)).toEqual(before);

    const set = await admin.client.api<Trust>('PUT', target, { level: 4, locked: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ level: 4, name: 'Pilier', locked: true, next: null });
    expect(await row(ana.id)).toMatchObject({ level: 4, locked: 1, set_by: admin.id });

    const pagePath = `/admin/users/${leo.handle}/trust`;
    const page = await admin.client.page(pagePath);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Niveau de confiance de Léo Membre');
    const saved = await admin.client.submit(pagePath, pagePath, { level: '1', locked: '1' });
    expect(saved.status).toBe(303);
    expect(await row(leo.id)).toMatchObject({ level: 1, locked: 1, set_by: admin.id });
    // Locked, the job leaves it, whatever Léo earned.
    await updateTrustLevels(t.store, Date.now());
    expect(await row(leo.id)).toMatchObject({ level: 1, locked: 1 });
  });
});
