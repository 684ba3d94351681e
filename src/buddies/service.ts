import { participationKinds, recordActivity } from '../activity/index.js';
import {
  canManageCommunity,
  isActiveMember,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { now, type Db, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { sharedWords, significantWords } from './interests.js';
import * as store from './store.js';

const DAY = 86_400_000;
/** A volunteer is proposed only if they took part in the community in these last days. */
export const ACTIVE_DAYS = 30;

export type Person = { id: number; handle: string; displayName: string };

export interface Volunteer {
  member: Person;
  since: number;
  /** How many newcomers they were made buddy of in this community (`buddy.assigned`). */
  newcomers: number;
  /** Their last topic, reply, reaction or accepted answer in the community. */
  lastActiveAt: number | undefined;
  isActive: boolean;
}

export interface Proposal extends Volunteer {
  /** Words of the newcomer's bio the volunteer's bio also has, as the newcomer wrote them. */
  sharedInterests: string[];
  /** How many of the community's groups both are members of. */
  sharedGroups: number;
}

const personOf = (r: { id: number; handle: string; display_name: string }): Person => ({
  id: Number(r.id),
  handle: r.handle,
  displayName: r.display_name,
});

/** A member of the community (or staff) may open the buddies page; anyone else gets a 404. */
export async function requireBuddiesPage(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!isActiveMember(access) && !canManageCommunity(access)) throw new AppError('not_found');
  return access;
}

/** Only the community's animators and admins assign buddies and see the volunteers. */
export async function requireBuddyStaff(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  requireStaff(access);
  return access;
}

function requireStaff(access: CommunityAccess): void {
  if (!canManageCommunity(access)) throw new AppError('not_found');
}

function requireMember(access: CommunityAccess): number {
  if (!isActiveMember(access) || access.viewerId === null) throw new AppError('not_found');
  return access.viewerId;
}

export async function isVolunteering(s: Store, access: CommunityAccess): Promise<boolean> {
  if (access.viewerId === null || !isActiveMember(access)) return false;
  return store.isVolunteer(s.db, access.community.id, access.viewerId);
}

/** The viewer volunteers as a buddy in a community they are an active member of. */
export async function volunteer(s: Store, access: CommunityAccess): Promise<void> {
  const userId = requireMember(access);
  await store.addVolunteer(s.db, access.community.id, userId, now());
}

/** The viewer withdraws; newcomers they are already buddy of keep them. */
export async function withdraw(s: Store, access: CommunityAccess): Promise<void> {
  const userId = requireMember(access);
  await store.removeVolunteer(s.db, access.community.id, userId);
}

async function describeVolunteers(
  s: Store,
  communityId: number,
  rows: Awaited<ReturnType<typeof store.volunteersOf>>,
): Promise<Volunteer[]> {
  const ids = rows.map((r) => Number(r.id));
  const [last, counts] = await Promise.all([
    store.lastParticipation(s.db, communityId, ids, participationKinds),
    store.newcomerCounts(s.db, communityId, ids),
  ]);
  const since = now() - ACTIVE_DAYS * DAY;
  return rows.map((r) => {
    const lastActiveAt = last.get(Number(r.id));
    return {
      member: personOf(r),
      since: Number(r.since),
      newcomers: counts.get(Number(r.id)) ?? 0,
      lastActiveAt,
      isActive: lastActiveAt !== undefined && lastActiveAt >= since,
    };
  });
}

/** The community's volunteers, for its animators: active or not, with their newcomers. */
export async function volunteersOf(s: Store, access: CommunityAccess): Promise<Volunteer[]> {
  requireStaff(access);
  return describeVolunteers(
    s,
    access.community.id,
    await store.volunteersOf(s.db, access.community.id),
  );
}

/** A member of the community who may be given a buddy; 404 for anyone else. */
async function requireNewcomerMember(s: Store, access: CommunityAccess, newcomerId: number) {
  const row = await store.findMember(s.db, access.community.id, newcomerId);
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The buddies Ruche proposes for a newcomer: the volunteers active in the last 30 days, never
 * the newcomer themselves; those who share the newcomer's interests or groups first, then those
 * with the fewest newcomers already.
 */
export async function proposeBuddies(
  s: Store,
  access: CommunityAccess,
  newcomerId: number,
): Promise<Proposal[]> {
  requireStaff(access);
  const communityId = access.community.id;
  const newcomer = await requireNewcomerMember(s, access, newcomerId);
  const rows = (await store.volunteersOf(s.db, communityId)).filter(
    (r) => Number(r.id) !== newcomerId,
  );
  const active = (await describeVolunteers(s, communityId, rows)).filter((v) => v.isActive);
  const groups = await store.groupsOf(s.db, communityId, [
    newcomerId,
    ...active.map((v) => v.member.id),
  ]);
  const mine = significantWords(newcomer.bio);
  const myGroups = groups.get(newcomerId) ?? new Set<number>();
  const bios = new Map(rows.map((r) => [Number(r.id), r.bio]));
  const proposals = active.map((v) => ({
    ...v,
    sharedInterests: sharedWords(mine, significantWords(bios.get(v.member.id) ?? '')),
    sharedGroups: [...(groups.get(v.member.id) ?? [])].filter((g) => myGroups.has(g)).length,
  }));
  const shared = (p: Proposal) => p.sharedInterests.length + p.sharedGroups;
  return proposals.sort(
    (a, b) =>
      Number(shared(b) > 0) - Number(shared(a) > 0) ||
      a.newcomers - b.newcomers ||
      shared(b) - shared(a) ||
      a.member.displayName.localeCompare(b.member.displayName),
  );
}

/**
 * Checks, before anything is written, that `buddyId` may become the buddy of `newcomerId`: the
 * newcomer is a member (404 otherwise), the buddy volunteered and is a member, and is not the
 * newcomer. A buddy who did not volunteer is refused with a translated error.
 */
export async function checkBuddy(
  s: Store,
  access: CommunityAccess,
  newcomerId: number,
  buddyId: number,
): Promise<{ newcomer: Person; buddy: Person }> {
  requireStaff(access);
  const communityId = access.community.id;
  const newcomer = await requireNewcomerMember(s, access, newcomerId);
  if (buddyId === newcomerId)
    throw new AppError('invalid_input', { field: 'buddyId', messageKey: 'buddies.error.self' });
  const buddy = await store.findMember(s.db, communityId, buddyId);
  if (!buddy || !(await store.isVolunteer(s.db, communityId, buddyId)))
    throw new AppError('invalid_input', {
      field: 'buddyId',
      messageKey: 'buddies.error.notABuddy',
    });
  return { newcomer: personOf(newcomer), buddy: personOf(buddy) };
}

/**
 * Stores the assignment and writes its `buddy.assigned` row (actor: the buddy; target: the
 * newcomer), in the caller's transaction; the notifications introducing them to each other are
 * made from that row. The same buddy again writes nothing.
 */
export async function recordAssignment(
  trx: Db,
  a: { communityId: number; newcomerId: number; buddyId: number; assignedBy: number; at: number },
): Promise<void> {
  const [current] = await store.buddiesOf(trx, a.communityId, [a.newcomerId]);
  if (current && Number(current.id) === a.buddyId) return;
  await store.saveAssignment(trx, {
    community_id: a.communityId,
    newcomer_id: a.newcomerId,
    buddy_id: a.buddyId,
    assigned_by: a.assignedBy,
    assigned_at: a.at,
  });
  await recordActivity(trx, {
    actorId: a.buddyId,
    communityId: a.communityId,
    kind: 'buddy.assigned',
    targetKind: 'user',
    targetId: a.newcomerId,
    at: a.at,
  });
}

/** An animator gives a newcomer a buddy, without welcoming them. */
export async function assignBuddy(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  newcomerId: number,
  buddyId: number,
): Promise<{ newcomer: Person; buddy: Person }> {
  const checked = await checkBuddy(s, access, newcomerId, buddyId);
  const at = now();
  await s.db.transaction().execute((trx) =>
    recordAssignment(trx, {
      communityId: access.community.id,
      newcomerId,
      buddyId,
      assignedBy: viewer.id,
      at,
    }),
  );
  return checked;
}

/** A newcomer's current buddy and the proposals, for the animators' forms and API. */
export async function newcomerBuddy(s: Store, access: CommunityAccess, newcomerId: number) {
  requireStaff(access);
  const newcomer = personOf(await requireNewcomerMember(s, access, newcomerId));
  const [buddy, proposals] = await Promise.all([
    buddyOf(s.db, access.community.id, newcomerId),
    proposeBuddies(s, access, newcomerId),
  ]);
  return { newcomer, buddy, proposals };
}

/** The current buddy of each of these members of the community. */
export async function buddiesOfNewcomers(
  db: Db,
  communityId: number,
  newcomerIds: number[],
): Promise<Map<number, Person & { since: number }>> {
  const rows = await store.buddiesOf(db, communityId, newcomerIds);
  return new Map(
    rows.map((r) => [Number(r.newcomer_id), { ...personOf(r), since: Number(r.assigned_at) }]),
  );
}

/** A newcomer's current buddy in the community, if they have one. */
export async function buddyOf(
  db: Db,
  communityId: number,
  newcomerId: number,
): Promise<(Person & { since: number }) | undefined> {
  return (await buddiesOfNewcomers(db, communityId, [newcomerId])).get(newcomerId);
}
