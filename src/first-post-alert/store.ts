import type { Db } from '../db/index.js';

/** What a community gets before its animators choose: the alert on, after 24 hours. */
export const DEFAULT_HOURS = 24;

/** The community's setting; undefined: the default. */
export function settingOf(db: Db, communityId: number) {
  return db
    .selectFrom('first_post_alert_settings')
    .select(['enabled', 'hours', 'updated_at'])
    .where('community_id', '=', communityId)
    .executeTakeFirst();
}

export async function saveSetting(
  db: Db,
  row: {
    community_id: number;
    enabled: number;
    hours: number;
    updated_by: number;
    updated_at: number;
  },
) {
  await db
    .insertInto('first_post_alert_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('community_id').doUpdateSet({
        enabled: row.enabled,
        hours: row.hours,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The communities where the alert is on (no setting: on), with their wait in hours. */
export async function communitiesAlerting(db: Db) {
  const rows = await db
    .selectFrom('communities as c')
    .leftJoin('first_post_alert_settings as s', 's.community_id', 'c.id')
    .select(['c.id', 's.enabled', 's.hours'])
    .execute();
  return rows
    .filter((r) => r.enabled === null || r.enabled === 1)
    .map((r) => ({ id: Number(r.id), hours: r.hours === null ? DEFAULT_HOURS : Number(r.hours) }));
}

const postKinds = ['topic.created', 'reply.created'] as const;

/**
 * The community's first posts made between `since` and `until`, not yet alerted: a member's first
 * topic or reply there (their smallest log id in it, as in the welcome queue). Staff, system
 * accounts, deleted accounts and members who left are not newcomers to alert about. One range of
 * the (community, time) index, and the (actor, id) index for "first".
 */
export function waitingFirstPosts(db: Db, communityId: number, since: number, until: number) {
  return db
    .selectFrom('activity_log as a')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.community_id', '=', 'a.community_id').onRef('m.user_id', '=', 'a.actor_id'),
    )
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.actor_id', 'a.target_kind', 'a.target_id', 'a.topic_id', 'a.group_id'])
    .where('a.community_id', '=', communityId)
    .where('a.created_at', '>=', since)
    .where('a.created_at', '<=', until)
    .where('a.kind', 'in', postKinds)
    .where('m.status', '=', 'active')
    .where('m.role', 'not in', ['animator', 'moderator'])
    .where('u.deleted_at', 'is', null)
    .where('u.is_system', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('activity_log as e')
            .select('e.id')
            .whereRef('e.actor_id', '=', 'a.actor_id')
            .whereRef('e.id', '<', 'a.id')
            .where('e.community_id', '=', communityId)
            .where('e.kind', 'in', postKinds),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('first_post_alerts as f')
            .select('f.id')
            .where('f.community_id', '=', communityId)
            .whereRef('f.member_id', '=', 'a.actor_id'),
        ),
      ),
    )
    .orderBy('a.id')
    .execute();
}

/**
 * Which of these posts had a response by someone else, as the welcome queue counts it: a reply
 * in the topic, or to the reply. Only replies since `since` (the oldest post) are read.
 */
export async function answeredPosts(
  db: Db,
  communityId: number,
  posts: { memberId: number; kind: 'topic' | 'reply'; id: number }[],
  since: number,
): Promise<Set<number>> {
  const topics = posts.filter((p) => p.kind === 'topic').map((p) => p.id);
  const replies = posts.filter((p) => p.kind === 'reply').map((p) => p.id);
  const answered = new Set<number>();
  if (posts.length === 0) return answered;
  const rows = await db
    .selectFrom('activity_log')
    .select(['actor_id', 'topic_id', 'in_reply_to'])
    .where('community_id', '=', communityId)
    .where('created_at', '>=', since)
    .where('kind', '=', 'reply.created')
    .where('actor_id', 'is not', null)
    .where((eb) =>
      eb.or([
        ...(topics.length ? [eb('topic_id', 'in', topics)] : []),
        ...(replies.length ? [eb('in_reply_to', 'in', replies)] : []),
      ]),
    )
    .execute();
  for (const p of posts)
    if (
      rows.some(
        (r) =>
          Number(r.actor_id) !== p.memberId &&
          Number(p.kind === 'topic' ? r.topic_id : r.in_reply_to) === p.id,
      )
    )
      answered.add(p.memberId);
  return answered;
}

/** The community's animators (by role), with a live account. */
export async function animatorIdsOf(db: Db, communityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.community_id', '=', communityId)
    .where('m.role', '=', 'animator')
    .where('m.status', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .where('u.is_system', '=', 0)
    .execute();
  return rows.map((r) => Number(r.user_id));
}

/** Claims the newcomer's alert; false when another run (or instance) already has it. */
export async function claimAlert(
  trx: Db,
  row: {
    community_id: number;
    member_id: number;
    post_kind: 'topic' | 'reply';
    post_id: number;
    alerted_at: number;
    recipients: number;
  },
): Promise<boolean> {
  const made = await trx
    .insertInto('first_post_alerts')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'member_id']).doNothing())
    .returning('id')
    .execute();
  return made.length > 0;
}
