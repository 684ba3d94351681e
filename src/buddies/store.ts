import type { ActivityKind } from '../activity/index.js';
import type { Db } from '../db/index.js';

// Buddies read memberships, profiles and group memberships as the welcome queue does, and the
// activity log for who took part lately and how many newcomers each buddy already has.

/** Whether the member volunteers as a buddy in the community. */
export async function isVolunteer(db: Db, communityId: number, userId: number) {
  const row = await db
    .selectFrom('buddy_volunteers')
    .select('user_id')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addVolunteer(db: Db, communityId: number, userId: number, at: number) {
  await db
    .insertInto('buddy_volunteers')
    .values({ community_id: communityId, user_id: userId, since: at })
    .onConflict((oc) => oc.columns(['community_id', 'user_id']).doNothing())
    .execute();
}

export async function removeVolunteer(db: Db, communityId: number, userId: number) {
  await db
    .deleteFrom('buddy_volunteers')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .execute();
}

/** The volunteers who are still active members, with what they wrote about themselves. */
export function volunteersOf(db: Db, communityId: number) {
  return db
    .selectFrom('buddy_volunteers as v')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.community_id', '=', 'v.community_id').onRef('m.user_id', '=', 'v.user_id'),
    )
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['u.id', 'u.handle', 'u.display_name', 'u.bio', 'v.since'])
    .where('v.community_id', '=', communityId)
    .where('m.status', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/** An active, non-staff member of the community (who may get a buddy); undefined otherwise. */
export function findMember(db: Db, communityId: number, userId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.handle', 'u.display_name', 'u.bio'])
    .where('m.community_id', '=', communityId)
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .where('u.is_system', '=', 0)
    .executeTakeFirst();
}

/** The last time each of these members took part in the community (log participation kinds). */
export async function lastParticipation(
  db: Db,
  communityId: number,
  userIds: number[],
  kinds: ActivityKind[],
) {
  if (userIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('activity_log')
    .select((eb) => ['actor_id', eb.fn.max('created_at').as('at')])
    .where('community_id', '=', communityId)
    .where('actor_id', 'in', userIds)
    .where('kind', 'in', kinds)
    .groupBy('actor_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.actor_id), Number(r.at)]));
}

/** How many newcomers each of these members was made buddy of (`buddy.assigned` rows). */
export async function newcomerCounts(db: Db, communityId: number, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('activity_log')
    .select((eb) => ['actor_id', eb.fn.count('target_id').distinct().as('n')])
    .where('community_id', '=', communityId)
    .where('kind', '=', 'buddy.assigned')
    .where('actor_id', 'in', userIds)
    .groupBy('actor_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.actor_id), Number(r.n)]));
}

/** The community's groups each of these members is an active member of. */
export async function groupsOf(db: Db, communityId: number, userIds: number[]) {
  const out = new Map<number, Set<number>>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['gm.user_id', 'gm.group_id'])
    .where('g.community_id', '=', communityId)
    .where('gm.status', '=', 'active')
    .where('gm.user_id', 'in', userIds)
    .execute();
  for (const r of rows) {
    const set = out.get(Number(r.user_id)) ?? new Set<number>();
    set.add(Number(r.group_id));
    out.set(Number(r.user_id), set);
  }
  return out;
}

/** The current buddy of each of these newcomers. */
export function buddiesOf(db: Db, communityId: number, newcomerIds: number[]) {
  if (newcomerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('buddy_assignments as b')
    .innerJoin('users as u', 'u.id', 'b.buddy_id')
    .select(['b.newcomer_id', 'b.assigned_at', 'u.id', 'u.handle', 'u.display_name'])
    .where('b.community_id', '=', communityId)
    .where('b.newcomer_id', 'in', newcomerIds)
    .where('u.deleted_at', 'is', null)
    .execute();
}

export async function saveAssignment(
  db: Db,
  row: {
    community_id: number;
    newcomer_id: number;
    buddy_id: number;
    assigned_by: number;
    assigned_at: number;
  },
) {
  await db
    .insertInto('buddy_assignments')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['community_id', 'newcomer_id']).doUpdateSet({
        buddy_id: row.buddy_id,
        assigned_by: row.assigned_by,
        assigned_at: row.assigned_at,
      }),
    )
    .execute();
}
