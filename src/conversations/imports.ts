import { recordActivities, type ActivityEntry } from '../activity/index.js';
import type { Db, Dialect } from '../db/index.js';
import { renderMarkdown, toPlainText } from '../markdown/index.js';
import { indexDocument } from '../search/index.js';
import type { ReactionKind, TopicKind } from './schemas.js';
import * as store from './store.js';

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

/**
 * Writes a whole topic with its past: replies, accepted answer, reactions, search entries
 * and the activity rows the analytics read — the path the demo and importers share.
 */
export async function importTopic(
  trx: Db,
  dialect: Dialect,
  t: ImportedTopic,
): Promise<{ topicId: number; replyIds: number[] }> {
  const topicId = await store.insertTopic(trx, {
    ...t,
    bodyHtml: renderMarkdown(t.body),
    score: t.score ?? 0,
    at: t.createdAt,
  });
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
  await indexDocument(trx, dialect, {
    docKind: 'topic',
    docId: topicId,
    ...scope,
    title: t.title,
    body: toPlainText(t.body),
    createdAt: t.createdAt,
  });
  const replyIds: number[] = [];
  let lastActivity = t.createdAt;
  for (const r of t.replies) {
    const parent = r.parentIndex !== null ? (replyIds[r.parentIndex] ?? null) : null;
    const id = await store.insertReply(trx, {
      topicId,
      parentReplyId: parent,
      authorId: r.authorId,
      body: r.body,
      bodyHtml: renderMarkdown(r.body),
      score: r.score ?? 0,
      at: r.createdAt,
    });
    replyIds.push(id);
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
    await indexDocument(trx, dialect, {
      docKind: 'reply',
      docId: id,
      ...scope,
      title: t.title,
      body: toPlainText(r.body),
      createdAt: r.createdAt,
    });
  }
  const accepted = t.acceptedReplyIndex !== null ? (replyIds[t.acceptedReplyIndex] ?? null) : null;
  await store.updateTopic(trx, topicId, {
    accepted_reply_id: accepted,
    last_activity_at: lastActivity,
    reply_count: replyIds.length,
  });
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
  for (const re of t.reactions) {
    const targetId = re.target === 'topic' ? topicId : replyIds[re.target];
    if (targetId === undefined) continue;
    const targetKind = re.target === 'topic' ? 'topic' : 'reply';
    if (
      await store.insertReaction(trx, {
        targetKind,
        targetId,
        userId: re.userId,
        kind: re.kind,
        at: re.createdAt,
      })
    ) {
      activity.push({
        actorId: re.userId,
        ...scope,
        kind: 'reaction.added',
        targetKind,
        targetId,
        inReplyTo: targetKind === 'reply' ? targetId : null,
        detail: re.kind,
        at: re.createdAt,
      });
    }
  }
  await recordActivities(trx, activity);
  return { topicId, replyIds };
}
