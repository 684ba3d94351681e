import { sql, type Selectable } from 'kysely';
import {
  bulkInsert,
  chunks,
  type BulkColumns,
  type Database,
  type Db,
  type Store,
} from '../db/index.js';

export type CommunityRow = Selectable<Database['communities']>;
export type MembershipRow = Selectable<Database['memberships']>;
export type GroupRow = Selectable<Database['groups']>;
export type GroupMemberRow = Selectable<Database['group_members']>;
export type CharterRow = Selectable<Database['charters']>;
export type MembershipStatus = 'active' | 'pending' | 'invited';

export function findCommunityById(db: Db, id: number) {
  return db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCommunityBySlug(db: Db, slug: string) {
  return db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listAllCommunities(db: Db) {
  return db.selectFrom('communities').selectAll().orderBy('name').execute();
}

export async function countActiveMembers(db: Db, communityIds: number[]) {
  if (communityIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('memberships')
    .select(['community_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', 'in', communityIds)
    .where('status', '=', 'active')
    .groupBy('community_id')
    .execute();
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
}

export async function insertCommunity(
  db: Db,
  c: {
    slug: string;
    name: string;
    purpose: string;
    purposePublic?: boolean | undefined;
    typology: string;
    visibility: string;
    createdBy: number | null;
    at: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('communities')
    .values({
      slug: c.slug,
      name: c.name,
      purpose: c.purpose,
      purpose_public: c.purposePublic === false ? 0 : 1,
      typology: c.typology,
      visibility: c.visibility,
      created_by: c.createdBy,
      created_at: c.at,
      updated_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCommunity(
  db: Db,
  id: number,
  changes: Partial<
    Pick<CommunityRow, 'name' | 'purpose' | 'purpose_public' | 'typology' | 'visibility'>
  >,
  at: number,
) {
  await db
    .updateTable('communities')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export function latestCharter(db: Db, communityId: number) {
  return db
    .selectFrom('charters')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every version of a community's charter, newest first, without their text. */
export function listCharterVersions(db: Db, communityId: number) {
  return db
    .selectFrom('charters')
    .select(['version', 'created_at'])
    .where('community_id', '=', communityId)
    .orderBy('version', 'desc')
    .execute();
}

export function findCharter(db: Db, communityId: number, version: number) {
  return db
    .selectFrom('charters')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertCharter(
  db: Db,
  c: { communityId: number; version: number; body: string; createdBy: number | null; at: number },
) {
  await db
    .insertInto('charters')
    .values({
      community_id: c.communityId,
      version: c.version,
      body: c.body,
      created_by: c.createdBy,
      created_at: c.at,
    })
    .execute();
}

export function findMembership(db: Db, communityId: number, userId: number) {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertMembership(
  db: Db,
  m: {
    communityId: number;
    userId: number;
    role: string;
    status: MembershipStatus;
    charterVersion: number | null;
    at: number;
    /** When `charterVersion` was accepted; by default `at` (none without a version). */
    charterAcceptedAt?: number;
  },
) {
  const acceptedAt = m.charterVersion === null ? null : (m.charterAcceptedAt ?? m.at);
  await db
    .insertInto('memberships')
    .values({
      community_id: m.communityId,
      user_id: m.userId,
      role: m.role,
      status: m.status,
      charter_version: m.charterVersion,
      joined_at: m.at,
      charter_accepted_at: acceptedAt,
    })
    .onConflict((oc) =>
      oc.columns(['community_id', 'user_id']).doUpdateSet({
        role: m.role,
        status: m.status,
        charter_version: m.charterVersion,
        joined_at: m.at,
        charter_accepted_at: acceptedAt,
      }),
    )
    .execute();
}

const MEMBERSHIP_COLUMNS: BulkColumns<Database['memberships']> = {
  community_id: 'bigint',
  user_id: 'bigint',
  role: 'text',
  status: 'text',
  charter_version: 'integer',
  joined_at: 'bigint',
  charter_accepted_at: 'bigint',
};

/**
 * Active memberships of a community created in the transaction `trx` of the store `s`
 * (importers, demo), written in bulk.
 */
export function insertMemberships(
  s: Store,
  trx: Db,
  communityId: number,
  members: { userId: number; role: string; at: number }[],
): Promise<void> {
  return bulkInsert(
    s,
    trx,
    'memberships',
    MEMBERSHIP_COLUMNS,
    members.map((m) => ({
      community_id: communityId,
      user_id: m.userId,
      role: m.role,
      status: 'active',
      charter_version: 1,
      joined_at: m.at,
      charter_accepted_at: m.at,
    })),
  );
}

export async function updateMembership(
  db: Db,
  communityId: number,
  userId: number,
  changes: Partial<Pick<MembershipRow, 'role' | 'status' | 'charter_version'>>,
) {
  await db
    .updateTable('memberships')
    .set(changes)
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Db, communityId: number, userId: number) {
  await db
    .deleteFrom('memberships')
    .where('community_id', '=', communityId)
    .where('user_id', '=', userId)
    .execute();
}

export function listMembers(
  db: Db,
  communityId: number,
  page: { limit: number; offset: number; status?: MembershipStatus | undefined },
) {
  let q = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.handle',
      'users.display_name',
      'memberships.role',
      'memberships.status',
      'memberships.joined_at',
    ])
    .where('memberships.community_id', '=', communityId);
  if (page.status) q = q.where('memberships.status', '=', page.status);
  // Requests first (pending, then invited, then active), oldest request first, then by name.
  return q
    .orderBy('memberships.status', 'desc')
    .orderBy(sql`case when memberships.status = 'active' then 0 else memberships.joined_at end`)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Requests to join waiting for an animator. */
export async function countPendingMembers(db: Db, communityId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteGroupMembershipsIn(db: Db, communityId: number, userId: number) {
  await db
    .deleteFrom('group_members')
    .where('user_id', '=', userId)
    .where('group_id', 'in', (eb) =>
      eb.selectFrom('groups').select('id').where('community_id', '=', communityId),
    )
    .execute();
}

export function findGroupById(db: Db, id: number) {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findGroupBySlug(db: Db, communityId: number, slug: string) {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function listGroups(db: Db, communityId: number) {
  return db
    .selectFrom('groups')
    .selectAll('groups')
    .select((eb) =>
      eb
        .selectFrom('group_members')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('group_members.group_id', '=', 'groups.id')
        .where('group_members.status', '=', 'active')
        .as('member_count'),
    )
    .where('community_id', '=', communityId)
    .orderBy('name')
    .execute();
}

export async function insertGroup(
  db: Db,
  g: {
    communityId: number;
    slug: string;
    name: string;
    description: string;
    visibility: string;
    createdBy: number | null;
    at: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('groups')
    .values({
      community_id: g.communityId,
      slug: g.slug,
      name: g.name,
      description: g.description,
      visibility: g.visibility,
      created_by: g.createdBy,
      created_at: g.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(
  db: Db,
  id: number,
  changes: Partial<Pick<GroupRow, 'name' | 'description' | 'visibility'>>,
) {
  await db.updateTable('groups').set(changes).where('id', '=', id).execute();
}

export function findGroupMember(db: Db, groupId: number, userId: number) {
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertGroupMember(
  db: Db,
  m: { groupId: number; userId: number; role: string; status: MembershipStatus; at: number },
) {
  await db
    .insertInto('group_members')
    .values({
      group_id: m.groupId,
      user_id: m.userId,
      role: m.role,
      status: m.status,
      joined_at: m.at,
    })
    .onConflict((oc) =>
      oc.columns(['group_id', 'user_id']).doUpdateSet({ role: m.role, status: m.status }),
    )
    .execute();
}

const GROUP_MEMBER_COLUMNS: BulkColumns<Database['group_members']> = {
  group_id: 'bigint',
  user_id: 'bigint',
  role: 'text',
  status: 'text',
  joined_at: 'bigint',
};

/** Active members of a group created in the transaction `trx` of the store `s` (importers, demo). */
export function insertGroupMembers(
  s: Store,
  trx: Db,
  groupId: number,
  members: { userId: number; role: string; at: number }[],
): Promise<void> {
  return bulkInsert(
    s,
    trx,
    'group_members',
    GROUP_MEMBER_COLUMNS,
    members.map((m) => ({
      group_id: groupId,
      user_id: m.userId,
      role: m.role,
      status: 'active',
      joined_at: m.at,
    })),
  );
}

export async function deleteGroupMember(db: Db, groupId: number, userId: number) {
  await db
    .deleteFrom('group_members')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .execute();
}

export function groupsIn(db: Db, communityIds: number[]) {
  if (communityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('groups')
    .select(['id', 'community_id', 'visibility', 'slug', 'name'])
    .where('community_id', 'in', communityIds)
    .orderBy('name')
    .execute();
}

/** Animators and moderators of one community, or of any community when none is named. */
export async function staffMemberIds(db: Db, communityId: number | null): Promise<number[]> {
  let q = db
    .selectFrom('memberships')
    .select('user_id')
    .distinct()
    .where('role', 'in', ['animator', 'moderator']);
  if (communityId !== null) q = q.where('community_id', '=', communityId);
  const rows = await q.execute();
  return rows.map((r) => r.user_id);
}

/** The viewer's group memberships inside one community, in one query. */
export async function groupMembershipsIn(db: Db, communityId: number, userId: number) {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .selectAll('group_members')
    .where('groups.community_id', '=', communityId)
    .where('group_members.user_id', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.group_id, r]));
}

/** Requests to join a group, oldest first, for its animators. */
export function listGroupRequests(db: Db, groupId: number) {
  return db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['users.id', 'users.handle', 'users.display_name', 'group_members.joined_at'])
    .where('group_members.group_id', '=', groupId)
    .where('group_members.status', '=', 'pending')
    .orderBy('group_members.joined_at')
    .orderBy('users.id')
    .execute();
}

export async function countGroupMembers(db: Db, groupId: number): Promise<number> {
  const row = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Batch reads for the permission questions of lists (readable.ts): a few indexed queries
// whatever the number of ids, cut into statements of at most a thousand ids.

async function inChunks<T>(ids: number[], read: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks([...new Set(ids)])) out.push(...(await read(part)));
  return out;
}

/** The visibility of communities, by id. */
export function communityStandingsOf(db: Db, ids: number[]) {
  return inChunks(ids, (part) =>
    db
      .selectFrom('communities')
      .select(['id', 'visibility', 'purpose_public'])
      .where('id', 'in', part)
      .execute(),
  );
}

/** The community and visibility of groups, by id. */
export function groupStandingsOf(db: Db, ids: number[]) {
  return inChunks(ids, (part) =>
    db
      .selectFrom('groups')
      .select(['id', 'community_id', 'visibility'])
      .where('id', 'in', part)
      .execute(),
  );
}

/** One user's memberships, whatever their status: of the given communities, or of all. */
export function membershipStandingsOf(db: Db, userId: number, communityIds?: number[]) {
  const q = db
    .selectFrom('memberships')
    .select(['community_id', 'status', 'role'])
    .where('user_id', '=', userId);
  return communityIds === undefined
    ? q.execute()
    : inChunks(communityIds, (part) => q.where('community_id', 'in', part).execute());
}

/** One user's group memberships, whatever their status: of the given groups, or of all. */
export function groupMemberStandingsOf(db: Db, userId: number, groupIds?: number[]) {
  const q = db
    .selectFrom('group_members')
    .select(['group_id', 'status', 'role'])
    .where('user_id', '=', userId);
  return groupIds === undefined
    ? q.execute()
    : inChunks(groupIds, (part) => q.where('group_id', 'in', part).execute());
}

/** Many users' memberships of some communities, whatever their status. */
export async function membershipStandingsOfMany(db: Db, userIds: number[], communityIds: number[]) {
  const out = [];
  for (const places of chunks([...new Set(communityIds)], 100))
    out.push(
      ...(await inChunks(userIds, (part) =>
        db
          .selectFrom('memberships')
          .select(['user_id', 'community_id', 'status', 'role'])
          .where('user_id', 'in', part)
          .where('community_id', 'in', places)
          .execute(),
      )),
    );
  return out;
}

/** Many users' memberships of some groups, whatever their status. */
export async function groupMemberStandingsOfMany(db: Db, userIds: number[], groupIds: number[]) {
  const out = [];
  for (const places of chunks([...new Set(groupIds)], 500))
    out.push(
      ...(await inChunks(userIds, (part) =>
        db
          .selectFrom('group_members')
          .select(['user_id', 'group_id', 'status', 'role'])
          .where('user_id', 'in', part)
          .where('group_id', 'in', places)
          .execute(),
      )),
    );
  return out;
}

/** Many users' memberships of one community, whatever their status. */
export function membershipStandingsIn(db: Db, communityId: number, userIds: number[]) {
  return inChunks(userIds, (part) =>
    db
      .selectFrom('memberships')
      .select(['user_id', 'status', 'role'])
      .where('community_id', '=', communityId)
      .where('user_id', 'in', part)
      .execute(),
  );
}

/** Many users' memberships of one group, whatever their status. */
export function groupMemberStandingsIn(db: Db, groupId: number, userIds: number[]) {
  return inChunks(userIds, (part) =>
    db
      .selectFrom('group_members')
      .select(['user_id', 'status', 'role'])
      .where('group_id', '=', groupId)
      .where('user_id', 'in', part)
      .execute(),
  );
}

/**
 * What ties `userId` to each of `otherIds` through communities, in one query: whether both are
 * active members of one community, and whether `userId` is an active animator or moderator of a
 * community the other belongs to (active, or asking to join, or invited). Absent: no tie.
 */
export async function membershipTies(
  db: Db,
  userId: number,
  otherIds: number[],
): Promise<Map<number, { sharesCommunity: boolean; isTheirStaff: boolean }>> {
  if (otherIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships as mine')
    .innerJoin('memberships as theirs', 'theirs.community_id', 'mine.community_id')
    .select((eb) => [
      'theirs.user_id as user_id',
      eb.fn
        .max(sql<number>`case when ${eb.ref('theirs.status')} = 'active' then 1 else 0 end`)
        .as('shares'),
      eb.fn
        .max(
          sql<number>`case when ${eb.ref('mine.role')} in ('animator', 'moderator') then 1 else 0 end`,
        )
        .as('staff'),
    ])
    .where('mine.user_id', '=', userId)
    .where('mine.status', '=', 'active')
    .where('theirs.user_id', 'in', otherIds)
    .groupBy('theirs.user_id')
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.user_id),
      { sharesCommunity: Number(r.shares) === 1, isTheirStaff: Number(r.staff) === 1 },
    ]),
  );
}

/** The active members of these communities (live accounts), by community. */
export async function activeMemberIdsOf(
  db: Db,
  communityIds: number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (communityIds.length === 0) return out;
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.community_id', 'm.user_id'])
    .where('m.community_id', 'in', communityIds)
    .where('m.status', '=', 'active')
    .where('u.deleted_at', 'is', null)
    .execute();
  for (const r of rows) {
    const id = Number(r.community_id);
    out.set(id, [...(out.get(id) ?? []), Number(r.user_id)]);
  }
  return out;
}

/** The groups of a community that this member animates (active in the group, role animator). */
export async function groupsAnimatedBy(
  db: Db,
  communityId: number,
  userId: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select('g.id')
    .where('g.community_id', '=', communityId)
    .where('gm.user_id', '=', userId)
    .where('gm.status', '=', 'active')
    .where('gm.role', '=', 'animator')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** The community's time zone (an IANA name, checked by the caller). */
export async function setCommunityTimeZone(
  db: Db,
  communityId: number,
  timeZone: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('communities')
    .set({ time_zone: timeZone, updated_at: at })
    .where('id', '=', communityId)
    .execute();
}
