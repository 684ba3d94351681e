import type { Db, Dialect } from '../db/index.js';
import { indexDocument, removeDocument, removeTopicDocuments } from '../search/index.js';
import { replyDocument, topicDocument } from './search-documents.js';
import { toPlainText } from '../markdown/index.js';
import { replyPath, topicPath } from './paths.js';

/** A topic or reply as the staff reviewing it see it (the caller checked they are its staff). */
export interface PostUnderReview {
  kind: 'topic' | 'reply';
  id: number;
  communityId: number;
  authorId: number;
  title: string;
  excerpt: string;
  href: string;
  isHidden: boolean;
  isDeleted: boolean;
}

const EXCERPT = 600;

/**
 * These topics and replies for a moderation queue, whether hidden or not: only the moderation
 * feature calls it, for posts flagged in a community whose staff asks.
 */
export async function postsUnderReview(
  db: Db,
  ids: { topicIds: number[]; replyIds: number[] },
): Promise<{ topics: Map<number, PostUnderReview>; replies: Map<number, PostUnderReview> }> {
  const [topics, replies] = await Promise.all([
    ids.topicIds.length === 0
      ? []
      : db
          .selectFrom('topics as t')
          .innerJoin('communities as c', 'c.id', 't.community_id')
          .select([
            't.id',
            't.community_id',
            't.author_id',
            't.title',
            't.body',
            't.hidden_at',
            't.deleted_at',
            'c.slug',
          ])
          .where('t.id', 'in', ids.topicIds)
          .execute(),
    ids.replyIds.length === 0
      ? []
      : db
          .selectFrom('replies as r')
          .innerJoin('topics as t', 't.id', 'r.topic_id')
          .innerJoin('communities as c', 'c.id', 't.community_id')
          .select([
            'r.id',
            'r.topic_id',
            't.community_id',
            'r.author_id',
            't.title',
            'r.body',
            'r.hidden_at',
            'r.deleted_at',
            'c.slug',
          ])
          .where('r.id', 'in', ids.replyIds)
          .execute(),
  ]);
  return {
    topics: new Map(
      topics.map((t) => [
        Number(t.id),
        {
          kind: 'topic' as const,
          id: Number(t.id),
          communityId: Number(t.community_id),
          authorId: Number(t.author_id),
          title: t.title,
          excerpt: toPlainText(t.body, EXCERPT),
          href: topicPath(t.slug, Number(t.id)),
          isHidden: t.hidden_at !== null,
          isDeleted: t.deleted_at !== null,
        },
      ]),
    ),
    replies: new Map(
      replies.map((r) => [
        Number(r.id),
        {
          kind: 'reply' as const,
          id: Number(r.id),
          communityId: Number(r.community_id),
          authorId: Number(r.author_id),
          title: r.title,
          excerpt: toPlainText(r.body, EXCERPT),
          href: replyPath(r.slug, Number(r.topic_id), Number(r.id)),
          isHidden: r.hidden_at !== null,
          isDeleted: r.deleted_at !== null,
        },
      ]),
    ),
  };
}

/**
 * Hides a topic or reply pending review (`at`), or shows it again (null), in the caller's
 * transaction; says whether anything changed. Search forgets a hidden post (a topic with its
 * replies) and finds it again once shown, as it does for a deleted one.
 */
export async function setPostHidden(
  db: Db,
  dialect: Dialect,
  kind: 'topic' | 'reply',
  id: number,
  at: number | null,
): Promise<boolean> {
  const table = kind === 'topic' ? 'topics' : 'replies';
  const res = await db
    .updateTable(table)
    .set({ hidden_at: at })
    .where('id', '=', id)
    .where('hidden_at', at === null ? 'is not' : 'is', null)
    .executeTakeFirst();
  const changed = Number(res.numUpdatedRows) > 0;
  if (!changed) return false;
  if (at !== null) {
    if (kind === 'topic') await removeTopicDocuments(db, dialect, id);
    else await removeDocument(db, dialect, 'reply', id);
    return true;
  }
  const topicId =
    kind === 'topic'
      ? id
      : (await db.selectFrom('replies').select('topic_id').where('id', '=', id).executeTakeFirst())
          ?.topic_id;
  if (topicId === undefined) return true;
  const topic = await db
    .selectFrom('topics')
    .selectAll()
    .where('id', '=', topicId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  if (!topic) return true;
  if (kind === 'topic')
    await indexDocument(db, dialect, topicDocument(topic, toPlainText(topic.body)));
  let replies = db
    .selectFrom('replies')
    .select(['id', 'topic_id', 'body', 'created_at'])
    .where('topic_id', '=', topicId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null);
  if (kind === 'reply') replies = replies.where('id', '=', id);
  for (const r of await replies.execute())
    await indexDocument(db, dialect, replyDocument({ ...topic, ...r }, toPlainText(r.body)));
  return true;
}

/** How many live topics and replies each of these members wrote in one community. */
export async function postCountsIn(
  db: Db,
  communityId: number,
  authorIds: number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (authorIds.length === 0) return out;
  const [topics, replies] = await Promise.all([
    db
      .selectFrom('topics')
      .select((eb) => ['author_id', eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', communityId)
      .where('author_id', 'in', authorIds)
      .where('deleted_at', 'is', null)
      .groupBy('author_id')
      .execute(),
    db
      .selectFrom('replies as r')
      .innerJoin('topics as t', 't.id', 'r.topic_id')
      .select((eb) => ['r.author_id', eb.fn.countAll<number>().as('n')])
      .where('t.community_id', '=', communityId)
      .where('r.author_id', 'in', authorIds)
      .where('r.deleted_at', 'is', null)
      .groupBy('r.author_id')
      .execute(),
  ]);
  for (const r of [...topics, ...replies])
    out.set(Number(r.author_id), (out.get(Number(r.author_id)) ?? 0) + Number(r.n));
  return out;
}
