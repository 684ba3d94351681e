import { sql } from 'kysely';
import type { Db } from '../db/index.js';

const HOUR = 3_600_000;
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

/**
 * Every community's first posts that have waited long enough and are not yet alerted: a
 * member's first topic or reply in the community (their smallest log id there, as in the welcome
 * queue), made since `since` and at least the community's hours before `at`, where the alert is
 * on. Staff, system accounts, deleted accounts and members who left are not newcomers to alert.
 */
export function waitingFirstPosts(db: Db, at: number, since: number) {
  const postKinds = ['topic.created', 'reply.created'] as const;
  return db
    .selectFrom('activity_log as a')
    .leftJoin('first_post_alert_settings as s', 's.community_id', 'a.community_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.community_id', '=', 'a.community_id').onRef('m.user_id', '=', 'a.actor_id'),
    )
    .innerJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.community_id',
      'a.actor_id',
      'a.target_kind',
      'a.target_id',
      'a.topic_id',
      'a.group_id',
      'a.created_at',
    ])
    .where('a.kind', 'in', postKinds)
    .where('a.created_at', '>=', since)
    .where(sql<number>`a.created_at + coalesce(s.hours, ${DEFAULT_HOURS}) * ${HOUR}`, '<=', at)
    .where((eb) => eb.fn.coalesce('s.enabled', eb.lit(1)), '=', 1)
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
            .whereRef('e.community_id', '=', 'a.community_id')
            .whereRef('e.actor_id', '=', 'a.actor_id')
            .where('e.kind', 'in', postKinds)
            .whereRef('e.id', '<', 'a.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('first_post_alerts as f')
            .select('f.id')
            .whereRef('f.community_id', '=', 'a.community_id')
            .whereRef('f.member_id', '=', 'a.actor_id'),
        ),
      ),
    )
    .orderBy('a.id')
    .execute();
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

/** The newcomer's buddy in the community: the latest `buddy.assigned` row's actor, if any. */
export async function buddyOf(
  db: Db,
  communityId: number,
  newcomerId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('activity_log')
    .select('actor_id')
    .where('community_id', '=', communityId)
    .where('kind', '=', 'buddy.assigned')
    .where('target_kind', '=', 'user')
    .where('target_id', '=', newcomerId)
    .where('actor_id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actor_id === null || row === undefined ? undefined : Number(row.actor_id);
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
