import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversationPath,
  isBlocked,
  messagePath,
  messagesForNotification,
  unreadAmong,
  whoBlocked,
} from '../../src/messages/index.js';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Person = { handle: string | null; displayName: string | null; isFormerMember: boolean };
type Message = {
  id: number;
  conversationId: number;
  author: Person;
  body: string;
  bodyHtml: string;
  isUnread: boolean;
};
type Started = { conversationId: number; message: Message };
type Thread = {
  conversation: { id: number; participants: (Person & { hasLeft: boolean })[] };
  messages: Message[];
  hasEarlier: boolean;
};
type List = {
  conversations: { id: number; unread: number; participants: Person[] }[];
  unread: number;
};
type ApiError = { error: { code: string; message: string; field?: string } };

const base = '/messages/conversations';
// Members here are as old as the test: the limits on new accounts have their own suite.
const noNewAccountLimits = { MESSAGES_MIN_ACCOUNT_HOURS: '0', MESSAGES_NEW_ACCOUNT_DAYS: '0' };

/** Rows of the private-message tables and of the activity log: what a refusal must not change. */
async function footprint(t: TestApp) {
  const count = async (table: string) => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(t.store.db);
    return Number(rows[0]?.n);
  };
  return {
    conversations: await count('message_conversations'),
    participants: await count('message_participants'),
    messages: await count('messages'),
    blocks: await count('member_blocks'),
    activity: await count('activity_log'),
  };
}

function start(from: Member, recipients: string[], body = 'Bonjour, comment allez-vous ?') {
  return from.client.api<Started & ApiError>('POST', base, { recipients, body });
}

describe.each(databases)('private messages on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let alice: Member;
  let bruno: Member;
  let chloe: Member;
  let outsider: Member;

  beforeAll(async () => {
    t = await startTestApp(kind, noNewAccountLimits);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    alice = await newMember(t, 'Alice Martin');
    bruno = await newMember(t, 'Bruno Petit');
    chloe = await newMember(t, 'Chloé Durand');
    outsider = await newMember(t, 'Oscar Dehors');
    for (const m of [alice, bruno, chloe]) await join(m.client, community.id);
  });
  afterAll(() => t.close());

  it('writes to one member, who sees it unread, reads it and answers', async () => {
    const before = await footprint(t);
    const res = await start(alice, [`@${bruno.handle}`], 'Bonjour **Bruno**, merci pour hier.');
    expect(res.status).toBe(201);
    const { conversationId, message } = res.body;
    expect(message.bodyHtml).toContain('<strong>Bruno</strong>');
    expect(message.author).toEqual({
      handle: alice.handle,
      displayName: 'Alice Martin',
      isFormerMember: false,
    });
    // One conversation, two participants, one message, and one activity row outside any
    // community, written with it.
    const after = await footprint(t);
    expect(after).toEqual({
      ...before,
      conversations: before.conversations + 1,
      participants: before.participants + 2,
      messages: before.messages + 1,
      activity: before.activity + 1,
    });
    const row = await t.store.db
      .selectFrom('activity_log')
      .selectAll()
      .where('kind', '=', 'message.sent')
      .where('target_id', '=', message.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_id: alice.id,
      community_id: null,
      group_id: null,
      target_kind: 'message',
    });

    expect((await bruno.client.api('GET', '/messages/unread')).body).toEqual({ unread: 1 });
    const list = await bruno.client.api<List>('GET', base);
    expect(list.body.unread).toBe(1);
    expect(list.body.conversations[0]).toMatchObject({ id: conversationId, unread: 1 });
    expect(list.body.conversations[0]?.participants.map((p) => p.displayName)).toEqual([
      'Alice Martin',
      'Bruno Petit',
    ]);
    const thread = await bruno.client.api<Thread>('GET', `${base}/${conversationId}`);
    expect(thread.body.messages.map((m) => m.isUnread)).toEqual([true]);
    // The API reads without marking: marking read is its own request.
    expect((await bruno.client.api('GET', '/messages/unread')).body).toEqual({ unread: 1 });
    expect((await bruno.client.api('PUT', `${base}/${conversationId}/read`)).status).toBe(204);
    expect((await bruno.client.api('GET', '/messages/unread')).body).toEqual({ unread: 0 });

    const answer = await bruno.client.api<{ message: Message }>(
      'POST',
      `${base}/${conversationId}/messages`,
      { body: 'Avec plaisir !' },
    );
    expect(answer.status).toBe(201);
    expect((await alice.client.api('GET', '/messages/unread')).body).toEqual({ unread: 1 });
    // Her own messages are never unread to her.
    const hers = await alice.client.api<Thread>('GET', `${base}/${conversationId}`);
    expect(hers.body.messages.map((m) => [m.body, m.isUnread])).toEqual([
      ['Bonjour **Bruno**, merci pour hier.', false],
      ['Avec plaisir !', true],
    ]);
    // Marking read up to a message of another conversation is refused.
    const elsewhere = await alice.client.api<ApiError>('PUT', `${base}/${conversationId}/read`, {
      messageId: 999_999,
    });
    expect(elsewhere.status).toBe(404);
  });

  it('shows the conversation in pages: list, unread count in the header, thread, reply', async () => {
    const res = await start(chloe, [alice.handle], 'Tu viens **samedi** ?');
    const id = res.body.conversationId;
    const home = await alice.client.page('/');
    expect(home.html).toMatch(/<a href="\/messages">Messages <span class="badge unread"[^>]*>\d+</);
    const list = await alice.client.page('/messages');
    expect(list.status).toBe(200);
    expect(list.html).toContain(`href="/messages/${id}"`);
    expect(list.html).toContain('Chloé Durand');
    expect(list.html).toContain('1 non lu');
    expect(await htmlProblems(list.html)).toEqual([]);

    const page = await alice.client.page(`/messages/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Conversation avec Chloé Durand');
    expect(page.html).toContain('<strong>samedi</strong>');
    expect(page.html).toContain('Nouveau');
    expect(await htmlProblems(page.html)).toEqual([]);
    // Shown is read: the next showing has no "new" mark.
    expect((await alice.client.page(`/messages/${id}`)).html).not.toContain(
      'class="badge unread">Nouveau',
    );

    const sent = await alice.client.submit(`/messages/${id}`, `/messages/${id}`, {
      body: 'Oui, à samedi.',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(new RegExp(`^/messages/${id}#message-\\d+$`));
    const chloeThread = await chloe.client.api<Thread>('GET', `${base}/${id}`);
    expect(chloeThread.body.messages.at(-1)?.body).toBe('Oui, à samedi.');

    // An empty answer is told on the form; nothing is written.
    const before = await footprint(t);
    const empty = await alice.client.submit(`/messages/${id}`, `/messages/${id}`, { body: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('role="alert"');
    expect(await footprint(t)).toEqual(before);

    // A new conversation from a profile's "write to" link, by page.
    const profile = await alice.client.page(`/u/${bruno.handle}`);
    expect(profile.html).toContain(`href="/messages/new?to=${bruno.handle}"`);
    const compose = await alice.client.page(`/messages/new?to=${bruno.handle}`);
    expect(compose.html).toContain(`value="${bruno.handle}"`);
    expect(await htmlProblems(compose.html)).toEqual([]);
    expect(await htmlProblems((await alice.client.page(`/messages/${id}/leave`)).html)).toEqual([]);
    const made = await alice.client.submit(`/messages/new?to=${bruno.handle}`, '/messages/new', {
      recipients: `@${bruno.handle}, ${chloe.handle}`,
      body: 'Réunion à trois ?',
    });
    expect(made.status).toBe(303);
    const newId = Number(/^\/messages\/(\d+)#/.exec(made.location ?? '')?.[1]);
    const three = await bruno.client.api<Thread>('GET', `${base}/${newId}`);
    expect(three.body.conversation.participants.map((p) => p.displayName)).toEqual([
      'Alice Martin',
      'Bruno Petit',
      'Chloé Durand',
    ]);
  });

  it('renders Markdown and sanitises it as posts are', async () => {
    const res = await start(
      alice,
      [bruno.handle],
      '<script>alert(1)</script> [lien](javascript:alert(2)) <img src=x onerror=alert(3)> *ok*',
    );
    expect(res.status).toBe(201);
    const html = res.body.message.bodyHtml;
    expect(html).toContain('<em>ok</em>');
    // Shown as text, never as markup: no script, no javascript: link, no image handler.
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|href="javascript:|<img/i);
    const page = await bruno.client.page(`/messages/${res.body.conversationId}`);
    expect(page.html).not.toMatch(/<script>alert|href="javascript:|<img src="?x/i);
  });

  it('writes to 10 people at most: 11 are refused, by API and by page, and nothing is written', async () => {
    const crowd: Member[] = [];
    for (let i = 0; i < 11; i++) {
      const m = await newMember(t, `Voisin ${i}`);
      await join(m.client, community.id);
      crowd.push(m);
    }
    const before = await footprint(t);
    const eleven = await start(
      alice,
      crowd.map((m) => m.handle),
    );
    expect(eleven.status).toBe(400);
    expect(eleven.body.error).toMatchObject({ code: 'invalid_input', field: 'recipients' });
    expect(eleven.body.error.message).toBe(
      'Un message privé va à 10 personnes au plus ; vous en avez indiqué 11. Pour écrire à plus de monde, publiez dans un groupe.',
    );
    const page = await alice.client.submit('/messages/new', '/messages/new', {
      recipients: crowd.map((m) => `@${m.handle}`).join(', '),
      body: 'Un message pour tout le quartier',
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain('10 personnes au plus ; vous en avez indiqué 11');
    // What was typed is kept.
    expect(page.html).toContain('Un message pour tout le quartier');
    expect(page.html).toContain(`@${crowd[10]?.handle}`);
    expect(crowd.map((m) => `@${m.handle}`).join(', ').length).toBeGreaterThan(100);
    expect(await footprint(t)).toEqual(before);

    const ten = await start(
      alice,
      crowd.slice(0, 10).map((m) => m.handle),
    );
    expect(ten.status).toBe(201);
    const thread = await crowd[9]!.client.api<Thread>('GET', `${base}/${ten.body.conversationId}`);
    expect(thread.body.conversation.participants).toHaveLength(11);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const { conversationId } = (await start(alice, [bruno.handle])).body;
    const before = await footprint(t);
    const cases: [Promise<{ status: number; body: ApiError }>, number, string, string?][] = [
      [start(alice, [alice.handle]), 400, 'Vous ne pouvez pas vous écrire à vous-même.'],
      [start(alice, []), 400, 'Indiquez à qui écrire', 'recipients'],
      [start(alice, ['@personne-de-ce-nom']), 400, 'Aucun membre ne porte l’identifiant'],
      [start(alice, [bruno.handle], '   '), 400, 'Texte', 'body'],
      [start(alice, [bruno.handle], 'x'.repeat(20_001)), 400, 'trop long', 'body'],
      [start(alice, [bruno.handle], 'x'.repeat(1_000_000)), 413, ''],
      [start(alice, [outsider.handle]), 403, 'n’est dans aucune des vôtres', 'recipients'],
      [start(outsider, [alice.handle]), 403, 'n’est dans aucune des vôtres'],
      [
        alice.client.api('POST', `${base}/999999/messages`, { body: 'Allô ?' }),
        404,
        "n'existe pas",
      ],
      [
        chloe.client.api('POST', `${base}/${conversationId}/messages`, { body: 'Moi aussi' }),
        404,
        '',
      ],
      [chloe.client.api('PUT', `${base}/${conversationId}/read`), 404, ''],
      [chloe.client.api('POST', `${base}/${conversationId}/leave`), 404, ''],
      [
        new Client(t.url).api('POST', base, { recipients: [alice.handle], body: 'anonyme' }),
        401,
        '',
      ],
    ];
    for (const [request, status, message, field] of cases) {
      const res = await request;
      expect(res.status, message).toBe(status);
      expect(res.body.error.message, message).toContain(message);
      if (field) expect(res.body.error.field).toBe(field);
    }
    expect(await footprint(t)).toEqual(before);
  });

  it('writes to no system account', async () => {
    const bot = await newMember(t, 'Robot Import');
    await join(bot.client, community.id);
    await t.store.db.updateTable('users').set({ is_system: 1 }).where('id', '=', bot.id).execute();
    const res = await start(alice, [bot.handle]);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('compte du système');
    const profile = await alice.client.page(`/u/${bot.handle}`);
    expect(profile.html).not.toContain('/messages/new?to=');
  });

  it('hides a conversation from everyone outside it — instance admins and staff included', async () => {
    const secret = 'Confidentiel-xyzzy';
    const { conversationId } = (await start(alice, [bruno.handle], `Mon ${secret} à toi.`)).body;
    await admin.client.api('PATCH', `/communities/${community.id}/members/${chloe.id}`, {
      role: 'animator',
    });
    for (const who of [admin.client, chloe.client]) {
      expect((await who.api('GET', `${base}/${conversationId}`)).status).toBe(404);
      expect((await who.api('GET', `${base}/${conversationId}/messages`)).status).toBe(404);
      const page = await who.page(`/messages/${conversationId}`);
      expect(page.status).toBe(404);
      expect(page.html).not.toContain(secret);
      expect((await who.page(`/messages/${conversationId}/leave`)).status).toBe(404);
      const list = await who.api<List>('GET', base);
      expect(list.body.conversations.map((c) => c.id)).not.toContain(conversationId);
      expect(JSON.stringify((await who.api('GET', '/me/export')).body)).not.toContain(secret);
    }
    // Search never indexes private messages, for its participants either.
    for (const who of [admin.client, alice.client]) {
      const found = await who.api<{ total: number }>('GET', `/search?q=${secret}`);
      expect(found.body.total).toBe(0);
      expect((await who.page(`/search?q=${secret}`)).html).not.toContain(`Mon ${secret}`);
    }
    const docs = await t.store.db
      .selectFrom('search_documents')
      .select('id')
      .where('body', 'like', `%${secret}%`)
      .execute();
    expect(docs).toEqual([]);
  });

  it('lets an animator write to those asking to join; a member may not', async () => {
    const closed = await newCommunity(admin.client, 'private');
    const animator = await newMember(t, 'Anita Animatrice');
    const regular = await newMember(t, 'Rémi Régulier');
    const asking = await newMember(t, 'Nina Nouvelle');
    for (const m of [animator, regular]) {
      await join(m.client, closed.id);
      await admin.client.api('PATCH', `/communities/${closed.id}/members/${m.id}`, {
        approve: true,
      });
    }
    await admin.client.api('PATCH', `/communities/${closed.id}/members/${animator.id}`, {
      role: 'animator',
    });
    expect((await join(asking.client, closed.id)).body.status).toBe('pending');
    expect((await start(regular, [asking.handle])).status).toBe(403);
    const welcome = await start(animator, [asking.handle], 'Bienvenue, parlons de ta demande.');
    expect(welcome.status).toBe(201);
    // The one asking answers the animator, though they share no community yet.
    const answer = await asking.client.api(
      'POST',
      `${base}/${welcome.body.conversationId}/messages`,
      {
        body: 'Merci !',
      },
    );
    expect(answer.status).toBe(201);
    // An instance admin may write to any member.
    const fromAdmin = await admin.client.api('POST', base, {
      recipients: [outsider.handle],
      body: 'Un mot de l’administration.',
    });
    expect(fromAdmin.status).toBe(201);
  });

  it('blocks: the blocked member can no longer write, and nothing is written', async () => {
    const dora = await newMember(t, 'Dora Bloqueuse');
    const eric = await newMember(t, 'Éric Insistant');
    for (const m of [dora, eric]) await join(m.client, community.id);
    const { conversationId } = (await start(eric, [dora.handle], 'Salut Dora')).body;

    expect((await dora.client.api('PUT', `/me/blocks/${eric.handle}`)).status).toBe(204);
    // Twice changes nothing.
    expect((await dora.client.api('PUT', `/me/blocks/@${eric.handle}`)).status).toBe(204);
    const listed = await dora.client.api<{ blocks: { handle: string }[] }>('GET', '/me/blocks');
    expect(listed.body.blocks.map((b) => b.handle)).toEqual([eric.handle]);
    expect(await isBlocked(t.store.db, dora.id, eric.id)).toBe(true);
    expect(await isBlocked(t.store.db, eric.id, dora.id)).toBe(false);
    expect([...(await whoBlocked(t.store.db, eric.id, [dora.id, alice.id, dora.id]))]).toEqual([
      dora.id,
    ]);

    const before = await footprint(t);
    const fresh = await start(eric, [dora.handle, alice.handle]);
    expect(fresh.status).toBe(403);
    expect(fresh.body.error.message).toBe(`@${dora.handle} ne reçoit pas vos messages privés.`);
    const reply = await eric.client.api<ApiError>('POST', `${base}/${conversationId}/messages`, {
      body: 'Tu es là ?',
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toContain('ne reçoit pas vos messages privés');
    const form = await eric.client.submit(
      `/messages/${conversationId}`,
      `/messages/${conversationId}`,
      {
        body: 'Je réessaie par la page',
      },
    );
    expect(form.status).toBe(403);
    expect(form.html).toContain('ne reçoit pas vos messages privés');
    expect(form.html).toContain('Je réessaie par la page');
    // The one who blocked is told to unblock first.
    const back = await start(dora, [eric.handle]);
    expect(back.status).toBe(403);
    expect(back.body.error.message).toContain('Vous avez bloqué');
    expect(await footprint(t)).toEqual(before);
    // Her profile, seen by him, offers no way to write.
    expect((await eric.client.page(`/u/${dora.handle}`)).html).not.toContain('/messages/new?to=');

    // Unblocked from the settings page, he may write again.
    const settings = await dora.client.page('/account/blocks');
    expect(settings.html).toContain('Éric Insistant');
    expect(await htmlProblems(settings.html)).toEqual([]);
    const unblocked = await dora.client.submit('/account/blocks', '/account/blocks/remove', {
      handle: eric.handle,
      next: '/account/blocks',
    });
    expect(unblocked.status).toBe(303);
    expect((await start(eric, [dora.handle])).status).toBe(201);

    // Blocked again from his profile page, which then offers to unblock.
    const profile = await dora.client.page(`/u/${eric.handle}`);
    expect(profile.html).toContain('Bloquer Éric Insistant');
    const blocked = await dora.client.submit(`/u/${eric.handle}`, '/account/blocks', {
      handle: eric.handle,
      next: `/u/${eric.handle}`,
    });
    expect(blocked.location).toBe(`/u/${eric.handle}`);
    expect((await dora.client.page(`/u/${eric.handle}`)).html).toContain(
      'Débloquer Éric Insistant',
    );
    expect((await start(eric, [dora.handle])).status).toBe(403);

    // Blocking oneself or nobody is refused.
    expect((await dora.client.api('PUT', `/me/blocks/${dora.handle}`)).status).toBe(400);
    expect((await dora.client.api('PUT', '/me/blocks/personne-de-ce-nom')).status).toBe(400);
    expect((await dora.client.api('DELETE', `/me/blocks/${eric.handle}`)).status).toBe(204);
  });

  it('leaves a conversation: gone for the one who left, shown as left to the others', async () => {
    const { conversationId } = (await start(bruno, [chloe.handle], 'On se voit ?')).body;
    const leave = await chloe.client.submit(
      `/messages/${conversationId}/leave`,
      `/messages/${conversationId}/leave`,
      {},
    );
    expect(leave.status).toBe(303);
    expect((await chloe.client.api('GET', `${base}/${conversationId}`)).status).toBe(404);
    const list = await chloe.client.api<List>('GET', base);
    expect(list.body.conversations.map((c) => c.id)).not.toContain(conversationId);
    const his = await bruno.client.api<Thread>('GET', `${base}/${conversationId}`);
    expect(his.body.conversation.participants.map((p) => p.hasLeft)).toEqual([false, true]);
    expect((await bruno.client.page(`/messages/${conversationId}`)).html).toContain(
      'a quitté la conversation',
    );
    const alone = await bruno.client.api<ApiError>('POST', `${base}/${conversationId}/messages`, {
      body: 'Il y a quelqu’un ?',
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error.message).toContain('Plus personne');
  });

  it('pages through a long conversation', async () => {
    const { conversationId } = (await start(alice, [chloe.handle], 'Message 0')).body;
    for (let i = 1; i <= 100; i++)
      await alice.client.api('POST', `${base}/${conversationId}/messages`, {
        body: `Message ${i}`,
      });
    const latest = await chloe.client.api<Thread>('GET', `${base}/${conversationId}`);
    expect(latest.body.messages).toHaveLength(100);
    expect(latest.body.hasEarlier).toBe(true);
    expect(latest.body.messages[0]?.body).toBe('Message 1');
    const earlier = await chloe.client.api<Thread>(
      'GET',
      `${base}/${conversationId}?before=${latest.body.messages[0]?.id}`,
    );
    expect(earlier.body.messages.map((m) => m.body)).toEqual(['Message 0']);
    expect(earlier.body.hasEarlier).toBe(false);
    const page = await chloe.client.page(`/messages/${conversationId}`);
    expect(page.html).toContain(`?before=${latest.body.messages[0]?.id}`);
  });

  it('tells the notifications who each message goes to, and what is still unread', async () => {
    const group = (await start(alice, [bruno.handle, chloe.handle], 'Pour **vous deux**')).body;
    const answer = await bruno.client.api<{ message: Message }>(
      'POST',
      `${base}/${group.conversationId}/messages`,
      { body: 'Bien reçu' },
    );
    const rows = await t.store.db
      .selectFrom('activity_log')
      .select('target_id')
      .where('kind', '=', 'message.sent')
      .where('target_id', 'in', [group.message.id, answer.body.message.id])
      .orderBy('id')
      .execute();
    const ids = rows.map((r) => Number(r.target_id));
    expect(ids).toEqual([group.message.id, answer.body.message.id]);
    const found = await messagesForNotification(t.store.db, ids);
    const byId = new Map(found.map((m) => [m.messageId, m]));
    expect(byId.get(group.message.id)).toMatchObject({
      conversationId: group.conversationId,
      authorId: alice.id,
      excerpt: 'Pour vous deux',
      path: `/messages/${group.conversationId}#message-${group.message.id}`,
    });
    expect(byId.get(group.message.id)?.recipientIds.sort()).toEqual([bruno.id, chloe.id].sort());
    expect(byId.get(answer.body.message.id)?.recipientIds.sort()).toEqual(
      [alice.id, chloe.id].sort(),
    );
    expect(conversationPath(group.conversationId)).toBe(`/messages/${group.conversationId}`);
    expect(messagePath(3, 4)).toBe('/messages/3#message-4');
    // Chloé has read neither; Alice only Bruno's is unread; a stranger reads none of them.
    expect([...(await unreadAmong(t.store.db, chloe.id, ids))].sort()).toEqual([...ids].sort());
    expect([...(await unreadAmong(t.store.db, alice.id, ids))]).toEqual([answer.body.message.id]);
    expect([...(await unreadAmong(t.store.db, outsider.id, ids))]).toEqual([]);
    await chloe.client.api('PUT', `${base}/${group.conversationId}/read`, {
      messageId: group.message.id,
    });
    expect([...(await unreadAmong(t.store.db, chloe.id, ids))]).toEqual([answer.body.message.id]);
  });

  it('notifies a message’s recipients, and nobody of what a member they blocked does', async () => {
    type Notes = {
      notifications: {
        kind: string;
        text: string;
        href: string;
        actor: { handle: string } | null;
      }[];
    };
    const notesOf = async (m: Member) => {
      await caughtUp(t);
      return (await m.client.api<Notes>('GET', '/notifications?limit=100')).body.notifications;
    };
    const gaby = await newMember(t, 'Gaby Lectrice');
    const hugo = await newMember(t, 'Hugo Bavard');
    for (const m of [gaby, hugo]) await join(m.client, community.id);
    const sent = (await start(hugo, [gaby.handle], 'Un mot pour toi')).body;
    const [note] = (await notesOf(gaby)).filter((n) => n.kind === 'message');
    expect(note).toMatchObject({
      text: 'Hugo Bavard vous a envoyé un message privé',
      href: `/messages/${sent.conversationId}`,
      actor: { handle: hugo.handle },
    });
    // Its writer is not told of their own message.
    expect((await notesOf(hugo)).filter((n) => n.kind === 'message')).toEqual([]);
    // Opening the conversation reads its notification.
    const unread = () => gaby.client.api<{ unread: number }>('GET', '/notifications/unread');
    const unreadBefore = (await unread()).body.unread;
    expect(unreadBefore).toBeGreaterThanOrEqual(1);
    expect((await gaby.client.page(`/messages/${sent.conversationId}`)).status).toBe(200);
    expect((await unread()).body.unread).toBe(unreadBefore - 1);

    // Blocked, his mention of her in a topic notifies her no more; others' still do.
    expect((await gaby.client.api('PUT', `/me/blocks/${hugo.handle}`)).status).toBe(204);
    const before = (await notesOf(gaby)).filter((n) => n.kind === 'mention').length;
    const topic = await hugo.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'discussion', title: 'Qui vient samedi ?', body: `@${gaby.handle} tu viens ?` },
    );
    expect(topic.status).toBe(201);
    expect((await notesOf(gaby)).filter((n) => n.kind === 'mention')).toHaveLength(before);
    await alice.client.api('POST', `/topics/${topic.body.topic.id}/replies`, {
      body: `@${gaby.handle} viens donc !`,
    });
    expect((await notesOf(gaby)).filter((n) => n.kind === 'mention')).toHaveLength(before + 1);
  });

  it('takes a conversation’s notifications away from a member who leaves it', async () => {
    type Notes = { notifications: { kind: string; href: string }[]; unread: number };
    const notesOf = async (m: Member) => {
      await caughtUp(t);
      return (await m.client.api<Notes>('GET', '/notifications?limit=100')).body;
    };
    const unreadOf = async (m: Member) => {
      await caughtUp(t);
      return (await m.client.api<{ unread: number }>('GET', '/notifications/unread')).body.unread;
    };
    const about = (notes: Notes, id: number) =>
      notes.notifications.filter((n) => n.href === conversationPath(id));
    const ines = await newMember(t, 'Inès Partante');
    const jules = await newMember(t, 'Jules Restant');
    for (const m of [ines, jules]) await join(m.client, community.id);
    const kept = (await start(alice, [ines.handle], 'Une autre conversation')).body;
    const left = (await start(alice, [ines.handle, jules.handle], 'À vous deux')).body;
    expect(about(await notesOf(ines), left.conversationId)).toHaveLength(1);
    const unreadBefore = await unreadOf(ines);

    const leave = await ines.client.api('POST', `${base}/${left.conversationId}/leave`);
    expect(leave.status).toBe(204);
    // Gone from her list and her count (its link would be a 404); the other one stays, and
    // Jules, still in it, keeps his.
    expect(await unreadOf(ines)).toBe(unreadBefore - 1);
    const after = await notesOf(ines);
    expect(about(after, left.conversationId)).toEqual([]);
    expect(about(after, kept.conversationId)).toHaveLength(1);
    expect(about(await notesOf(jules), left.conversationId)).toHaveLength(1);
    // An answer in it reaches her no more.
    await alice.client.api('POST', `${base}/${left.conversationId}/messages`, { body: 'Et toi ?' });
    expect(about(await notesOf(ines), left.conversationId)).toEqual([]);

    // Left before its departure was logged (an instance upgraded from an earlier version): the
    // list drops it when read, and the count follows.
    const old = (await start(alice, [jules.handle], 'Une vieille conversation')).body;
    expect(about(await notesOf(jules), old.conversationId)).toHaveLength(1);
    const julesUnread = await unreadOf(jules);
    await t.store.db
      .updateTable('message_participants')
      .set({ left_at: Date.now() })
      .where('conversation_id', '=', old.conversationId)
      .where('user_id', '=', jules.id)
      .execute();
    expect(about(await notesOf(jules), old.conversationId)).toEqual([]);
    expect(await unreadOf(jules)).toBe(julesUnread - 1);
  });

  it('leaves the cockpit’s figures as they were', async () => {
    const cockpit = `/communities/${community.id}/analytics?days=30`;
    const before = await admin.client.api('GET', cockpit);
    const instanceBefore = await admin.client.api('GET', '/analytics?days=30');
    expect(before.status).toBe(200);
    await start(alice, [bruno.handle], 'Encore un message privé');
    await start(bruno, [chloe.handle], 'Et un autre');
    expect((await admin.client.api('GET', cockpit)).body).toEqual(before.body);
    expect((await admin.client.api('GET', '/analytics?days=30')).body).toEqual(instanceBefore.body);
  });
});
