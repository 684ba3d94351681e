// Flags (issue 24): members flag a topic, a reply, a profile or a private message they received,
// with a reason; every refusal writes nothing; a reported private message is readable by the
// community's staff, and only that message: never its conversation, never another message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type ApiError = { error: { code: string; message: string } };
type QueueItem = {
  target: { kind: string; id: number };
  message: { bodyHtml: string } | null;
  flags: { reason: string; text: string }[];
};
const noNewAccountLimits = { MESSAGES_MIN_ACCOUNT_HOURS: '0', MESSAGES_NEW_ACCOUNT_DAYS: '0' };

describe.each(databases)('flags on %s', (kind) => {
  let t: TestApp;
  let community: { id: number; slug: string };
  let closed: { id: number; slug: string };
  let anna: Member;
  let bob: Member;
  let carl: Member;
  let dora: Member;
  let topicId: number;
  let replyId: number;
  let closedTopicId: number;

  const counts = async () => {
    const n = async (table: 'moderation_flags' | 'moderation_audit') =>
      Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { flags: await n('moderation_flags'), audit: await n('moderation_audit') };
  };
  const flag = (who: Member, body: Record<string, unknown>) =>
    who.client.api<ApiError & { id: number; hidden: boolean }>('POST', '/flags', body);

  beforeAll(async () => {
    t = await startTestApp(kind, noNewAccountLimits);
    const admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    closed = await newCommunity(admin.client, 'private');
    anna = await newMember(t, 'Anna Auteur');
    bob = await newMember(t, 'Bob Signaleur');
    carl = await newMember(t, 'Carl Modérateur');
    dora = await newMember(t, 'Dora Dehors');
    for (const m of [anna, bob, carl]) await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${carl.id}`, {
      role: 'moderator',
    });
    const topic = await anna.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Achetez mes montres', body: 'Des montres pas chères, écrivez-moi.' },
    );
    topicId = topic.body.topic.id;
    const reply = await anna.client.api<{ reply: { id: number } }>(
      'POST',
      `/topics/${topicId}/replies`,
      { body: 'Encore des montres.' },
    );
    replyId = reply.body.reply.id;
    const hidden = await admin.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${closed.id}/topics`,
      { title: 'Entre nous', body: 'Réservé aux membres.' },
    );
    closedTopicId = hidden.body.topic.id;
  });
  afterAll(() => t.close());

  it('refuses, writing nothing, what one cannot read, one’s own post, an empty "other"', async () => {
    const before = await counts();
    const unreadable = await flag(bob, {
      targetKind: 'topic',
      targetId: closedTopicId,
      reason: 'spam',
    });
    expect(unreadable.status).toBe(404);
    const missing = await flag(bob, { targetKind: 'reply', targetId: 999_999, reason: 'spam' });
    expect(missing.status).toBe(404);
    const own = await flag(anna, { targetKind: 'topic', targetId: topicId, reason: 'spam' });
    expect(own.status).toBe(400);
    expect(own.body.error.message).toMatch(/propres messages|own posts/);
    const empty = await flag(bob, {
      targetKind: 'reply',
      targetId: replyId,
      reason: 'other',
      text: '  ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/quelques mots|few words/);
    const outsider = await flag(dora, { targetKind: 'topic', targetId: topicId, reason: 'spam' });
    expect(outsider.status).toBe(403);
    const noCommunity = await flag(bob, { targetKind: 'user', targetId: anna.id, reason: 'spam' });
    expect(noCommunity.status).toBe(400);
    const notMember = await flag(bob, {
      targetKind: 'user',
      targetId: dora.id,
      communityId: community.id,
      reason: 'spam',
    });
    expect(notMember.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('takes a flag once, and says so the second time without writing', async () => {
    const first = await flag(bob, { targetKind: 'topic', targetId: topicId, reason: 'spam' });
    expect(first.status).toBe(201);
    expect(first.body.hidden).toBe(false);
    const before = await counts();
    const again = await flag(bob, { targetKind: 'topic', targetId: topicId, reason: 'off_topic' });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/déjà signalé|already flagged/);
    expect(await counts()).toEqual(before);
    // Anna is never told who flagged: nothing of Bob reaches her.
    const notes = await anna.client.api('GET', '/notifications');
    expect(JSON.stringify(notes.body)).not.toContain(bob.handle);
  });

  it('flags from a small form that works without JavaScript, keeping what was typed', async () => {
    const topicPage = await bob.client.page(`/c/${community.slug}/t/${topicId}`);
    expect(topicPage.html).toContain(`href="/flag/reply/${replyId}"`);
    // Anna sees no "Signaler" on her own posts.
    expect((await anna.client.page(`/c/${community.slug}/t/${topicId}`)).html).not.toContain(
      `/flag/reply/${replyId}`,
    );
    const form = `/flag/reply/${replyId}`;
    const formPage = await bob.client.page(form);
    expect(formPage.status).toBe(200);
    expect(await htmlProblems(formPage.html)).toEqual([]);
    const before = await counts();
    const refused = await bob.client.submit(form, form, { reason: 'other', text: '' });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/quelques mots|few words/);
    expect(refused.html).toMatch(/value="other"[^>]*checked/);
    expect(await counts()).toEqual(before);
    const sent = await bob.client.submit(form, form, {
      reason: 'other',
      text: 'Publicité déguisée',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toContain(`/t/${topicId}`);
    expect((await counts()).flags).toBe(before.flags + 1);
    expect((await bob.client.page(`/flag/topic/${closedTopicId}`)).status).toBe(404);
  });

  it('lets staff read a reported private message, and only that one', async () => {
    const started = await anna.client.api<{ conversationId: number; message: { id: number } }>(
      'POST',
      '/messages/conversations',
      { recipients: [bob.handle], body: 'Tu es vraiment nul, va-t’en.' },
    );
    expect(started.status).toBe(201);
    const conversationId = started.body.conversationId;
    const reported = started.body.message.id;
    const other = await anna.client.api<{ message: { id: number } }>(
      'POST',
      `/messages/conversations/${conversationId}/messages`,
      { body: 'Mon adresse secrète est 12 rue des Lilas.' },
    );
    expect(other.status).toBe(201);
    // Carl is not in the conversation: it is missing for him, before and after the report.
    expect((await carl.client.api('GET', `/messages/conversations/${conversationId}`)).status).toBe(
      404,
    );
    // Anna cannot flag what she wrote; Carl cannot flag a message he did not receive.
    const before = await counts();
    expect(
      (
        await flag(anna, {
          targetKind: 'message',
          targetId: reported,
          communityId: community.id,
          reason: 'harassment',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await flag(carl, {
          targetKind: 'message',
          targetId: reported,
          communityId: community.id,
          reason: 'harassment',
        })
      ).status,
    ).toBe(404);
    expect(await counts()).toEqual(before);

    const sent = await flag(bob, {
      targetKind: 'message',
      targetId: reported,
      communityId: community.id,
      reason: 'harassment',
    });
    expect(sent.status).toBe(201);
    const queue = await carl.client.api<{ items: QueueItem[] }>(
      'GET',
      `/communities/${community.id}/moderation/queue`,
    );
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i) => i.target.kind === 'message');
    expect(item?.target.id).toBe(reported);
    expect(item?.message?.bodyHtml).toContain('vraiment nul');
    const everything =
      JSON.stringify(queue.body) + (await carl.client.page(`/c/${community.slug}/moderation`)).html;
    expect(everything).toContain('vraiment nul');
    expect(everything).not.toContain('12 rue des Lilas');
    expect((await carl.client.api('GET', `/messages/conversations/${conversationId}`)).status).toBe(
      404,
    );
    expect((await carl.client.page(`/messages/${conversationId}`)).status).toBe(404);
  });
});

describe.each(databases)('a new account’s daily flags on %s', (kind) => {
  let t: TestApp;
  afterAll(() => t.close());

  it('caps a TL0 member at 3 flags a day, with nothing written past it', async () => {
    t = await startTestApp(kind, { ...noNewAccountLimits, TRUST_LIMITS: '1' });
    const admin = await newAdmin(t);
    const community = await newCommunity(admin.client);
    const author = await newMember(t, 'Anna Auteur');
    const flagger = await newMember(t, 'Bob Signaleur');
    for (const m of [author, flagger]) await join(m.client, community.id);
    // The author is staff, so that her five posts are not held back by her own new account.
    await admin.client.api('PATCH', `/communities/${community.id}/members/${author.id}`, {
      role: 'animator',
    });
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const topic = await author.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${community.id}/topics`,
        { title: `Sujet ${i}`, body: 'Un texte.' },
      );
      ids.push(topic.body.topic.id);
    }
    const flagTopic = (who: Member, id: number) =>
      who.client.api<ApiError>('POST', '/flags', {
        targetKind: 'topic',
        targetId: id,
        reason: 'off_topic',
      });
    for (const id of ids.slice(0, 3)) expect((await flagTopic(flagger, id)).status).toBe(201);
    const fourth = await flagTopic(flagger, ids[3] ?? 0);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('rate_limited');
    const stored = await t.store.db
      .selectFrom('moderation_flags')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(3);
  });
});
