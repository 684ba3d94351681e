import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db/index.js';
import { repliesWithTopic } from './store.js';

/** One member's posts, revisions and reactions: read for their export, erased with the account. */

/** What the member may still read: communities, and groups within them (ReadableScope). */
export interface Scope {
  communityIds: number[];
  groupIds: number[];
}

function inScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'topics'>) =>
    eb.and([
      scope.communityIds.length === 0
        ? eb.val(false)
        : eb('topics.community_id', 'in', scope.communityIds),
      scope.groupIds.length === 0
        ? eb('topics.group_id', 'is', null)
        : eb.or([eb('topics.group_id', 'is', null), eb('topics.group_id', 'in', scope.groupIds)]),
    ]);
}

export function topicsByAuthor(
  db: Db,
  authorId: number,
  scope: Scope,
  after: number,
  limit: number,
) {
  return db
    .selectFrom('topics')
    .select([
      'id',
      'community_id',
      'group_id',
      'kind',
      'title',
      'body',
      'created_at',
      'updated_at',
      'deleted_at',
    ])
    .where('author_id', '=', authorId)
    .where('id', '>', after)
    .where(inScope(scope))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function repliesByAuthor(
  db: Db,
  authorId: number,
  scope: Scope,
  after: number,
  limit: number,
) {
  return db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .select([
      'replies.id',
      'replies.topic_id',
      'replies.parent_reply_id',
      'replies.body',
      'replies.created_at',
      'replies.updated_at',
      'replies.deleted_at',
    ])
    .where('replies.author_id', '=', authorId)
    .where('replies.id', '>', after)
    .where(inScope(scope))
    .orderBy('replies.id')
    .limit(limit)
    .execute();
}

export async function revisionsOf(db: Db, kind: 'topic' | 'reply', ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('post_revisions')
    .select(['target_id', 'title', 'body', 'created_at'])
    .where('target_kind', '=', kind)
    .where('target_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function topicReactionsBy(
  db: Db,
  userId: number,
  scope: Scope,
  after: number,
  limit: number,
) {
  return db
    .selectFrom('reactions')
    .innerJoin('topics', 'topics.id', 'reactions.target_id')
    .select([
      'reactions.id',
      'reactions.target_kind',
      'reactions.target_id',
      'reactions.kind',
      'reactions.created_at',
      'topics.id as topic_id',
    ])
    .where('reactions.user_id', '=', userId)
    .where('reactions.target_kind', '=', 'topic')
    .where('reactions.id', '>', after)
    .where(inScope(scope))
    .orderBy('reactions.id')
    .limit(limit)
    .execute();
}

export function replyReactionsBy(
  db: Db,
  userId: number,
  scope: Scope,
  after: number,
  limit: number,
) {
  return db
    .selectFrom('reactions')
    .innerJoin('replies', 'replies.id', 'reactions.target_id')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .select([
      'reactions.id',
      'reactions.target_kind',
      'reactions.target_id',
      'reactions.kind',
      'reactions.created_at',
      'topics.id as topic_id',
    ])
    .where('reactions.user_id', '=', userId)
    .where('reactions.target_kind', '=', 'reply')
    .where('reactions.id', '>', after)
    .where(inScope(scope))
    .orderBy('reactions.id')
    .limit(limit)
    .execute();
}

export function liveTopicsBy(db: Db, authorId: number) {
  return db
    .selectFrom('topics')
    .select(['id', 'community_id', 'group_id'])
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
    .execute();
}

export function liveRepliesBy(db: Db, authorId: number) {
  return db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .select(['replies.id', 'replies.topic_id', 'topics.community_id', 'topics.group_id'])
    .where('replies.author_id', '=', authorId)
    .where('replies.deleted_at', 'is', null)
    .execute();
}

/** Deletes the posts and blanks their text: what the member asked to go, goes from the database. */
export async function eraseTopics(db: Db, ids: number[], at: number) {
  if (ids.length === 0) return;
  await db
    .updateTable('topics')
    .set({ title: '', body: '', body_html: '', deleted_at: at, updated_at: at })
    .where('id', 'in', ids)
    .execute();
  await db
    .deleteFrom('post_revisions')
    .where('target_kind', '=', 'topic')
    .where('target_id', 'in', ids)
    .execute();
}

export async function eraseReplies(db: Db, ids: number[], at: number) {
  if (ids.length === 0) return;
  await db
    .updateTable('replies')
    .set({ body: '', body_html: '', deleted_at: at, updated_at: at })
    .where('id', 'in', ids)
    .execute();
  await db
    .deleteFrom('post_revisions')
    .where('target_kind', '=', 'reply')
    .where('target_id', 'in', ids)
    .execute();
}

/**
 * After replies went: each topic's reply count, its last activity (its last live post) and its
 * accepted answer, if that was one of them, follow.
 */
export async function settleTopics(db: Db, topicIds: number[]) {
  for (const id of topicIds) {
    const live = await db
      .selectFrom('replies')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last')])
      .where('topic_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('topics')
      .set((eb) => ({
        reply_count: Number(live.n),
        last_activity_at: live.last === null ? eb.ref('created_at') : eb.val(Number(live.last)),
        accepted_reply_id: eb
          .case()
          .when(
            eb.exists(
              eb
                .selectFrom('replies')
                .select('replies.id')
                .whereRef('replies.id', '=', 'topics.accepted_reply_id')
                .where('replies.deleted_at', 'is', null),
            ),
          )
          .then(eb.ref('accepted_reply_id'))
          .else(null)
          .end(),
      }))
      .where('id', '=', id)
      .execute();
  }
}

const mentioning = (handle: string) => `%@${handle}%`;

/** Posts (deleted ones too) whose text may mention `handle`; the caller checks each one. */
export function topicsMentioning(db: Db, handle: string) {
  return db
    .selectFrom('topics')
    .select(['id', 'community_id', 'group_id', 'title', 'body', 'created_at', 'deleted_at'])
    .select(['kind', 'accepted_reply_id'])
    .where((eb) => eb(eb.fn('lower', ['body']), 'like', mentioning(handle)))
    .execute();
}

export function repliesMentioning(db: Db, handle: string) {
  return repliesWithTopic(db)
    .where((eb) => eb(eb.fn('lower', ['replies.body']), 'like', mentioning(handle)))
    .execute();
}

export function revisionsMentioning(db: Db, handle: string) {
  return db
    .selectFrom('post_revisions')
    .select(['id', 'body'])
    .where((eb) => eb(eb.fn('lower', ['body']), 'like', mentioning(handle)))
    .execute();
}

export async function setTopicBody(db: Db, id: number, body: string, bodyHtml: string) {
  await db.updateTable('topics').set({ body, body_html: bodyHtml }).where('id', '=', id).execute();
}

export async function setReplyBody(db: Db, id: number, body: string, bodyHtml: string) {
  await db.updateTable('replies').set({ body, body_html: bodyHtml }).where('id', '=', id).execute();
}

export async function setRevisionBody(db: Db, id: number, body: string) {
  await db.updateTable('post_revisions').set({ body }).where('id', '=', id).execute();
}
