import { countActiveMembersInGroup, recordActivity } from '../activity/index.js';
import { findLiveUsersByHandles, listAdminIds } from '../accounts/index.js';
import { isUniqueViolation, now, type Store } from '../db/index.js';
import { AppError, forbidden, type Viewer } from '../http/index.js';
import { requireVisibleCommunity, requireVisibleGroup } from './access.js';
import { standingOf } from './readable.js';
import {
  canListCommunity,
  canListMembers,
  canManageCommunity,
  canReadCommunityContent,
  canReadGroupContent,
  canSeePurpose,
  canManageGroup,
  canPostInGroup,
  canSeeGroup,
  isActiveMember,
  mustReacceptCharter,
  type CommunityAccess,
} from './policy.js';
import type {
  CommunityInput,
  CommunityPatch,
  CommunityRole,
  GroupInput,
  GroupPatch,
} from './schemas.js';
import * as store from './store.js';

/** Above this many active members a group stops being a micro-community (seed 000: 8 to 25). */
export const GROUP_SPLIT_THRESHOLD = 25;
const DAY = 86_400_000;

export async function listVisibleCommunities(s: Store, viewer: Viewer | null) {
  const unsafeCommunities = await store.listAllCommunities(s.db);
  const memberships = viewer ? await store.membershipStandingsOf(s.db, viewer.id) : [];
  const mine = new Map(memberships.map((m) => [m.community_id, m]));
  const visible = unsafeCommunities
    .map((community) => ({
      community,
      access: standingOf(viewer, community, mine.get(community.id)),
    }))
    .filter((x) => canListCommunity(x.access));
  const counts = await store.countActiveMembers(
    s.db,
    visible.map((x) => x.community.id),
  );
  return visible.map(({ community: c, access }) => ({
    community: canSeePurpose(access) ? c : { ...c, purpose: '' },
    memberCount: counts.get(c.id) ?? 0,
    isMember: isActiveMember(access),
  }));
}

/** Every community, by name: for instance-wide reports, which only admins and the CLI open. */
export function allCommunities(s: Store) {
  return store.listAllCommunities(s.db);
}

export async function getCommunity(
  s: Store,
  viewer: Viewer | null,
  ref: { id: number } | { slug: string },
) {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  const [groups, counts, pendingRequests] = await Promise.all([
    groupsWithAccess(s, access, viewer),
    store.countActiveMembers(s.db, [access.community.id]),
    // Requests wait for the animators, who alone may approve them.
    canManageCommunity(access) ? store.countPendingMembers(s.db, access.community.id) : null,
  ]);
  return {
    access,
    charter: access.charter,
    /** Whether topics and groups are shown; outsiders of a private community see neither. */
    canReadContent: canReadCommunityContent(access),
    // A group listed to members but closed to the viewer keeps its figures to itself.
    groups: groups
      .filter((g) => canSeeGroup(access, g.access))
      .map((g) => ({
        ...g.group,
        member_count: canReadGroupContent(access, g.access) ? g.group.member_count : null,
        canRead: canReadGroupContent(access, g.access),
      })),
    /** The groups whose content the viewer may read (`readableGroupIdsIn`), from the same rows. */
    readableGroupIds: readableOf(access, groups),
    /** The groups the viewer may start a conversation in: what a compose form offers. */
    postableGroupIds: groups.filter((g) => canPostInGroup(access, g.access)).map((g) => g.group.id),
    memberCount: counts.get(access.community.id) ?? 0,
    /** Requests to join waiting, for the animators; null for everyone else. */
    pendingRequests,
  };
}

/** Every group of the community with the viewer's standing in it: two queries, whatever the count. */
async function groupsWithAccess(s: Store, access: CommunityAccess, viewer: Viewer | null) {
  const [groups, mine] = await Promise.all([
    store.listGroups(s.db, access.community.id),
    viewer
      ? store.groupMembershipsIn(s.db, access.community.id, viewer.id)
      : new Map<number, store.GroupMemberRow>(),
  ]);
  return groups.map((group) => ({ group, access: { group, groupMember: mine.get(group.id) } }));
}

/** The groups of one community whose content the viewer may read: the filter for topic lists. */
export async function readableGroupIdsIn(
  s: Store,
  access: CommunityAccess,
  viewer: Viewer | null,
): Promise<number[]> {
  return readableOf(access, await groupsWithAccess(s, access, viewer));
}

function readableOf(
  access: CommunityAccess,
  groups: Awaited<ReturnType<typeof groupsWithAccess>>,
): number[] {
  return groups.filter((g) => canReadGroupContent(access, g.access)).map((g) => g.group.id);
}

export async function createCommunity(
  s: Store,
  viewer: Viewer,
  input: CommunityInput,
): Promise<number> {
  requireCommunityCreator(viewer);
  const at = now();
  try {
    return await s.db.transaction().execute(async (trx) => {
      const id = await store.insertCommunity(trx, { ...input, createdBy: viewer.id, at });
      await store.insertCharter(trx, {
        communityId: id,
        version: 1,
        body: input.charter,
        createdBy: viewer.id,
        at,
      });
      await store.upsertMembership(trx, {
        communityId: id,
        userId: viewer.id,
        role: 'animator',
        status: 'active',
        charterVersion: 1,
        at,
      });
      await recordActivity(trx, {
        actorId: viewer.id,
        communityId: id,
        kind: 'community.created',
        targetKind: 'community',
        targetId: id,
        at,
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('slug_taken', { field: 'slug' });
    throw err;
  }
}

export async function updateCommunity(
  s: Store,
  viewer: Viewer,
  id: number,
  patch: CommunityPatch,
): Promise<void> {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (!canManageCommunity(access)) throw forbidden();
  const { purposePublic, ...columns } = patch;
  const changes =
    purposePublic === undefined ? columns : { ...columns, purpose_public: purposePublic ? 1 : 0 };
  await s.db.transaction().execute(async (trx) => {
    await store.updateCommunity(trx, id, changes, now());
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: id,
      kind: 'community.updated',
      targetKind: 'community',
      targetId: id,
      at: now(),
    });
  });
}

/** A new charter version: every member is asked to accept it again before posting. */
export async function publishCharter(
  s: Store,
  viewer: Viewer,
  id: number,
  body: string,
): Promise<number> {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (!canManageCommunity(access)) throw forbidden();
  return s.db.transaction().execute(async (trx) => {
    const version = ((await store.latestCharter(trx, id))?.version ?? 0) + 1;
    const at = now();
    await store.insertCharter(trx, { communityId: id, version, body, createdBy: viewer.id, at });
    await store.updateMembership(trx, id, viewer.id, { charter_version: version });
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: id,
      kind: 'community.charter_published',
      targetKind: 'charter',
      detail: String(version),
      at,
    });
    return version;
  });
}

/**
 * A charter version (the current one unless asked), the list of versions, and for a member who
 * accepted an earlier one, that version's text: what changed since is shown from the two.
 */
export async function getCharterHistory(
  s: Store,
  viewer: Viewer | null,
  ref: { id: number } | { slug: string },
  version?: number,
) {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  const id = access.community.id;
  const acceptedVersion = access.membership?.charter_version ?? null;
  const [versions, shown, accepted] = await Promise.all([
    store.listCharterVersions(s.db, id),
    version === undefined || version === access.charterVersion
      ? access.charter
      : store.findCharter(s.db, id, version),
    mustReacceptCharter(access) && acceptedVersion !== null
      ? store.findCharter(s.db, id, acceptedVersion)
      : undefined,
  ]);
  if (!shown && version !== undefined) throw new AppError('not_found');
  return { access, charter: shown, versions, accepted };
}

/**
 * Joining accepts the current charter. Public communities let one in at once; private ones
 * record a request; invite-only ones only an invitation already made.
 */
export async function joinCommunity(s: Store, viewer: Viewer, id: number, charterVersion: number) {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (charterVersion !== access.charterVersion) {
    throw new AppError(
      charterVersion < access.charterVersion ? 'charter_outdated' : 'charter_not_accepted',
      { field: 'charterVersion' },
    );
  }
  const m = access.membership;
  const status: store.MembershipStatus =
    m?.status === 'active' ||
    m?.status === 'invited' ||
    access.community.visibility === 'public' ||
    viewer.isAdmin
      ? 'active'
      : 'pending';
  await s.db.transaction().execute(async (trx) => {
    const at = now();
    await store.upsertMembership(trx, {
      communityId: id,
      userId: viewer.id,
      role: m?.role ?? 'member',
      status,
      charterVersion,
      at: m?.status === 'active' ? m.joined_at : at,
      // Kept for the member's export: which version they accepted, and when.
      charterAcceptedAt:
        m?.charter_version === charterVersion ? (m.charter_accepted_at ?? m.joined_at) : at,
    });
    if (m?.status !== 'active') {
      await recordActivity(trx, {
        actorId: viewer.id,
        communityId: id,
        kind: status === 'active' ? 'community.joined' : 'community.join_requested',
        targetKind: 'community',
        targetId: id,
        at,
      });
    }
  });
  return { status };
}

export async function leaveCommunity(s: Store, viewer: Viewer, id: number): Promise<void> {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (!access.membership) return;
  await s.db.transaction().execute(async (trx) => {
    await store.deleteGroupMembershipsIn(trx, id, viewer.id);
    await store.deleteMembership(trx, id, viewer.id);
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: id,
      kind: 'community.left',
      targetKind: 'community',
      targetId: id,
      at: now(),
    });
  });
}

export async function listMembers(
  s: Store,
  viewer: Viewer | null,
  id: number,
  page: { limit: number; offset: number; status?: store.MembershipStatus | undefined },
) {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (!canListMembers(access)) throw forbidden();
  // Only animators see pending requests and invitations.
  if (!canManageCommunity(access)) {
    if (page.status && page.status !== 'active') return [];
    return store.listMembers(s.db, id, { ...page, status: 'active' });
  }
  return store.listMembers(s.db, id, page);
}

export async function updateMember(
  s: Store,
  viewer: Viewer,
  id: number,
  userId: number,
  patch: { role?: CommunityRole | undefined; approve?: boolean | undefined },
) {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (!canManageCommunity(access)) throw forbidden();
  const target = await store.findMembership(s.db, id, userId);
  if (!target) throw new AppError('not_found');
  await s.db.transaction().execute(async (trx) => {
    const changes: Parameters<typeof store.updateMembership>[3] = {};
    if (patch.role) changes.role = patch.role;
    if (patch.approve && target.status === 'pending') changes.status = 'active';
    // Approving a member already active changes nothing: no empty update.
    if (Object.keys(changes).length === 0) return;
    await store.updateMembership(trx, id, userId, changes);
    if (patch.role && patch.role !== target.role) {
      await recordActivity(trx, {
        actorId: viewer.id,
        communityId: id,
        kind: 'community.role_changed',
        targetKind: 'user',
        targetId: userId,
        detail: patch.role,
        at: now(),
      });
    }
    if (changes.status === 'active') {
      await recordActivity(trx, {
        actorId: userId,
        communityId: id,
        kind: 'community.joined',
        targetKind: 'community',
        targetId: id,
        // An animator let them in: their request is approved (they are notified).
        detail: 'approved',
        at: now(),
      });
    }
  });
}

export async function inviteMember(
  s: Store,
  viewer: Viewer,
  id: number,
  handle: string,
): Promise<number> {
  const access = await requireVisibleCommunity(s.db, viewer, { id });
  if (!canManageCommunity(access)) throw forbidden();
  const [user] = await findLiveUsersByHandles(s.db, [handle]);
  if (!user)
    throw new AppError('not_found', {
      field: 'handle',
      messageKey: 'communities.members.unknownHandle',
      params: { handle },
    });
  const existing = await store.findMembership(s.db, id, user.id);
  if (existing?.status === 'active') return user.id;
  await s.db.transaction().execute(async (trx) => {
    await store.upsertMembership(trx, {
      communityId: id,
      userId: user.id,
      role: existing?.role ?? 'member',
      status: 'invited',
      charterVersion: null,
      at: now(),
    });
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: id,
      kind: 'community.invited',
      targetKind: 'user',
      targetId: user.id,
      at: now(),
    });
  });
  return user.id;
}

export async function createGroup(
  s: Store,
  viewer: Viewer,
  communityId: number,
  input: GroupInput,
): Promise<number> {
  const access = await requireVisibleCommunity(s.db, viewer, { id: communityId });
  if (!canManageCommunity(access)) throw forbidden();
  const at = now();
  try {
    return await s.db.transaction().execute(async (trx) => {
      const id = await store.insertGroup(trx, { communityId, ...input, createdBy: viewer.id, at });
      await store.upsertGroupMember(trx, {
        groupId: id,
        userId: viewer.id,
        role: 'animator',
        status: 'active',
        at,
      });
      await recordActivity(trx, {
        actorId: viewer.id,
        communityId,
        groupId: id,
        kind: 'group.created',
        targetKind: 'group',
        targetId: id,
        at,
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('slug_taken', { field: 'slug' });
    throw err;
  }
}

async function requireGroup(s: Store, viewer: Viewer | null, groupId: number) {
  const unsafeGroup = await store.findGroupById(s.db, groupId);
  if (!unsafeGroup) throw new AppError('not_found');
  const access = await requireVisibleCommunity(s.db, viewer, { id: unsafeGroup.community_id });
  const g = await requireVisibleGroup(s.db, access, viewer, { id: groupId });
  return { access, g };
}

export async function updateGroup(
  s: Store,
  viewer: Viewer,
  groupId: number,
  patch: GroupPatch,
): Promise<void> {
  const { access, g } = await requireGroup(s, viewer, groupId);
  if (!canManageGroup(access, g)) throw forbidden();
  await s.db.transaction().execute(async (trx) => {
    await store.updateGroup(trx, groupId, patch);
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: access.community.id,
      groupId,
      kind: 'group.updated',
      targetKind: 'group',
      targetId: groupId,
      at: now(),
    });
  });
}

export async function getGroup(
  s: Store,
  viewer: Viewer | null,
  access: CommunityAccess,
  ref: { id: number } | { slug: string },
) {
  const g = await requireVisibleGroup(s.db, access, viewer, ref);
  // A private group shows members its card and the way in, never figures about its life.
  if (!canReadGroupContent(access, g)) {
    return {
      g,
      canReadContent: false,
      activeMembers: null,
      memberCount: null,
      suggestSplit: false,
      requests: [],
    };
  }
  const [activeMembers, memberCount, requests] = await Promise.all([
    countActiveMembersInGroup(s.db, g.group.id, now() - 30 * DAY),
    store.countGroupMembers(s.db, g.group.id),
    canManageGroup(access, g) ? store.listGroupRequests(s.db, g.group.id) : [],
  ]);
  return {
    g,
    canReadContent: true,
    activeMembers: Number(activeMembers),
    memberCount: Number(memberCount),
    suggestSplit: activeMembers > GROUP_SPLIT_THRESHOLD,
    /** Requests to join waiting, for the group's animators; empty for everyone else. */
    requests,
  };
}

export async function getGroupById(s: Store, viewer: Viewer | null, groupId: number) {
  const { access } = await requireGroup(s, viewer, groupId);
  return { access, ...(await getGroup(s, viewer, access, { id: groupId })) };
}

/** Public groups open to every community member; private ones take a request; invite-only an invitation. */
export async function joinGroup(s: Store, viewer: Viewer, groupId: number) {
  const { access, g } = await requireGroup(s, viewer, groupId);
  if (!isActiveMember(access)) throw forbidden('communities.group.joinCommunityFirst');
  const current = g.groupMember?.status;
  const status: store.MembershipStatus =
    current === 'active' ||
    current === 'invited' ||
    g.group.visibility === 'public' ||
    canManageCommunity(access)
      ? 'active'
      : 'pending';
  await s.db.transaction().execute(async (trx) => {
    const at = now();
    await store.upsertGroupMember(trx, {
      groupId,
      userId: viewer.id,
      role: g.groupMember?.role ?? 'member',
      status,
      at,
    });
    if (status !== current) {
      await recordActivity(trx, {
        actorId: viewer.id,
        communityId: access.community.id,
        groupId,
        kind: status === 'active' ? 'group.joined' : 'group.join_requested',
        targetKind: 'group',
        targetId: groupId,
        at,
      });
    }
  });
  return { status };
}

export async function leaveGroup(s: Store, viewer: Viewer, groupId: number): Promise<void> {
  const { access, g } = await requireGroup(s, viewer, groupId);
  if (!g.groupMember) return;
  await s.db.transaction().execute(async (trx) => {
    await store.deleteGroupMember(trx, groupId, viewer.id);
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: access.community.id,
      groupId,
      kind: 'group.left',
      targetKind: 'group',
      targetId: groupId,
      at: now(),
    });
  });
}

export async function approveGroupMember(
  s: Store,
  viewer: Viewer,
  groupId: number,
  userId: number,
): Promise<void> {
  const { access, g } = await requireGroup(s, viewer, groupId);
  if (!canManageGroup(access, g)) throw forbidden();
  const target = await store.findGroupMember(s.db, groupId, userId);
  if (target?.status !== 'pending') throw new AppError('not_found');
  await s.db.transaction().execute(async (trx) => {
    await store.upsertGroupMember(trx, {
      groupId,
      userId,
      role: target.role,
      status: 'active',
      at: target.joined_at,
    });
    await recordActivity(trx, {
      actorId: userId,
      communityId: access.community.id,
      groupId,
      kind: 'group.joined',
      targetKind: 'group',
      targetId: groupId,
      // An animator let them in: their request is approved (they are notified).
      detail: 'approved',
      at: now(),
    });
  });
}

/** Community id → slug for the communities a viewer may see, to link search results. */
export async function listVisibleCommunitySlugs(
  s: Store,
  viewer: Viewer | null,
): Promise<Map<number, string>> {
  const list = await listVisibleCommunities(s, viewer);
  return new Map(list.map((x) => [x.community.id, x.community.slug]));
}

/** Admins and the staff of a community (or of every community, for instance-wide figures). */
export async function staffIdsOf(s: Store, communityId: number | null): Promise<Set<number>> {
  const [staff, admins] = await Promise.all([
    store.staffMemberIds(s.db, communityId),
    listAdminIds(s.db),
  ]);
  return new Set([...staff, ...admins]);
}

/** The community whose settings the viewer may change (animators, admins); forbidden otherwise. */
export async function getCommunityToManage(s: Store, viewer: Viewer | null, slug: string) {
  if (!viewer) throw new AppError('unauthenticated');
  const view = await getCommunity(s, viewer, { slug });
  if (!canManageCommunity(view.access)) throw forbidden();
  return view;
}

/** The group whose settings the viewer may change (its animators, the community's, admins). */
export async function getGroupToManage(
  s: Store,
  viewer: Viewer | null,
  access: CommunityAccess,
  slug: string,
) {
  if (!viewer) throw new AppError('unauthenticated');
  const view = await getGroup(s, viewer, access, { slug });
  if (!canManageGroup(access, view.g)) throw forbidden();
  return view;
}

/** Only instance admins open new communities. */
export function requireCommunityCreator(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated');
  if (!viewer.isAdmin) throw forbidden();
  return viewer;
}
