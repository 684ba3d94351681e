import type { Db } from '../db/index.js';

// The welcome queue reads the activity log for posts, answers and welcomes (the log is where
// every action that matters is recorded), and memberships for who joined.

/** Members who joined since `since` and are still active, newest first; staff left out. */
export function newcomersSince(db: Db, communityId: number, since: number, limit: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.handle', 'u.display_name', 'u.bio', 'u.locale', 'm.joined_at'])
    .where('m.community_id', '=', communityId)
    .where('m.status', '=', 'active')
    .where('m.role', 'not in', ['animator', 'moderator'])
    .where('m.joined_at', '>=', since)
    .where('u.deleted_at', 'is', null)
    .where('u.is_system', '=', 0)
    .orderBy('m.joined_at', 'desc')
    .orderBy('u.id', 'desc')
    .limit(limit)
    .execute();
}

/** One active newcomer of the community, since `since`; undefined for anyone else. */
export async function findNewcomer(db: Db, communityId: number, userId: number, since: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.handle', 'u.display_name', 'u.bio', 'u.locale', 'm.joined_at'])
    .where('m.community_id', '=', communityId)
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where('m.role', 'not in', ['animator', 'moderator'])
    .where('m.joined_at', '>=', since)
    .where('u.deleted_at', 'is', null)
    .where('u.is_system', '=', 0)
    .executeTakeFirst();
}

/** Which of these members are newcomers of the community since `since` (as in the queue). */
export async function newcomerIdsAmong(
  db: Db,
  communityId: number,
  userIds: number[],
  since: number,
): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.community_id', '=', communityId)
    .where('m.user_id', 'in', userIds)
    .where('m.status', '=', 'active')
    .where('m.role', 'not in', ['animator', 'moderator'])
    .where('m.joined_at', '>=', since)
    .where('u.deleted_at', 'is', null)
    .where('u.is_system', '=', 0)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Each member's first topic or reply in the community (by log order). */
export async function firstPostsOf(db: Db, communityId: number, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  const firsts = db
    .selectFrom('activity_log')
    .select((eb) => ['actor_id', eb.fn.min('id').as('first_id')])
    .where('community_id', '=', communityId)
    .where('kind', 'in', ['topic.created', 'reply.created'])
    .where('actor_id', 'in', memberIds)
    .groupBy('actor_id')
    .as('f');
  return db
    .selectFrom(firsts)
    .innerJoin('activity_log as a', 'a.id', 'f.first_id')
    .select(['a.actor_id', 'a.target_kind', 'a.target_id', 'a.topic_id', 'a.created_at'])
    .execute();
}

/**
 * The first reply by someone else to each of these posts: to a topic, any reply in it; to a
 * reply, a reply to that reply.
 */
export async function firstResponsesTo(
  db: Db,
  communityId: number,
  posts: { memberId: number; kind: 'topic' | 'reply'; id: number }[],
) {
  const out = new Map<number, { actorId: number; at: number }>();
  const topics = posts.filter((p) => p.kind === 'topic').map((p) => p.id);
  const replies = posts.filter((p) => p.kind === 'reply').map((p) => p.id);
  if (posts.length === 0) return out;
  const rows = await db
    .selectFrom('activity_log')
    .select(['actor_id', 'topic_id', 'in_reply_to', 'created_at'])
    .where('community_id', '=', communityId)
    .where('kind', '=', 'reply.created')
    .where('actor_id', 'is not', null)
    .where((eb) =>
      eb.or([
        ...(topics.length ? [eb('topic_id', 'in', topics)] : []),
        ...(replies.length ? [eb('in_reply_to', 'in', replies)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  for (const p of posts) {
    const first = rows.find(
      (r) =>
        Number(r.actor_id) !== p.memberId &&
        Number(p.kind === 'topic' ? r.topic_id : r.in_reply_to) === p.id,
    );
    if (first)
      out.set(p.memberId, { actorId: Number(first.actor_id), at: Number(first.created_at) });
  }
  return out;
}

/** Who welcomed each of these newcomers in the community, and when; the latest welcome first. */
export function welcomesOf(db: Db, communityId: number, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_log')
    .select(['actor_id', 'target_id', 'created_at'])
    .where('community_id', '=', communityId)
    .where('kind', '=', 'newcomer.welcomed')
    .where('target_kind', '=', 'user')
    .where('target_id', 'in', memberIds)
    .orderBy('id', 'desc')
    .execute();
}

/** Display names and handles, for who answered and who welcomed. */
export function namesOf(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name'])
    .where('id', 'in', ids)
    .execute();
}

/** The community's edited templates (absent languages use the defaults). */
export function templatesOf(db: Db, communityId: number) {
  return db
    .selectFrom('welcome_templates')
    .select(['locale', 'body', 'updated_at'])
    .where('community_id', '=', communityId)
    .execute();
}

export async function saveTemplate(
  db: Db,
  row: {
    community_id: number;
    locale: string;
    body: string;
    updated_by: number;
    updated_at: number;
  },
) {
  await db
    .insertInto('welcome_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'locale']).doUpdateSet({
        body: row.body,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
