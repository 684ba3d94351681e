import { userPath } from '../accounts/index.js';
import { communityPath } from '../communities/index.js';
import type { Locale } from '../i18n/index.js';
import { badgeWords, type Badge } from './badges.js';
import type { EarnedBadge } from './service.js';
import type { SpotlightRow } from './store.js';

export function presentBadge(badge: Badge, locale: Locale) {
  return { id: badge.id, ...badgeWords(badge, locale) };
}

/** A member's badge as the API gives it. */
export function presentEarned(e: EarnedBadge, locale: Locale) {
  return {
    badge: presentBadge(e.badge, locale),
    awardedAt: new Date(e.awardedAt).toISOString(),
    community: { ...e.community, href: communityPath(e.community.slug) },
  };
}

export function presentSpotlight(s: SpotlightRow, member: { handle: string } | null) {
  return {
    id: Number(s.id),
    communityId: Number(s.community_id),
    member: member ? { handle: member.handle, href: userPath(member.handle) } : null,
    portrait: s.portrait,
    until: new Date(s.until_at).toISOString(),
    state: s.state,
  };
}
