import { findReadersByIds } from '../accounts/index.js';
import type { Db } from '../db/index.js';
import type { CommunityStanding, GroupStanding, Reader } from './policy.js';
import * as store from './store.js';

/** A group's standing for one reader, with the community it belongs to. */
export interface GroupPlace extends GroupStanding {
  communityId: number;
}

/** How one reader stands in each of some communities and groups (those that exist). */
export interface Standings {
  communities: Map<number, CommunityStanding>;
  groups: Map<number, GroupPlace>;
}

/** Where something lives: a community, and a group of it or none. */
export interface SpaceRef {
  communityId: number;
  groupId: number | null;
}

/** One reader's standing in one community, from its row and the reader's membership of it. */
export function standingOf(
  reader: Reader | null,
  community: CommunityStanding['community'],
  membership: CommunityStanding['membership'],
): CommunityStanding {
  return { community, isAdmin: reader?.isAdmin ?? false, membership };
}

/**
 * How `reader` stands in the given communities and groups (and in the communities of those
 * groups), in at most four indexed queries whatever the number of ids: what the batch
 * permission questions answer from. Ids of nothing are left out.
 */
export async function loadStandings(
  db: Db,
  reader: Reader | null,
  ids: { communityIds?: readonly number[]; groupIds?: readonly number[] },
): Promise<Standings> {
  const groupIds = [...(ids.groupIds ?? [])];
  const unsafeGroups = await store.groupStandingsOf(db, groupIds);
  const communityIds = [
    ...new Set([...(ids.communityIds ?? []), ...unsafeGroups.map((g) => g.community_id)]),
  ];
  const [unsafeCommunities, memberships, groupMembers] = await Promise.all([
    store.communityStandingsOf(db, communityIds),
    reader ? store.membershipStandingsOf(db, reader.id, communityIds) : [],
    reader && groupIds.length > 0 ? store.groupMemberStandingsOf(db, reader.id, groupIds) : [],
  ]);
  return standingsFrom(reader, unsafeCommunities, unsafeGroups, memberships, groupMembers);
}

/**
 * How each of many readers stands in the given communities and groups: the many-readers form
 * of loadStandings, the same standings for each, in four indexed queries per thousand readers
 * (the pulse asks it for a batch of members at once).
 */
export async function loadStandingsOfMany(
  db: Db,
  readers: readonly Reader[],
  ids: { communityIds?: readonly number[]; groupIds?: readonly number[] },
): Promise<Map<number, Standings>> {
  const userIds = readers.map((r) => r.id);
  const groupIds = [...new Set(ids.groupIds ?? [])];
  const unsafeGroups = await store.groupStandingsOf(db, groupIds);
  const communityIds = [
    ...new Set([...(ids.communityIds ?? []), ...unsafeGroups.map((g) => g.community_id)]),
  ];
  const [unsafeCommunities, memberships, groupMembers] = await Promise.all([
    store.communityStandingsOf(db, communityIds),
    store.membershipStandingsOfMany(db, userIds, communityIds),
    groupIds.length > 0 ? store.groupMemberStandingsOfMany(db, userIds, groupIds) : [],
  ]);
  const membershipsOf = groupByUser(memberships);
  const groupMembersOf = groupByUser(groupMembers);
  const out = new Map<number, Standings>();
  for (const reader of readers)
    out.set(
      reader.id,
      standingsFrom(
        reader,
        unsafeCommunities,
        unsafeGroups,
        membershipsOf.get(reader.id) ?? [],
        groupMembersOf.get(reader.id) ?? [],
      ),
    );
  return out;
}

function groupByUser<T extends { user_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.user_id);
    if (list) list.push(r);
    else out.set(r.user_id, [r]);
  }
  return out;
}

function standingsFrom(
  reader: Reader | null,
  unsafeCommunities: (CommunityStanding['community'] & { id: number })[],
  unsafeGroups: (GroupStanding['group'] & { id: number; community_id: number })[],
  memberships: (NonNullable<CommunityStanding['membership']> & { community_id: number })[],
  groupMembers: (NonNullable<GroupStanding['groupMember']> & { group_id: number })[],
): Standings {
  const membershipIn = new Map(memberships.map((m) => [m.community_id, m]));
  const memberOf = new Map(groupMembers.map((m) => [m.group_id, m]));
  return {
    communities: new Map(
      unsafeCommunities.map((c) => [c.id, standingOf(reader, c, membershipIn.get(c.id))]),
    ),
    groups: new Map(
      unsafeGroups.map((g) => [
        g.id,
        { communityId: g.community_id, group: g, groupMember: memberOf.get(g.id) },
      ]),
    ),
  };
}

/** How each of many members stands in one space, for the many-readers form of a question. */
export interface ReaderStanding {
  access: CommunityStanding;
  group: GroupStanding | undefined;
}

/**
 * How each of these members stands in a community, or in a group and its community, in a few
 * indexed queries whatever their number: to ask who among the people concerned by a post may
 * read it (notifications, digests). Accounts deleted or unknown are left out; so is everyone
 * when the space does not exist.
 */
export async function loadReaderStandings(
  db: Db,
  userIds: readonly number[],
  space: SpaceRef | { groupId: number },
): Promise<Map<number, ReaderStanding>> {
  const ids = [...new Set(userIds)];
  const out = new Map<number, ReaderStanding>();
  const groupId = space.groupId;
  const [unsafeGroup] = groupId === null ? [] : await store.groupStandingsOf(db, [groupId]);
  const communityId = 'communityId' in space ? space.communityId : unsafeGroup?.community_id;
  if (communityId === undefined) return out;
  if (groupId !== null && unsafeGroup?.community_id !== communityId) return out;
  const [readers, [unsafeCommunity], memberships, groupMembers] = await Promise.all([
    findReadersByIds(db, ids),
    store.communityStandingsOf(db, [communityId]),
    store.membershipStandingsIn(db, communityId, ids),
    groupId === null ? [] : store.groupMemberStandingsIn(db, groupId, ids),
  ]);
  if (!unsafeCommunity) return out;
  const membershipOf = new Map(memberships.map((m) => [m.user_id, m]));
  const groupMemberOf = new Map(groupMembers.map((m) => [m.user_id, m]));
  for (const reader of readers) {
    out.set(reader.id, {
      access: standingOf(reader, unsafeCommunity, membershipOf.get(reader.id)),
      group: unsafeGroup && { group: unsafeGroup, groupMember: groupMemberOf.get(reader.id) },
    });
  }
  return out;
}
