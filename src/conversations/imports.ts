import { recordActivities, type ActivityEntry } from '../activity/index.js';
import type { Db, Store } from '../db/index.js';
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
import { queueForRendering } from './render-queue.js';
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
  /** Activity before the reactions, which are logged only if they were new. */
  activity: ActivityEntry[];
  reactions: { row: ReactionInsert; entry: ActivityEntry }[];
}

/**
 * Writes a whole topic with its past: replies, accepted answer, reactions and the activity rows
 * the analytics read — the path the demo and importers share. Its HTML and search entries are
 * queued (render-queue.ts): readers see it rendered at once, searches find it once the queue
 * has reached it.
 */
export async function importTopic(s: Store, trx: Db, t: ImportedTopic): Promise<ImportedIds> {
  const [ids] = await importTopics(s, trx, [t]);
  if (!ids) throw new Error('importTopics wrote no topic');
  return ids;
}

// Topics whose rows are written together: fewer statements, and a bounded amount held at once.
const TOPICS_PER_ROUND = 200;

/**
 * importTopic for many topics at once, with the same rows in the same order: a few statements
 * per table for each round of topics instead of one per row. Call it in one transaction, `trx`,
 * of the store `s`. The posts' HTML and search entries are left to the render queue.
 */
export async function importTopics(
  s: Store,
  trx: Db,
  topics: ImportedTopic[],
): Promise<ImportedIds[]> {
  const ids: ImportedIds[] = [];
  for (let i = 0; i < topics.length; i += TOPICS_PER_ROUND) {
    ids.push(...(await writeRound(s, trx, topics.slice(i, i + TOPICS_PER_ROUND))));
  }
  return ids;
}

async function writeRound(s: Store, trx: Db, topics: ImportedTopic[]): Promise<ImportedIds[]> {
  const topicIds = await reserveIds(trx, s.dialect, 'topics', topics.length);
  const replyCount = topics.reduce((n, t) => n + t.replies.length, 0);
  const replyIds = await reserveIds(trx, s.dialect, 'replies', replyCount);
  let next = 0;
  const ids = topics.map((t, i) => ({
    topicId: topicIds[i] ?? 0,
    replyIds: t.replies.map(() => replyIds[next++] ?? 0),
  }));
  const plans = topics.map((t, i) => plan(t, ids[i] ?? { topicId: 0, replyIds: [] }));

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
  await queueForRendering(
    s,
    trx,
    ids.flatMap(({ topicId, replyIds }) => [
      { post_kind: 'topic' as const, post_id: topicId },
      ...replyIds.map((id) => ({ post_kind: 'reply' as const, post_id: id })),
    ]),
  );
  const activity: ActivityEntry[] = [];
  for (const p of plans) {
    activity.push(...p.activity);
    for (const { row, entry } of p.reactions) {
      // Only the first of identical reactions is new, as if they were added one by one.
      if (added.delete(reactionKey(row))) activity.push(entry);
    }
  }
  await recordActivities(s, trx, activity);
  return ids;
}

function plan(t: ImportedTopic, { topicId, replyIds }: ImportedIds): Planned {
  const scope = { communityId: t.communityId, groupId: t.groupId, topicId };
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
    replies.push({
      id,
      topic_id: topicId,
      parent_reply_id: parent,
      author_id: r.authorId,
      body: r.body,
      body_html: '',
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
      body_html: '',
      accepted_reply_id: accepted,
      last_activity_at: lastActivity,
      reply_count: replyIds.length,
      score: t.score ?? 0,
      created_at: t.createdAt,
      updated_at: t.createdAt,
      deleted_at: null,
    },
    replies,
    activity,
    reactions,
  };
}
