import type { Db } from '../db/index.js';

/** One member's memberships, group memberships and accepted charters: their export and deletion. */

export function membershipsOf(db: Db, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('communities', 'communities.id', 'memberships.community_id')
    .leftJoin('charters', (join) =>
      join
        .onRef('charters.community_id', '=', 'memberships.community_id')
        .onRef('charters.version', '=', 'memberships.charter_version'),
    )
    .select([
      'communities.id as community_id',
      'communities.slug',
      'communities.name',
      'memberships.role',
      'memberships.status',
      'memberships.joined_at',
      'memberships.charter_version',
      'memberships.charter_accepted_at',
      'charters.body as charter_body',
      'charters.created_at as charter_published_at',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.joined_at')
    .orderBy('communities.id')
    .execute();
}

export function groupMembershipsOf(db: Db, userId: number) {
  return db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .innerJoin('communities', 'communities.id', 'groups.community_id')
    .select([
      'groups.id as group_id',
      'groups.slug as group_slug',
      'groups.name as group_name',
      'communities.id as community_id',
      'communities.slug as community_slug',
      'group_members.role',
      'group_members.status',
      'group_members.joined_at',
    ])
    .where('group_members.user_id', '=', userId)
    .orderBy('group_members.joined_at')
    .orderBy('groups.id')
    .execute();
}

export async function deleteEveryMembershipOf(db: Db, userId: number) {
  await db.deleteFrom('group_members').where('user_id', '=', userId).execute();
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
}
