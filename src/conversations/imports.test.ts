import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { importUsers } from '../accounts/index.js';
import { importCommunity } from '../communities/index.js';
import { renderMarkdown } from '../markdown/index.js';
import { searchDocuments, searchTopics } from '../search/index.js';
import { importTopic, importTopics, type ImportedTopic } from './imports.js';
import { countQueued, renderAllQueued } from './render-queue.js';
import { getTopic } from './service.js';
import * as store from './store.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);

describe.each(databases)('importTopics on %s', (kind) => {
  let db: TestStore;
  let community = 0;
  let ana = 0;
  let bob = 0;
  let cleo = 0;

  beforeAll(async () => {
    db = await createTestStore(kind);
    await db.store.db.transaction().execute(async (trx) => {
      const ids = await importUsers(
        db.store,
        trx,
        ['ana', 'bob', 'cleo'].map((handle) => ({
          email: `${handle}@example.test`,
          handle,
          displayName: handle,
          bio: '',
          passwordHash: 'x',
          isAdmin: false,
          createdAt: T0,
        })),
      );
      const idOf = (handle: string) => ids.get(handle) ?? 0;
      [ana, bob, cleo] = [idOf('ana'), idOf('bob'), idOf('cleo')];
      ({ id: community } = await importCommunity(db.store, trx, {
        slug: 'jardins',
        name: 'Jardins partagés',
        purpose: 'Cultiver ensemble.',
        typology: 'internal_community',
        visibility: 'public',
        charter: 'Bienveillance.',
        createdAt: T0,
        createdBy: null,
        memberships: [],
        groups: [],
      }));
    });
  });
  afterAll(() => db.drop());

  /** A question with an answer, a comment on it, and one reply pointing at a later one. */
  function question(n: number): ImportedTopic {
    const at = T0 + n * DAY;
    return {
      communityId: community,
      groupId: null,
      authorId: ana,
      kind: 'question',
      title: `Question ${n} sur les poireaux`,
      body: `Quand planter les **poireaux** ? (${n})`,
      createdAt: at,
      score: n,
      replies: [
        { authorId: bob, body: 'En *mars*.', createdAt: at + 3_600_000, parentIndex: null },
        { authorId: cleo, body: 'Merci @bob', createdAt: at + 7_200_000, parentIndex: 0 },
        { authorId: cleo, body: 'Plus tard', createdAt: at + 1_000, parentIndex: 3, score: -1 },
        { authorId: bob, body: 'Voir la 3', createdAt: at + 5_000, parentIndex: 2 },
      ],
      acceptedReplyIndex: 0,
      acceptedBy: ana,
      acceptedAt: at + 2 * DAY,
      reactions: [
        { userId: bob, kind: 'like', target: 'topic', createdAt: at + 60_000 },
        { userId: cleo, kind: 'like', target: 0, createdAt: at + 120_000 },
        // The same reaction twice, and one aimed at a reply that does not exist.
        { userId: cleo, kind: 'like', target: 0, createdAt: at + 180_000 },
        { userId: bob, kind: 'like', target: 9, createdAt: at + 240_000 },
      ],
    };
  }

  async function hitsFor(query: string) {
    const { hits } = await searchDocuments(db.store.db, db.store.dialect, {
      query,
      scope: { communityIds: [community], groupIds: [] },
      limit: 10,
      offset: 0,
    });
    return hits.map((h) => [h.docKind, h.docId, h.topicId, h.title]);
  }

  async function indexedOf(topicId: number) {
    const rows = await db.store.db
      .selectFrom('search_documents')
      .select(['doc_kind', 'doc_id'])
      .where('topic_id', '=', topicId)
      .orderBy('doc_kind', 'desc')
      .orderBy('doc_id')
      .execute();
    return rows.map((r) => [r.doc_kind, Number(r.doc_id)]);
  }

  async function activityOf(topicId: number) {
    return db.store.db
      .selectFrom('activity_log')
      .select([
        'kind',
        'actor_id',
        'community_id',
        'group_id',
        'topic_id',
        'in_reply_to',
        'target_kind',
        'target_id',
        'detail',
        'created_at',
      ])
      .where('topic_id', '=', topicId)
      .orderBy('id')
      .execute();
  }

  it('writes a topic, its replies, reactions, search entries and activity', async () => {
    const q = question(1);
    const [ids] = await db.store.db
      .transaction()
      .execute((trx) => importTopics(db.store, trx, [q]));
    if (!ids) throw new Error('no ids');
    const { topicId, replyIds } = ids;
    const [r0 = 0, r1 = 0, r2 = 0, r3 = 0] = replyIds;
    expect(replyIds).toHaveLength(4);
    expect([...replyIds].sort((a, b) => a - b)).toEqual(replyIds);

    // Written without HTML or search entries: the render queue makes them afterwards.
    expect((await store.findTopic(db.store.db, topicId))?.body_html).toBe('');
    expect(await hitsFor('mars')).toEqual([]);
    expect(await countQueued(db.store.db)).toBe(5);
    expect(await renderAllQueued(db.store)).toBe(5);
    expect(await countQueued(db.store.db)).toBe(0);

    const topic = await store.findTopic(db.store.db, topicId);
    expect(topic).toMatchObject({
      community_id: community,
      author_id: ana,
      kind: 'question',
      title: q.title,
      body: q.body,
      body_html: renderMarkdown(q.body),
      accepted_reply_id: r0,
      reply_count: 4,
      score: 1,
      created_at: q.createdAt,
      updated_at: q.createdAt,
      last_activity_at: q.createdAt + 7_200_000,
      deleted_at: null,
    });
    const replies = await db.store.db
      .selectFrom('replies')
      .select(['id', 'parent_reply_id', 'author_id', 'body_html', 'score', 'created_at'])
      .where('topic_id', '=', topicId)
      .orderBy('id')
      .execute();
    expect(replies).toEqual([
      {
        id: r0,
        parent_reply_id: null,
        author_id: bob,
        body_html: renderMarkdown('En *mars*.'),
        score: 0,
        created_at: q.createdAt + 3_600_000,
      },
      {
        id: r1,
        parent_reply_id: r0,
        author_id: cleo,
        body_html: renderMarkdown('Merci @bob'),
        score: 0,
        created_at: q.createdAt + 7_200_000,
      },
      // A parent written after the reply is no parent, as with importTopic.
      {
        id: r2,
        parent_reply_id: null,
        author_id: cleo,
        body_html: renderMarkdown('Plus tard'),
        score: -1,
        created_at: q.createdAt + 1_000,
      },
      {
        id: r3,
        parent_reply_id: r2,
        author_id: bob,
        body_html: renderMarkdown('Voir la 3'),
        score: 0,
        created_at: q.createdAt + 5_000,
      },
    ]);

    const scope = { community_id: community, group_id: null, topic_id: topicId };
    const at = q.createdAt;
    expect(await activityOf(topicId)).toEqual([
      {
        kind: 'topic.created',
        actor_id: ana,
        ...scope,
        in_reply_to: null,
        target_kind: 'topic',
        target_id: topicId,
        detail: 'question',
        created_at: at,
      },
      {
        kind: 'reply.created',
        actor_id: bob,
        ...scope,
        in_reply_to: null,
        target_kind: 'reply',
        target_id: r0,
        detail: null,
        created_at: at + 3_600_000,
      },
      {
        kind: 'reply.created',
        actor_id: cleo,
        ...scope,
        in_reply_to: r0,
        target_kind: 'reply',
        target_id: r1,
        detail: null,
        created_at: at + 7_200_000,
      },
      {
        kind: 'reply.created',
        actor_id: cleo,
        ...scope,
        in_reply_to: null,
        target_kind: 'reply',
        target_id: r2,
        detail: null,
        created_at: at + 1_000,
      },
      {
        kind: 'reply.created',
        actor_id: bob,
        ...scope,
        in_reply_to: r2,
        target_kind: 'reply',
        target_id: r3,
        detail: null,
        created_at: at + 5_000,
      },
      {
        kind: 'answer.accepted',
        actor_id: ana,
        ...scope,
        in_reply_to: null,
        target_kind: 'reply',
        target_id: r0,
        detail: null,
        created_at: at + 2 * DAY,
      },
      {
        kind: 'reaction.added',
        actor_id: bob,
        ...scope,
        in_reply_to: null,
        target_kind: 'topic',
        target_id: topicId,
        detail: 'like',
        created_at: at + 60_000,
      },
      {
        kind: 'reaction.added',
        actor_id: cleo,
        ...scope,
        in_reply_to: r0,
        target_kind: 'reply',
        target_id: r0,
        detail: 'like',
        created_at: at + 120_000,
      },
    ]);
    const reactions = await store.reactionsFor(db.store.db, topicId, replyIds, null);
    expect(reactions).toHaveLength(2);

    expect(await hitsFor('mars')).toEqual([['reply', r0, topicId, q.title]]);
    // A question imported with its accepted answer: search's filters know it as solved.
    const solved = await searchTopics(db.store.db, db.store.dialect, {
      query: 'mars',
      scope: { communityIds: [community], groupIds: [] },
      topicKind: 'question',
      isSolved: true,
      limit: 10,
      offset: 0,
    });
    expect(solved.topics.map((t) => t.topicId)).toEqual([topicId]);
  });

  it('shows readers a queued post rendered, and indexes only what is still there', async () => {
    const q = question(800);
    const [ids] = await db.store.db
      .transaction()
      .execute((trx) => importTopics(db.store, trx, [q]));
    const { topicId, replyIds } = ids ?? { topicId: 0, replyIds: [] };
    const [r0 = 0, r1 = 0, r2 = 0, r3 = 0] = replyIds;
    const view = await getTopic(db.store, null, topicId);
    expect(view.topic.body_html).toBe(renderMarkdown(q.body));
    expect(view.replies.find((r) => r.id === r1)?.body_html).toBe(renderMarkdown('Merci @bob'));
    expect(await indexedOf(topicId)).toEqual([]);

    // Deleted before the queue reaches it: rendered (its history keeps it) but never searchable.
    await db.store.db.updateTable('replies').set({ deleted_at: T0 }).where('id', '=', r0).execute();
    await renderAllQueued(db.store);
    expect(await indexedOf(topicId)).toEqual([
      ['topic', topicId],
      ['reply', r1],
      ['reply', r2],
      ['reply', r3],
    ]);
    const stored = await db.store.db
      .selectFrom('replies')
      .select('body_html')
      .where('id', '=', r0)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).toBe(renderMarkdown('En *mars*.'));
  });

  it('writes many topics in order, round after round, as importTopic would one by one', async () => {
    const many = Array.from({ length: 120 }, (_, n) => question(100 + n));
    const ids = await db.store.db.transaction().execute((trx) => importTopics(db.store, trx, many));
    const single = await db.store.db
      .transaction()
      .execute((trx) => importTopic(db.store, trx, question(500)));
    const topicIds = [...ids.map((i) => i.topicId), single.topicId];
    expect([...topicIds].sort((a, b) => a - b)).toEqual(topicIds);
    const allReplies = [...ids.flatMap((i) => i.replyIds), ...single.replyIds];
    expect([...allReplies].sort((a, b) => a - b)).toEqual(allReplies);
    for (const [n, { topicId, replyIds }] of ids.entries()) {
      const replies = await store.listReplies(db.store.db, topicId);
      expect(replies.map((r) => r.id).sort((a, b) => a - b)).toEqual(replyIds);
      const topic = await store.findTopic(db.store.db, topicId);
      expect(topic?.title).toBe(many[n]?.title);
      expect(await activityOf(topicId)).toHaveLength(8);
    }
  });

  it('never gives an id twice, even the ids of deleted rows', async () => {
    const [first] = await db.store.db
      .transaction()
      .execute((trx) => importTopics(db.store, trx, [question(600)]));
    await db.store.db
      .deleteFrom('activity_log')
      .where('topic_id', '=', first?.topicId ?? 0)
      .execute();
    await db.store.db
      .deleteFrom('topics')
      .where('id', '=', first?.topicId ?? 0)
      .execute();
    // A topic written the ordinary way in between takes the next id too.
    const ordinary = await store.insertTopic(db.store.db, {
      communityId: community,
      groupId: null,
      authorId: bob,
      kind: 'discussion',
      title: 'Entre deux',
      body: 'Texte',
      bodyHtml: '<p>Texte</p>',
      at: T0,
    });
    const [next] = await db.store.db
      .transaction()
      .execute((trx) => importTopics(db.store, trx, [question(601)]));
    expect(ordinary).toBeGreaterThan(first?.topicId ?? Infinity);
    expect(next?.topicId).toBeGreaterThan(ordinary);
    expect(Math.min(...(next?.replyIds ?? []))).toBeGreaterThan(
      Math.max(...(first?.replyIds ?? [])),
    );
  });

  it('writes nothing when a round fails', async () => {
    const queuedBefore = await countQueued(db.store.db);
    const before = await db.store.db
      .selectFrom('topics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The second round fails on an unknown author, after the first one was written.
    const broken = Array.from({ length: 250 }, (_, n) => question(1000 + n));
    broken[230] = { ...question(1230), authorId: 999_999 };
    await expect(
      db.store.db.transaction().execute((trx) => importTopics(db.store, trx, broken)),
    ).rejects.toThrow();
    const after = await db.store.db
      .selectFrom('topics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await countQueued(db.store.db)).toBe(queuedBefore);
  });

  it('does nothing with no topics', async () => {
    await expect(importTopics(db.store, db.store.db, [])).resolves.toEqual([]);
  });
});
