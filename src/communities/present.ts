import type { CommunityAccess } from './policy.js';
import { canManageCommunity, canPostInCommunity, mustReacceptCharter } from './policy.js';
import type { CommunityRow, GroupRow } from './store.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function presentCommunity(c: CommunityRow, extra: { memberCount?: number } = {}) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    /** Empty when a private community keeps its purpose for members (purposePublic false). */
    purpose: c.purpose,
    purposePublic: c.purpose_public === 1,
    typology: c.typology,
    visibility: c.visibility,
    createdAt: iso(c.created_at),
    ...extra,
  };
}

/** What the viewer is to this community, so clients can show the right buttons. */
export function presentViewerStanding(a: CommunityAccess) {
  return {
    role: a.membership?.role ?? null,
    status: a.membership?.status ?? null,
    acceptedCharterVersion: a.membership?.charter_version ?? null,
    mustAcceptCharter: mustReacceptCharter(a),
    canPost: canPostInCommunity(a),
    canManage: canManageCommunity(a),
  };
}

export function presentGroup(g: GroupRow & { member_count?: number | null }) {
  return {
    id: g.id,
    communityId: g.community_id,
    slug: g.slug,
    name: g.name,
    description: g.description,
    visibility: g.visibility,
    /** Null for a group listed to the viewer whose content she may not read. */
    memberCount: g.member_count === null ? null : Number(g.member_count ?? 0),
    createdAt: iso(g.created_at),
  };
}
