import type { CharterRow, CommunityRow, GroupMemberRow, GroupRow, MembershipRow } from './store.js';

/**
 * Who a permission question is asked for: a signed-in viewer, or a member a notification or a
 * digest is for (`null`: someone not signed in).
 */
export interface Reader {
  id: number;
  isAdmin: boolean;
}

/**
 * What the questions about reading need of one reader in one community: its visibility, the
 * reader's membership, whether they are an instance admin. Lists load it for many communities at
 * once (readable.ts); a CommunityAccess is one.
 */
export interface CommunityStanding {
  community: Pick<CommunityRow, 'visibility' | 'purpose_public'>;
  isAdmin: boolean;
  membership: Pick<MembershipRow, 'status' | 'role'> | undefined;
}

/** What the questions about a group need: its visibility and the reader's place in it. */
export interface GroupStanding {
  group: Pick<GroupRow, 'visibility'>;
  groupMember: Pick<GroupMemberRow, 'status' | 'role'> | undefined;
}

/** Everything the permission questions need about one viewer in one community. */
export interface CommunityAccess extends CommunityStanding {
  community: CommunityRow;
  viewerId: number | null;
  membership: MembershipRow | undefined;
  charterVersion: number;
  charter: CharterRow | undefined;
}

export interface GroupAccess extends GroupStanding {
  group: GroupRow;
  groupMember: GroupMemberRow | undefined;
}

export function isActiveMember(a: CommunityStanding): boolean {
  return a.membership?.status === 'active';
}

/** Name, purpose and charter: hidden only for invite-only communities. */
export function canSeeCommunity(a: CommunityStanding): boolean {
  return a.community.visibility !== 'invite_only' || a.isAdmin || a.membership !== undefined;
}

/** In the list of communities: an invite-only one only to its members (the invited have a link). */
export function canListCommunity(a: CommunityStanding): boolean {
  return a.community.visibility !== 'invite_only' || a.isAdmin || isActiveMember(a);
}

/** Topics and replies: public communities to all, the others to their members. */
export function canReadCommunityContent(a: CommunityStanding): boolean {
  return a.community.visibility === 'public' || a.isAdmin || isActiveMember(a);
}

/** A private community's purpose: to its members, and to others if its animators show it. */
export function canSeePurpose(a: CommunityStanding): boolean {
  return canReadCommunityContent(a) || a.community.purpose_public === 1;
}

export function hasAcceptedCurrentCharter(a: CommunityAccess): boolean {
  return (a.membership?.charter_version ?? 0) >= a.charterVersion;
}

/** A member who accepted an earlier charter: she reads on, but must accept the new one to post. */
export function mustReacceptCharter(a: CommunityAccess): boolean {
  return isActiveMember(a) && !hasAcceptedCurrentCharter(a);
}

export function canPostInCommunity(a: CommunityAccess): boolean {
  return isActiveMember(a) && hasAcceptedCurrentCharter(a);
}

export function canManageCommunity(a: CommunityStanding): boolean {
  return a.isAdmin || (isActiveMember(a) && a.membership?.role === 'animator');
}

export function canModerateCommunity(a: CommunityStanding): boolean {
  return canManageCommunity(a) || (isActiveMember(a) && a.membership?.role === 'moderator');
}

/** Its members' list: for the community's members and instance admins. */
export function canListMembers(a: CommunityStanding): boolean {
  return isActiveMember(a) || a.isAdmin;
}

function isActiveGroupMember(g: GroupStanding): boolean {
  return g.groupMember?.status === 'active';
}

/** A private group is listed to community members; an invite-only one only to its own. */
export function canSeeGroup(a: CommunityStanding, g: GroupStanding): boolean {
  if (!canReadCommunityContent(a)) return false;
  if (g.group.visibility === 'public' || canManageCommunity(a) || g.groupMember !== undefined)
    return true;
  return g.group.visibility === 'private' && isActiveMember(a);
}

export function canReadGroupContent(a: CommunityStanding, g: GroupStanding): boolean {
  if (!canReadCommunityContent(a)) return false;
  return g.group.visibility === 'public' || canManageCommunity(a) || isActiveGroupMember(g);
}

export function canPostInGroup(a: CommunityAccess, g: GroupStanding): boolean {
  if (!canPostInCommunity(a)) return false;
  return g.group.visibility === 'public' || isActiveGroupMember(g) || canManageCommunity(a);
}

export function canManageGroup(a: CommunityStanding, g: GroupStanding): boolean {
  return canManageCommunity(a) || (isActiveGroupMember(g) && g.groupMember?.role === 'animator');
}

/** Animators, moderators and admins see the whole cockpit; sponsors aggregates only; others nothing. */
export function cockpitAudience(a: CommunityStanding): 'staff' | 'sponsor' | null {
  if (canModerateCommunity(a)) return 'staff';
  return isActiveMember(a) && a.membership?.role === 'sponsor' ? 'sponsor' : null;
}

/** Team voices (src/teams): created and staffed by the community's animators and admins. */
export function canManageTeams(a: CommunityStanding): boolean {
  return canManageCommunity(a);
}

/**
 * Posting, replying or writing as a team: an animator (or admin) of its community who is one of
 * the team. Being in a team also makes one part of the team's private conversations.
 */
export function canSpeakAsTeam(a: CommunityStanding, isInTeam: boolean): boolean {
  return isInTeam && canManageCommunity(a);
}
