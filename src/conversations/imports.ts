import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { recordManyActivities, type ActivityEntry } from '../activity/index.js';
import type { Db, Store } from '../db/index.js';
import { renderMarkdownWithText } from '../markdown/index.js';
import { indexDocuments, type SearchDocument } from '../search/index.js';
import {
  insertReactions,
  insertReplies,
  insertTopics,
  reactionKey,
  reserveIds,
  type ReactionInsert,
  type ReplyInsert,
  type TopicInsert,
} from './import-store.js';
import type { ReactionKind, TopicKind } from './schemas.js';

export interface ImportedTopic {
  communityId: number;
  groupId: number | null;
  authorId: number;
  kind: TopicKind;
  title: string;
  body: string;
  createdAt: number;
  /** Up minus down votes carried over from another platform (Stack Exchange); 0 if absent. */
  score?: number;
  replies: {
    authorId: number;
    body: string;
    createdAt: number;
    parentIndex: number | null;
    score?: number;
  }[];
  acceptedReplyIndex: number | null;
  acceptedBy: number | null;
  acceptedAt: number | null;
  reactions: { userId: number; kind: ReactionKind; target: 'topic' | number; createdAt: number }[];
}

export interface ImportedIds {
  topicId: number;
  replyIds: number[];
}

/** One topic as rows, before anything is written (its ids are reserved). */
interface Planned {
  topic: TopicInsert;
  replies: ReplyInsert[];
  documents: SearchDocument[];
  /** Activity before the reactions, which are logged only if they were new. */
  activity: ActivityEntry[];
  reactions: { row: ReactionInsert; entry: ActivityEntry }[];
}

/**
 * Writes a whole topic with its past: replies, accepted answer, reactions, search entries
 * and the activity rows the analytics read — the path the demo and importers share.
 */
export async function importTopic(s: Store, trx: Db, t: ImportedTopic): Promise<ImportedIds> {
  const [ids] = await importTopics(s, trx, [t]);
  if (!ids) throw new Error('importTopics wrote no topic');
  return ids;
}

// Topics written per round of statements: while a round's statements run, the next round's
// Markdown is rendered, so PostgreSQL (computing search vectors) and Node work side by side.
const TOPICS_PER_ROUND = 50;
// Posts rendered between two looks at the event loop.
const POSTS_PER_SLICE = 25;

/**
 * importTopic for many topics at once, with the same rows in the same order: a few statements
 * per table for each round of topics instead of one per row. Call it in one transaction, `trx`,
 * of the store `s`.
 */
export async function importTopics(
  s: Store,
  trx: Db,
  topics: ImportedTopic[],
): Promise<ImportedIds[]> {
  const ids: ImportedIds[] = [];
  let writing: Promise<ImportedIds[]> = Promise.resolve([]);
  for (let i = 0; i < topics.length; i += TOPICS_PER_ROUND) {
    const round = topics.slice(i, i + TOPICS_PER_ROUND);
    const rendered = await renderTopics(round);
    ids.push(...(await writing));
    writing = writeRound(s, trx, round, rendered);
    // Awaited on the next turn; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }
  ids.push(...(await writing));
  return ids;
}

interface Rendered {
  html: string;
  text: string;
}

/** Each topic's body and its replies', rendered and as plain text; yields now and then. */
async function renderTopics(topics: ImportedTopic[]): Promise<Rendered[][]> {
  const rendered: Rendered[][] = [];
  let sinceYield = 0;
  for (const t of topics) {
    rendered.push([t.body, ...t.replies.map((r) => r.body)].map((b) => renderMarkdownWithText(b)));
    sinceYield += 1 + t.replies.length;
    if (sinceYield >= POSTS_PER_SLICE) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return rendered;
}

async function writeRound(
  s: Store,
  trx: Db,
  topics: ImportedTopic[],
  rendered: Rendered[][],
): Promise<ImportedIds[]> {
  const topicIds = await reserveIds(trx, s.dialect, 'topics', topics.length);
  const replyCount = topics.reduce((n, t) => n + t.replies.length, 0);
  const replyIds = await reserveIds(trx, s.dialect, 'replies', replyCount);
  let next = 0;
  const ids = topics.map((t, i) => ({
    topicId: topicIds[i] ?? 0,
    replyIds: t.replies.map(() => replyIds[next++] ?? 0),
  }));
  const plans = topics.map((t, i) =>
    plan(t, ids[i] ?? { topicId: 0, replyIds: [] }, rendered[i] ?? []),
  );

  await insertTopics(
    s,
    trx,
    plans.map((p) => p.topic),
  );
  await insertReplies(
    s,
    trx,
    plans.flatMap((p) => p.replies),
  );
  const added = await insertReactions(
    trx,
    plans.flatMap((p) => p.reactions.map((r) => r.row)),
  );
  await indexDocuments(
    s,
    trx,
    plans.flatMap((p) => p.documents),
  );
  const activity: ActivityEntry[] = [];
  for (const p of plans) {
    activity.push(...p.activity);
    for (const { row, entry } of p.reactions) {
      // Only the first of identical reactions is new, as if they were added one by one.
      if (added.delete(reactionKey(row))) activity.push(entry);
    }
  }
  await recordManyActivities(s, trx, activity);
  return ids;
}

/** `posts` holds the rendered body first, then each reply's. */
function plan(t: ImportedTopic, { topicId, replyIds }: ImportedIds, posts: Rendered[]): Planned {
  const scope = { communityId: t.communityId, groupId: t.groupId, topicId };
  const rendered = posts[0] ?? renderMarkdownWithText(t.body);
  const documents: SearchDocument[] = [
    {
      docKind: 'topic',
      docId: topicId,
      ...scope,
      title: t.title,
      body: rendered.text,
      createdAt: t.createdAt,
    },
  ];
  const activity: ActivityEntry[] = [
    {
      actorId: t.authorId,
      ...scope,
      kind: 'topic.created',
      detail: t.kind,
      targetKind: 'topic',
      targetId: topicId,
      at: t.createdAt,
    },
  ];
  const replies: ReplyInsert[] = [];
  let lastActivity = t.createdAt;
  t.replies.forEach((r, i) => {
    const id = replyIds[i] ?? 0;
    // A parent is a reply written before this one; anything else is no parent.
    const parent =
      r.parentIndex !== null && r.parentIndex < i ? (replyIds[r.parentIndex] ?? null) : null;
    const reply = posts[i + 1] ?? renderMarkdownWithText(r.body);
    replies.push({
      id,
      topic_id: topicId,
      parent_reply_id: parent,
      author_id: r.authorId,
      body: r.body,
      body_html: reply.html,
      score: r.score ?? 0,
      created_at: r.createdAt,
      updated_at: r.createdAt,
      deleted_at: null,
    });
    lastActivity = Math.max(lastActivity, r.createdAt);
    activity.push({
      actorId: r.authorId,
      ...scope,
      kind: 'reply.created',
      targetKind: 'reply',
      targetId: id,
      inReplyTo: parent,
      at: r.createdAt,
    });
    documents.push({
      docKind: 'reply',
      docId: id,
      ...scope,
      title: t.title,
      body: reply.text,
      createdAt: r.createdAt,
    });
  });
  const accepted = t.acceptedReplyIndex !== null ? (replyIds[t.acceptedReplyIndex] ?? null) : null;
  if (accepted !== null && t.acceptedBy !== null) {
    activity.push({
      actorId: t.acceptedBy,
      ...scope,
      kind: 'answer.accepted',
      targetKind: 'reply',
      targetId: accepted,
      at: t.acceptedAt ?? lastActivity,
    });
  }
  const reactions: Planned['reactions'] = [];
  for (const re of t.reactions) {
    const targetId = re.target === 'topic' ? topicId : replyIds[re.target];
    if (targetId === undefined) continue;
    const targetKind = re.target === 'topic' ? 'topic' : 'reply';
    reactions.push({
      row: {
        target_kind: targetKind,
        target_id: targetId,
        user_id: re.userId,
        kind: re.kind,
        created_at: re.createdAt,
      },
      entry: {
        actorId: re.userId,
        ...scope,
        kind: 'reaction.added',
        targetKind,
        targetId,
        inReplyTo: targetKind === 'reply' ? targetId : null,
        detail: re.kind,
        at: re.createdAt,
      },
    });
  }
  return {
    topic: {
      id: topicId,
      community_id: t.communityId,
      group_id: t.groupId,
      author_id: t.authorId,
      kind: t.kind,
      title: t.title,
      body: t.body,
      body_html: rendered.html,
      accepted_reply_id: accepted,
      last_activity_at: lastActivity,
      reply_count: replyIds.length,
      score: t.score ?? 0,
      created_at: t.createdAt,
      updated_at: t.createdAt,
      deleted_at: null,
    },
    replies,
    documents,
    activity,
    reactions,
  };
}
