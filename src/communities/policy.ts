import type { CharterRow, CommunityRow, GroupMemberRow, GroupRow, MembershipRow } from './store.js';

/** Everything the permission questions need about one viewer in one community. */
export interface CommunityAccess {
  community: CommunityRow;
  viewerId: number | null;
  isAdmin: boolean;
  membership: MembershipRow | undefined;
  charterVersion: number;
  charter: CharterRow | undefined;
}

export interface GroupAccess {
  group: GroupRow;
  groupMember: GroupMemberRow | undefined;
}

export function isActiveMember(a: CommunityAccess): boolean {
  return a.membership?.status === 'active';
}

/** Name, purpose and charter: hidden only for invite-only communities. */
export function canSeeCommunity(a: CommunityAccess): boolean {
  return a.community.visibility !== 'invite_only' || a.isAdmin || a.membership !== undefined;
}

/** Topics and replies: public communities to all, the others to their members. */
export function canReadCommunityContent(a: CommunityAccess): boolean {
  return a.community.visibility === 'public' || a.isAdmin || isActiveMember(a);
}

/** A private community's purpose: to its members, and to others if its animators show it. */
export function canSeePurpose(a: CommunityAccess): boolean {
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

export function canManageCommunity(a: CommunityAccess): boolean {
  return a.isAdmin || (isActiveMember(a) && a.membership?.role === 'animator');
}

export function canModerateCommunity(a: CommunityAccess): boolean {
  return canManageCommunity(a) || (isActiveMember(a) && a.membership?.role === 'moderator');
}

function isActiveGroupMember(g: GroupAccess): boolean {
  return g.groupMember?.status === 'active';
}

/** A private group is listed to community members; an invite-only one only to its own. */
export function canSeeGroup(a: CommunityAccess, g: GroupAccess): boolean {
  if (!canReadCommunityContent(a)) return false;
  if (g.group.visibility === 'public' || canManageCommunity(a) || g.groupMember !== undefined)
    return true;
  return g.group.visibility === 'private' && isActiveMember(a);
}

export function canReadGroupContent(a: CommunityAccess, g: GroupAccess): boolean {
  if (!canReadCommunityContent(a)) return false;
  return g.group.visibility === 'public' || canManageCommunity(a) || isActiveGroupMember(g);
}

export function canPostInGroup(a: CommunityAccess, g: GroupAccess): boolean {
  if (!canPostInCommunity(a)) return false;
  return g.group.visibility === 'public' || isActiveGroupMember(g) || canManageCommunity(a);
}

export function canManageGroup(a: CommunityAccess, g: GroupAccess): boolean {
  return canManageCommunity(a) || (isActiveGroupMember(g) && g.groupMember?.role === 'animator');
}

/** Animators, moderators and admins see the whole cockpit; sponsors aggregates only; others nothing. */
export function cockpitAudience(a: CommunityAccess): 'staff' | 'sponsor' | null {
  if (canModerateCommunity(a)) return 'staff';
  return isActiveMember(a) && a.membership?.role === 'sponsor' ? 'sponsor' : null;
}
