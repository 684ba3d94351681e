// The review queue (issue 24): one item per flagged thing, its score term by term; agree hides,
// disagree restores, ignore closes, each writing exactly one audit row; in bulk from the page;
// a post whose score passes the community's threshold is hidden at once; non-staff get a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Weight = { type: number; trust: number; accuracy: number; total: number };
type Item = {
  target: { kind: string; id: number };
  score: number;
  hidden: boolean;
  post: { title: string; excerpt: string; href: string } | null;
  author: { handle: string } | null;
  history: { posts: number; agreed: number; disagreed: number; ignored: number };
  flags: { reason: string; accuracy: number; trustLevel: number; weight: Weight }[];
};

describe.each(databases)('the review queue on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let anna: Member;
  let carl: Member;
  let flaggers: Member[];
  let outsider: Member;

  const queue = (who: { client: Member['client'] }) =>
    who.client.api<{ threshold: number; items: Item[] }>(
      'GET',
      `/communities/${community.id}/moderation/queue`,
    );
  const post = async (title: string) =>
    (
      await anna.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${community.id}/topics`,
        {
          title,
          body: `Le texte de « ${title} ».`,
        },
      )
    ).body.topic.id;
  const reply = async (topicId: number, body: string) =>
    (
      await anna.client.api<{ reply: { id: number } }>('POST', `/topics/${topicId}/replies`, {
        body,
      })
    ).body.reply.id;
  const flag = (who: Member, targetKind: string, targetId: number, reason = 'spam') =>
    who.client.api<{ hidden: boolean }>('POST', '/flags', { targetKind, targetId, reason });
  const auditOf = (targetKind: string, targetId: number) =>
    t.store.db
      .selectFrom('moderation_audit')
      .selectAll()
      .where('target_kind', '=', targetKind)
      .where('target_id', '=', targetId)
      .orderBy('id')
      .execute();
  const hiddenAt = async (table: 'topics' | 'replies', id: number) =>
    (
      await t.store.db
        .selectFrom(table)
        .select('hidden_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).hidden_at;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    anna = await newMember(t, 'Anna Auteur');
    carl = await newMember(t, 'Carl Modérateur');
    outsider = await newMember(t, 'Olga Ailleurs');
    flaggers = [];
    for (let i = 0; i < 4; i++) flaggers.push(await newMember(t, `Membre attentif ${i}`));
    for (const m of [anna, carl, ...flaggers]) await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${carl.id}`, {
      role: 'moderator',
    });
  });
  afterAll(() => t.close());

  it('is a missing page for members and outsiders, by page and API', async () => {
    for (const who of [flaggers[0]!, outsider, anna]) {
      expect((await queue(who)).status).toBe(404);
      expect((await who.client.page(`/c/${community.slug}/moderation`)).status).toBe(404);
      const decided = await who.client.api(
        'POST',
        `/communities/${community.id}/moderation/decisions`,
        {
          decision: 'agree',
          items: [{ kind: 'topic', id: 1 }],
        },
      );
      expect(decided.status).toBe(404);
    }
    expect((await queue(carl)).status).toBe(200);
    expect((await queue(admin)).status).toBe(200);
  });

  it('shows one item per target with every flag, its score term by term', async () => {
    const topicId = await post('Des montres à vendre');
    await flag(flaggers[0]!, 'topic', topicId, 'spam');
    await flag(flaggers[1]!, 'topic', topicId, 'off_topic');
    const res = await queue(carl);
    const item = res.body.items.find((i) => i.target.kind === 'topic' && i.target.id === topicId);
    expect(item?.flags.map((f) => f.reason)).toEqual(['spam', 'off_topic']);
    // Fresh accounts (TL0), no decided flags yet: accuracy 1/2, so 2 × 0.5 = 1.
    expect(item?.flags[0]?.weight).toEqual({ type: 3, trust: 0, accuracy: 1, total: 4 });
    expect(item?.flags[1]?.weight).toEqual({ type: 1, trust: 0, accuracy: 1, total: 2 });
    expect(item?.score).toBe(6);
    expect(item?.hidden).toBe(false);
    expect(item?.post?.title).toBe('Des montres à vendre');
    expect(item?.author?.handle).toBe(anna.handle);
    expect(item?.history.posts).toBeGreaterThanOrEqual(1);
    const page = await carl.client.page(`/c/${community.slug}/moderation`);
    expect(page.html).toContain('Des montres à vendre');
    expect(page.html).toMatch(
      /poids 4 = type 3 \+ niveau de confiance 0 \+ justesse 1|weight 4 = type 3 \+ trust level 0 \+ accuracy 1/,
    );
    expect(page.html).toContain('/assets/moderation-queue.js');
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('agrees: the post is hidden, the flaggers’ accuracy rises, one audit row', async () => {
    const topicId = await post('Encore des montres');
    await flag(flaggers[0]!, 'topic', topicId, 'spam');
    const res = await carl.client.api<{ decided: number }>(
      'POST',
      `/communities/${community.id}/moderation/decisions`,
      { decision: 'agree', items: [{ kind: 'topic', id: topicId }], reason: 'Publicité' },
    );
    expect(res.body.decided).toBe(1);
    expect(await hiddenAt('topics', topicId)).not.toBeNull();
    const rows = await auditOf('topic', topicId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_id: carl.id,
      action: 'flag.agreed',
      reason: 'Publicité',
    });
    expect(Number(rows[0]?.created_at)).toBeGreaterThan(0);
    // The same flagger's next flag weighs more: accuracy (1 + 1) / (1 + 0 + 2).
    const next = await post('Et encore');
    await flag(flaggers[0]!, 'topic', next, 'spam');
    const item = (await queue(carl)).body.items.find(
      (i) => i.target.id === next && i.target.kind === 'topic',
    );
    expect(item?.flags[0]?.accuracy).toBeCloseTo(2 / 3, 3);
    // Deciding it again: nothing open, refused, nothing written.
    const again = await carl.client.api(
      'POST',
      `/communities/${community.id}/moderation/decisions`,
      {
        decision: 'ignore',
        items: [{ kind: 'topic', id: topicId }],
      },
    );
    expect(again.status).toBe(404);
    expect(await auditOf('topic', topicId)).toHaveLength(1);
  });

  it('hides a post at once when its score passes the threshold, and disagree restores it', async () => {
    const topicId = await post('Un sujet calme');
    const replyId = await reply(topicId, 'Une réponse contestée');
    // Fresh accounts weigh 4 for spam: two make 8, under the default 10; a third passes it.
    expect((await flag(flaggers[1]!, 'reply', replyId)).body.hidden).toBe(false);
    expect((await flag(flaggers[2]!, 'reply', replyId)).body.hidden).toBe(false);
    expect((await flag(flaggers[3]!, 'reply', replyId)).body.hidden).toBe(true);
    expect(await hiddenAt('replies', replyId)).not.toBeNull();
    const automatic = await auditOf('reply', replyId);
    expect(automatic).toHaveLength(1);
    expect(automatic[0]).toMatchObject({
      actor_id: null,
      rule: 'score_threshold',
      action: 'post.hidden',
    });

    const res = await carl.client.api('POST', `/communities/${community.id}/moderation/decisions`, {
      decision: 'disagree',
      items: [{ kind: 'reply', id: replyId }],
    });
    expect(res.status).toBe(200);
    expect(await hiddenAt('replies', replyId)).toBeNull();
    const rows = await auditOf('reply', replyId);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actor_id: carl.id,
      action: 'flag.disagreed',
      reverses_id: rows[0]?.id,
      reason: 'spam',
    });
  });

  it('decides in bulk from the page, one audit row per item', async () => {
    const a = await post('Premier en lot');
    const b = await post('Second en lot');
    await flag(flaggers[2]!, 'topic', a, 'off_topic');
    await flag(flaggers[2]!, 'topic', b, 'inappropriate');
    const path = `/c/${community.slug}/moderation`;
    const page = await carl.client.page(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
    const body = new URLSearchParams([
      ['_csrf', token],
      ['items', `topic:${a}`],
      ['items', `topic:${b}`],
      ['decision', 'ignore'],
    ]).toString();
    const res = await carl.client.request('POST', `${path}/decisions`, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    for (const id of [a, b]) {
      const rows = await auditOf('topic', id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_id: carl.id, action: 'flag.ignored' });
      expect(await hiddenAt('topics', id)).toBeNull();
    }
    const left = (await queue(carl)).body.items.map((i) => `${i.target.kind}:${i.target.id}`);
    expect(left).not.toContain(`topic:${a}`);
    expect(left).not.toContain(`topic:${b}`);
  });

  it('keeps a hidden post from others everywhere, and shows it to its author, marked', async () => {
    const [reader, , , mentioned] = flaggers as [Member, Member, Member, Member];
    const created = await anna.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Sujet zéphyrin', body: `Bonjour @${mentioned.handle}, regarde zéphyrin.` },
    );
    const topicId = created.body.topic.id;
    const calm = await post('Un sujet tranquille');
    const replyId = await reply(calm, 'Une réponse ostrogoth');
    await caughtUp(t);
    const search = (who: Member) =>
      who.client.api<{ results: { topicId: number }[] }>('GET', '/search?q=z%C3%A9phyrin');
    const notified = async (who: Member) =>
      (
        await who.client.api<{ notifications: { topicId: number | null }[] }>(
          'GET',
          '/notifications',
        )
      ).body.notifications.map((n) => n.topicId);
    const listed = async (who: Member) =>
      (
        await who.client.api<{ topics: { id: number }[] }>(
          'GET',
          `/communities/${community.id}/topics?limit=100`,
        )
      ).body.topics.map((x) => x.id);
    expect((await search(reader)).body.results.map((r) => r.topicId)).toContain(topicId);
    expect(await notified(mentioned)).toContain(topicId);
    expect(await listed(reader)).toContain(topicId);

    for (const f of flaggers.slice(0, 3)) await flag(f, 'topic', topicId, 'harassment');
    for (const f of flaggers.slice(0, 3)) await flag(f, 'reply', replyId, 'harassment');
    expect(await hiddenAt('topics', topicId)).not.toBeNull();
    expect(await hiddenAt('replies', replyId)).not.toBeNull();

    // Others: not in search, lists, notifications, the API; the reply is a neutral note.
    expect((await search(reader)).body.results.map((r) => r.topicId)).not.toContain(topicId);
    expect(await notified(mentioned)).not.toContain(topicId);
    expect(await listed(reader)).not.toContain(topicId);
    expect((await reader.client.api('GET', `/topics/${topicId}`)).status).toBe(404);
    expect((await reader.client.page(`/c/${community.slug}/t/${topicId}`)).status).toBe(404);
    const calmApi = await reader.client.api<{ replies: { id: number }[] }>(
      'GET',
      `/topics/${calm}`,
    );
    expect(calmApi.body.replies.map((r) => r.id)).not.toContain(replyId);
    const calmPage = await reader.client.page(`/c/${community.slug}/t/${calm}`);
    expect(calmPage.html).toContain('Ce message est en attente de relecture');
    expect(calmPage.html).not.toContain('ostrogoth');

    // Anna, the author: still there, marked.
    expect(await listed(anna)).toContain(topicId);
    const own = await anna.client.api<{ replies: { id: number; awaitingReview: boolean }[] }>(
      'GET',
      `/topics/${calm}`,
    );
    expect(own.body.replies.find((r) => r.id === replyId)?.awaitingReview).toBe(true);
    const ownPage = await anna.client.page(`/c/${community.slug}/t/${topicId}`);
    expect(ownPage.status).toBe(200);
    expect(ownPage.html).toContain('masqué aux autres membres');
    expect((await anna.client.page(`/c/${community.slug}/t/${calm}`)).html).toContain('ostrogoth');

    // Disagreeing shows them again, to search too.
    await carl.client.api('POST', `/communities/${community.id}/moderation/decisions`, {
      decision: 'disagree',
      items: [
        { kind: 'topic', id: topicId },
        { kind: 'reply', id: replyId },
      ],
    });
    expect((await search(reader)).body.results.map((r) => r.topicId)).toContain(topicId);
    expect((await reader.client.api('GET', `/topics/${topicId}`)).status).toBe(200);
  });

  it('lets animators, not moderators, change the threshold', async () => {
    const path = `/communities/${community.id}/moderation/settings`;
    expect((await carl.client.api('PUT', path, { hideThreshold: 4 })).status).toBe(403);
    expect((await admin.client.api('PUT', path, { hideThreshold: 0 })).status).toBe(400);
    expect((await admin.client.api('PUT', path, { hideThreshold: 4 })).status).toBe(200);
    expect((await queue(carl)).body.threshold).toBe(4);
  });
});
