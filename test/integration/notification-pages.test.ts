import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCursor } from '../../src/activity/index.js';
import { processNotifications } from '../../src/notifications/index.js';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { createTestStore, databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
interface Note {
  id: number;
  kind: string;
  read: boolean;
  text: string;
  topicId: number | null;
}

describe.each(databases)('notification pages and API on %s', (kind) => {
  let t: TestApp;
  let community: { id: number; slug: string };
  let asker: Member;
  let helper: Member;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    asker = await newMember(t, 'Léa Asker');
    helper = await newMember(t, 'Hugo Helper');
    await join(asker.client, community.id);
    await join(helper.client, community.id);
  });
  afterAll(() => t.close());

  const ask = async (title: string) => {
    const res = await asker.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title, body: 'Une idée ?' },
    );
    return res.body.topic.id;
  };
  const answer = (topicId: number, body = 'Voici.') =>
    helper.client.api('POST', `/topics/${topicId}/replies`, { body });
  const list = async (m: Member) => {
    await caughtUp(t);
    return (await m.client.api<{ notifications: Note[]; unread: number }>('GET', '/notifications'))
      .body;
  };
  const rowsOf = (userId: number) =>
    t.store.db
      .selectFrom('notifications')
      .select(['id', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();

  it('lists notifications on a page that works without JavaScript, and counts them in every header', async () => {
    const q = await ask('Comment bien démarrer ?');
    await answer(q);
    await caughtUp(t);
    const home = await asker.client.page('/');
    expect(home.html).toContain(
      '<a href="/notifications">Notifications <span class="badge" data-unread>1</span>',
    );
    expect(home.html).toMatch(
      /<span class="visually-hidden" data-unread-label [^>]*> non lue<\/span>/,
    );
    const page = await asker.client.page('/notifications');
    expect(page.status).toBe(200);
    if (process.env.SHOW_PAGES) console.log(page.html);
    expect(page.html).toContain(
      'Hugo Helper a répondu à votre question « Comment bien démarrer ? »',
    );
    expect(page.html).toContain('1 notification non lue');
    expect(await htmlProblems(page.html)).toEqual([]);
    // Not signed in: the page asks to sign in first, and no header counts anything.
    const anonymous = new Client(t.url);
    expect((await anonymous.page('/notifications')).status).toBe(303);
    expect((await anonymous.page('/')).html).not.toContain('href="/notifications"');
  });

  it('marks one read, then all, by forms with their token, and says so', async () => {
    const q1 = await ask('Première question');
    const q2 = await ask('Deuxième question');
    await answer(q1);
    await answer(q2);
    const before = await list(asker);
    const one = before.notifications.find((n) => n.topicId === q1);
    if (!one) throw new Error('no notification');
    // Without the form's token, nothing changes.
    const forged = await asker.client.request('POST', `/notifications/${one.id}/read`, {
      form: { _csrf: 'forged' },
    });
    expect(forged.status).toBe(403);
    expect((await list(asker)).unread).toBe(before.unread);
    const res = await asker.client.submit('/notifications', `/notifications/${one.id}/read`, {
      next: '/notifications',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/notifications');
    const after = await asker.client.page('/notifications');
    expect(after.html).toContain('Notification marquée comme lue.');
    expect((await list(asker)).unread).toBe(before.unread - 1);
    const all = await asker.client.submit('/notifications', '/notifications/read', {});
    expect(all.status).toBe(303);
    expect((await asker.client.page('/notifications')).html).toContain(
      'Toutes vos notifications sont marquées comme lues.',
    );
    expect((await list(asker)).unread).toBe(0);
  });

  it('reads the notifications of a topic when its page is opened', async () => {
    const q = await ask('Lue en ouvrant');
    await answer(q);
    const unread = (await list(asker)).unread;
    const page = await asker.client.page(`/c/${community.slug}/t/${q}`);
    expect(page.html).toContain('Notifications de cette conversation');
    expect((await list(asker)).unread).toBe(unread - 1);
  });

  it('marks read and counts through the API, and refuses what is not the member’s', async () => {
    const q = await ask('Par l’API');
    await answer(q);
    const mine = (await list(asker)).notifications.find((n) => n.topicId === q);
    if (!mine) throw new Error('no notification');
    const count = await asker.client.api<{ unread: number }>('GET', '/notifications/unread');
    expect(count.status).toBe(200);
    // Someone else's notification is as missing as an unknown one, and stays unread.
    const stranger = await helper.client.api<{ error: { code: string; message: string } }>(
      'POST',
      `/notifications/${mine.id}/read`,
    );
    expect(stranger.status).toBe(404);
    expect(stranger.body.error).toEqual({
      code: 'not_found',
      message: 'Cette notification n’existe pas, ou elle n’est pas à vous.',
    });
    const unknown = await asker.client.api<{ error: { message: string } }>(
      'POST',
      '/notifications/999999/read',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'This notification does not exist, or it is not yours.',
    );
    const garbled = await asker.client.api('POST', '/notifications/abc/read');
    expect(garbled.status).toBe(400);
    expect((await rowsOf(asker.id)).find((r) => r.id === mine.id)?.read_at).toBeNull();
    const read = await asker.client.api<{ unread: number }>(
      'POST',
      `/notifications/${mine.id}/read`,
    );
    expect(read.status).toBe(200);
    expect(read.body.unread).toBe(count.body.unread - 1);
    const all = await asker.client.api<{ unread: number }>('POST', '/notifications/read');
    expect(all.body).toEqual({ unread: 0 });
    expect((await asker.client.api('GET', '/notifications')).status).toBe(200);
    expect((await new Client(t.url).api('GET', '/notifications')).status).toBe(401);
  });

  it('refuses a watching level that does not exist, or a topic the member may not read', async () => {
    const q = await ask('Niveaux');
    const bad = await asker.client.api<{
      error: { code: string; message: string; field?: string };
    }>('PUT', `/topics/${q}/watching`, { level: 'loud' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.message).toContain('Niveau de suivi');
    await caughtUp(t);
    expect((await asker.client.api('GET', `/topics/${q}/watching`)).body).toEqual({
      level: 'watching',
      via: 'topic',
    });
    const hidden = await newCommunity((await newAdmin(t)).client, 'private');
    const secret = await t.store.db
      .insertInto('topics')
      .values({
        community_id: hidden.id,
        group_id: null,
        author_id: helper.id,
        kind: 'discussion',
        title: 'Caché',
        body: 'x',
        body_html: '<p>x</p>',
        accepted_reply_id: null,
        reply_count: 0,
        created_at: Date.now(),
        updated_at: Date.now(),
        last_activity_at: Date.now(),
        deleted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const denied = await asker.client.api('PUT', `/topics/${secret.id}/watching`, {
      level: 'watching',
    });
    expect(denied.status).toBe(404);
    expect((await asker.client.api('GET', `/groups/999999/watching`)).status).toBe(404);
    const watches = await t.store.db
      .selectFrom('topic_watches')
      .select('level')
      .where('user_id', '=', asker.id)
      .where('topic_id', 'in', [q, Number(secret.id)])
      .execute();
    expect(watches).toEqual([{ level: 'watching' }]);
  });

  it('sets the watching level and the preferences by page forms', async () => {
    const q = await ask('Réglages par formulaire');
    const topicPage = `/c/${community.slug}/t/${q}`;
    const res = await asker.client.submit(topicPage, '/notifications/watch', {
      place: 'topic',
      id: String(q),
      level: 'muted',
      next: topicPage,
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe(topicPage);
    const after = await asker.client.page(topicPage);
    if (process.env.SHOW_PAGES) console.log(after.html);
    expect(after.html).toContain('Réglage des notifications enregistré.');
    expect(after.html).toMatch(/<option value="muted" selected/);
    expect(await htmlProblems(after.html)).toEqual([]);

    const prefsPage = await asker.client.page('/notifications/preferences');
    expect(prefsPage.status).toBe(200);
    expect(await htmlProblems(prefsPage.html)).toEqual([]);
    // Every box ticked but two: thanks off on the site, mentions off by e-mail.
    const fields: Record<string, string> = {};
    for (const [, name] of prefsPage.html.matchAll(/name="((?:inApp|email)\.[a-z_]+)"/g))
      if (name && name !== 'inApp.thanks' && name !== 'email.mention') fields[name] = '1';
    const saved = await asker.client.submit(
      '/notifications/preferences',
      '/notifications/preferences',
      fields,
    );
    expect(saved.status).toBe(303);
    const prefs = await asker.client.api<{
      preferences: { kind: string; inApp: boolean; byEmail: boolean }[];
    }>('GET', '/notifications/preferences');
    expect(prefs.body.preferences.find((p) => p.kind === 'thanks')).toEqual({
      kind: 'thanks',
      inApp: false,
      byEmail: true,
    });
    expect(prefs.body.preferences.find((p) => p.kind === 'mention')).toEqual({
      kind: 'mention',
      inApp: true,
      byEmail: false,
    });
    expect((await asker.client.page('/notifications/preferences')).html).toContain(
      'Vos préférences de notification sont enregistrées.',
    );
    const unknownKind = await asker.client.api('PUT', '/notifications/preferences', {
      preferences: [{ kind: 'everything', inApp: false }],
    });
    expect(unknownKind.status).toBe(400);
  });
});

describe.each(databases)('the notifications outbox on %s', (kind) => {
  it('notifies right after the write, without waiting for the poll', async () => {
    const t = await startTestApp(kind, { NOTIFY_INTERVAL_SECONDS: '600' });
    try {
      const admin = await newAdmin(t);
      const community = await newCommunity(admin.client);
      const asker = await newMember(t, 'Léa Asker');
      const helper = await newMember(t, 'Hugo Helper');
      await join(asker.client, community.id);
      await join(helper.client, community.id);
      const q = await asker.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${community.id}/topics`,
        { kind: 'question', title: 'Tout de suite ?', body: 'Une idée ?' },
      );
      await helper.client.api('POST', `/topics/${q.body.topic.id}/replies`, { body: 'Oui.' });
      // Only the nudge after the reply's answer can make it within 2 s: the poll is 10 minutes.
      for (const until = Date.now() + 2000; ;) {
        const unread = await asker.client.api<{ unread: number }>('GET', '/notifications/unread');
        if (unread.body.unread === 1) break;
        if (Date.now() > until) throw new Error('not notified within 2 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await t.close();
    }
  });

  it('delivers once what a process logged before dying, however many passes run', async () => {
    const db = await createTestStore(kind);
    // A process that commits posts but never turns them into notifications: it "dies" after.
    const first = await startTestApp(kind, { NOTIFY_INTERVAL_SECONDS: '0' }, db);
    const admin = await newAdmin(first);
    const community = await newCommunity(admin.client);
    const asker = await newMember(first, 'Léa Asker');
    const helper = await newMember(first, 'Hugo Helper');
    await join(asker.client, community.id);
    await join(helper.client, community.id);
    const q = await asker.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title: 'Avant la panne', body: 'Une idée ?' },
    );
    await helper.client.api('POST', `/topics/${q.body.topic.id}/replies`, { body: 'Oui.' });
    const count = async () =>
      Number(
        (
          await db.store.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(0);
    await first.close();

    // Two passes at once, then another: the reply notifies its asker exactly once.
    const told: [number, number][] = [];
    const onNotified = (unread: ReadonlyMap<number, number>) => void told.push(...unread);
    await Promise.all([
      processNotifications(db.store, { onNotified }),
      processNotifications(db.store, { onNotified }),
    ]);
    await processNotifications(db.store, { onNotified });
    expect(await count()).toBe(1);
    expect(told).toEqual([[asker.id, 1]]);

    // A restarted instance starts where the cursor is: nothing twice.
    const second = await startTestApp(kind, {}, db);
    await caughtUp(second);
    expect(await count()).toBe(1);
    const end = await db.store.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    expect(await readCursor(db.store.db, 'notifications')).toBe(Number(end.id));
    await second.close();
    await db.drop();
  });
});
