import type { ExpressionBuilder, Selectable } from 'kysely';
import { chunks, type Database, type Db } from '../db/index.js';

export type TopicRow = Selectable<Database['topics']>;
export type ReplyRow = Selectable<Database['replies']>;

/** Topics outside groups, or in one of the readable groups (given). */
function inReadableGroups(readable: number[]) {
  return (eb: ExpressionBuilder<Database, 'topics'>) =>
    readable.length === 0
      ? eb('topics.group_id', 'is', null)
      : eb.or([eb('topics.group_id', 'is', null), eb('topics.group_id', 'in', readable)]);
}

export function findTopic(db: Db, id: number) {
  return db
    .selectFrom('topics')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findReply(db: Db, id: number) {
  return db
    .selectFrom('replies')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Topics of a community the reader may see: outside groups, or in one of the readable groups. */
export function listTopics(
  db: Db,
  q: {
    communityId: number;
    groupId?: number | undefined;
    readableGroupIds: number[];
    limit: number;
    offset: number;
    /** Who reads: hidden topics (moderation) are left out but for their author and the staff. */
    readerId: number | null;
    isStaff: boolean;
  },
) {
  let query = db
    .selectFrom('topics')
    .innerJoin('users', 'users.id', 'topics.author_id')
    .select([
      'topics.id',
      'topics.community_id',
      'topics.group_id',
      'topics.kind',
      'topics.title',
      'topics.reply_count',
      'topics.accepted_reply_id',
      'topics.created_at',
      'topics.last_activity_at',
      'users.handle as author_handle',
      'users.display_name as author_name',
      'users.deleted_at as author_deleted_at',
    ])
    .where('topics.community_id', '=', q.communityId)
    .where('topics.deleted_at', 'is', null);
  if (!q.isStaff)
    query = query.where((eb) =>
      q.readerId === null
        ? eb('topics.hidden_at', 'is', null)
        : eb.or([eb('topics.hidden_at', 'is', null), eb('topics.author_id', '=', q.readerId)]),
    );
  query =
    q.groupId !== undefined
      ? query.where('topics.group_id', '=', q.groupId)
      : query.where(inReadableGroups(q.readableGroupIds));
  return query
    .orderBy('topics.last_activity_at', 'desc')
    .orderBy('topics.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

export async function insertTopic(
  db: Db,
  t: {
    communityId: number;
    groupId: number | null;
    authorId: number;
    kind: string;
    title: string;
    body: string;
    bodyHtml: string;
    score?: number;
    at: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('topics')
    .values({
      community_id: t.communityId,
      group_id: t.groupId,
      author_id: t.authorId,
      kind: t.kind,
      title: t.title,
      body: t.body,
      body_html: t.bodyHtml,
      accepted_reply_id: null,
      reply_count: 0,
      score: t.score ?? 0,
      created_at: t.at,
      updated_at: t.at,
      last_activity_at: t.at,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTopic(
  db: Db,
  id: number,
  changes: Partial<
    Pick<
      TopicRow,
      | 'title'
      | 'body'
      | 'body_html'
      | 'updated_at'
      | 'deleted_at'
      | 'deletion_reason'
      | 'accepted_reply_id'
      | 'last_activity_at'
      | 'reply_count'
    >
  >,
) {
  await db.updateTable('topics').set(changes).where('id', '=', id).execute();
}

export async function bumpReplyCount(db: Db, topicId: number, delta: 1 | -1, at: number | null) {
  await db
    .updateTable('topics')
    .set((eb) => ({
      reply_count: eb('reply_count', '+', delta),
      ...(at !== null ? { last_activity_at: at } : {}),
    }))
    .where('id', '=', topicId)
    .execute();
}

/**
 * After a reply is deleted: the topic's last activity goes back to its last visible post (its
 * latest reply left, else the topic itself), so that a deleted reply no longer lifts it.
 */
export async function restoreLastActivity(db: Db, topicId: number) {
  await db
    .updateTable('topics')
    .set((eb) => ({
      last_activity_at: eb.fn.coalesce(
        eb
          .selectFrom('replies')
          .select((r) => r.fn.max('replies.created_at').as('at'))
          .where('replies.topic_id', '=', topicId)
          .where('replies.deleted_at', 'is', null),
        eb.ref('topics.created_at'),
      ),
    }))
    .where('id', '=', topicId)
    .execute();
}

export function listReplies(db: Db, topicId: number) {
  return db
    .selectFrom('replies')
    .innerJoin('users', 'users.id', 'replies.author_id')
    .select([
      'replies.id',
      'replies.topic_id',
      'replies.parent_reply_id',
      'replies.author_id',
      'replies.body',
      'replies.body_html',
      'replies.created_at',
      'replies.updated_at',
      'replies.hidden_at',
      'users.handle as author_handle',
      'users.display_name as author_name',
      'users.deleted_at as author_deleted_at',
    ])
    .where('replies.topic_id', '=', topicId)
    .where('replies.deleted_at', 'is', null)
    .orderBy('replies.created_at')
    .orderBy('replies.id')
    .execute();
}

export async function insertReply(
  db: Db,
  r: {
    topicId: number;
    parentReplyId: number | null;
    authorId: number;
    body: string;
    bodyHtml: string;
    score?: number;
    at: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('replies')
    .values({
      topic_id: r.topicId,
      parent_reply_id: r.parentReplyId,
      author_id: r.authorId,
      body: r.body,
      body_html: r.bodyHtml,
      score: r.score ?? 0,
      created_at: r.at,
      updated_at: r.at,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReply(
  db: Db,
  id: number,
  changes: Partial<
    Pick<ReplyRow, 'body' | 'body_html' | 'updated_at' | 'deleted_at' | 'deletion_reason'>
  >,
) {
  await db.updateTable('replies').set(changes).where('id', '=', id).execute();
}

export async function insertRevision(
  db: Db,
  r: {
    targetKind: 'topic' | 'reply';
    targetId: number;
    title: string | null;
    body: string;
    editedBy: number;
    at: number;
  },
) {
  await db
    .insertInto('post_revisions')
    .values({
      target_kind: r.targetKind,
      target_id: r.targetId,
      title: r.title,
      body: r.body,
      edited_by: r.editedBy,
      created_at: r.at,
    })
    .execute();
}

export function listRevisions(db: Db, targetKind: 'topic' | 'reply', targetId: number) {
  return db
    .selectFrom('post_revisions')
    .selectAll()
    .where('target_kind', '=', targetKind)
    .where('target_id', '=', targetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertReaction(
  db: Db,
  r: { targetKind: string; targetId: number; userId: number; kind: string; at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('reactions')
    .values({
      target_kind: r.targetKind,
      target_id: r.targetId,
      user_id: r.userId,
      kind: r.kind,
      created_at: r.at,
    })
    .onConflict((oc) => oc.columns(['target_kind', 'target_id', 'user_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteReaction(
  db: Db,
  r: { targetKind: string; targetId: number; userId: number; kind: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('reactions')
    .where('target_kind', '=', r.targetKind)
    .where('target_id', '=', r.targetId)
    .where('user_id', '=', r.userId)
    .where('kind', '=', r.kind)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Reaction counts for a topic and its replies in one query, plus which ones the viewer gave. */
export async function reactionsFor(
  db: Db,
  topicId: number,
  replyIds: number[],
  viewerId: number | null,
) {
  const rows = await db
    .selectFrom('reactions')
    .select(['target_kind', 'target_id', 'kind', 'user_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('target_kind', '=', 'topic'), eb('target_id', '=', topicId)]),
        ...(replyIds.length
          ? [eb.and([eb('target_kind', '=', 'reply'), eb('target_id', 'in', replyIds)])]
          : []),
      ]),
    )
    .execute();
  return rows.map((r) => ({ ...r, mine: viewerId !== null && r.user_id === viewerId }));
}

/** For replies: the topic (and its title) and community each one is in. */
export async function replyPlacesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select(['replies.id', 'replies.topic_id', 'topics.title', 'communities.slug'])
    .where('replies.id', 'in', ids)
    .execute();
}

export async function titlesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('topics')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select(['topics.id', 'topics.title', 'communities.slug'])
    .where('topics.id', 'in', ids)
    .execute();
}

/** The Markdown of these topics and replies (for excerpts, once their reader was checked). */
export async function bodiesOf(db: Db, ids: { topicIds: number[]; replyIds: number[] }) {
  const topics = ids.topicIds.length
    ? await db.selectFrom('topics').select(['id', 'body']).where('id', 'in', ids.topicIds).execute()
    : [];
  const replies = ids.replyIds.length
    ? await db
        .selectFrom('replies')
        .select(['id', 'body'])
        .where('id', 'in', ids.replyIds)
        .execute()
    : [];
  return { topics, replies };
}

/** Replies with what search keeps of their topic (search-documents.ts), to index them again. */
export function repliesWithTopic(db: Db) {
  return db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .select([
      'replies.id',
      'replies.topic_id',
      'replies.body',
      'replies.created_at',
      'replies.deleted_at',
      'topics.community_id',
      'topics.group_id',
      'topics.title',
      'topics.kind',
      'topics.accepted_reply_id',
      'topics.deleted_at as topic_deleted_at',
    ]);
}

// What reading a post depends on, for many posts at once (readable.ts): where each lives and
// whether it was deleted, deleted ones included. A thousand ids per statement at most.

/** Topics by id: their community, group and deletion. */
export async function topicPlacesOf(db: Db, ids: readonly number[]) {
  const out = [];
  for (const part of chunks([...new Set(ids)]))
    out.push(
      ...(await db
        .selectFrom('topics')
        .select(['id', 'community_id', 'group_id', 'deleted_at', 'hidden_at', 'author_id'])
        .where('id', 'in', part)
        .execute()),
    );
  return out;
}

/** Replies by id: their deletion, and their topic's place and deletion. */
export async function replyPlacesWithTopicOf(db: Db, ids: readonly number[]) {
  const out = [];
  for (const part of chunks([...new Set(ids)]))
    out.push(
      ...(await db
        .selectFrom('replies')
        .innerJoin('topics', 'topics.id', 'replies.topic_id')
        .select([
          'replies.id',
          'replies.topic_id',
          'replies.deleted_at',
          'replies.hidden_at',
          'replies.author_id',
          'topics.community_id',
          'topics.group_id',
          'topics.deleted_at as topic_deleted_at',
          'topics.hidden_at as topic_hidden_at',
          'topics.author_id as topic_author_id',
        ])
        .where('replies.id', 'in', part)
        .execute()),
    );
  return out;
}

/** Topics by id, deleted ones too, with what notifications need of them (post-facts.ts). */
export async function topicFactsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('topics')
    .select([
      'id',
      'community_id',
      'group_id',
      'author_id',
      'kind',
      'title',
      'accepted_reply_id',
      'deleted_at',
      'hidden_at',
    ])
    .where('id', 'in', ids)
    .execute();
}

/** Replies by id, deleted ones too, with their topic and author (post-facts.ts). */
export async function replyFactsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('replies')
    .select(['id', 'topic_id', 'parent_reply_id', 'author_id', 'deleted_at', 'hidden_at'])
    .where('id', 'in', ids)
    .execute();
}
