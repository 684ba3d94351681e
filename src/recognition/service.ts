import { findLiveUsersByHandles } from '../accounts/index.js';
import { recordActivity } from '../activity/index.js';
import {
  canManageCommunity,
  canReadCommunityContent,
  isActiveMember,
  loadStandings,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { filterReadable } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { badges, findBadge, type Badge } from './badges.js';
import * as store from './store.js';

const DAY = 86_400_000;
/** The leaderboard's period. */
export const LEADERBOARD_DAYS = 90;
/** How far ahead a spotlight may be pinned. */
export const SPOTLIGHT_MAX_DAYS = 90;

export interface EarnedBadge {
  badge: Badge;
  awardedAt: number;
  community: { id: number; slug: string; name: string };
}

/**
 * A member's badges, in the communities whose content the viewer may read (the permission home,
 * asked for all of them at once): a private community's badges say who belongs to it.
 */
export async function badgesOfMember(
  s: Store,
  viewer: Viewer | null,
  userId: number,
): Promise<EarnedBadge[]> {
  const held = await store.communitiesWithAwards(s.db, userId);
  const { communityIds } = await filterReadable(s.db, viewer, { communityIds: held });
  const rows = await store.awardsOf(s.db, userId, [...communityIds]);
  return rows.flatMap((r) => {
    const badge = findBadge(r.badge);
    if (!badge) return [];
    const community = { id: Number(r.community_id), slug: r.slug, name: r.name };
    return [{ badge, awardedAt: Number(r.awarded_at), community }];
  });
}

/** A community readable by the viewer; 404 otherwise, as for a missing one. */
export async function requireReadable(
  s: Store,
  viewer: Viewer | null,
  ref: { slug: string } | { id: number },
) {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canReadCommunityContent(access)) throw new AppError('not_found');
  return access;
}

/** The community's badges, each with when the viewer earned it there (null: not yet). */
export async function communityBadges(
  s: Store,
  viewer: Viewer | null,
  ref: { slug: string } | { id: number },
) {
  const access = await requireReadable(s, viewer, ref);
  const mine = viewer ? await store.awardsOf(s.db, viewer.id, [access.community.id]) : [];
  const earned = new Map(mine.map((a) => [a.badge, Number(a.awarded_at)]));
  return {
    access,
    badges: badges.map((badge) => ({ badge, awardedAt: earned.get(badge.id) ?? null })),
  };
}

/** Only the community's animators and admins; everyone else gets the 404 of a missing page. */
export async function requireAnimator(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
) {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canManageCommunity(access)) throw new AppError('not_found');
  return access;
}

// ---- Leaderboard -----------------------------------------------------------------------------

export async function isLeaderboardOn(s: Store, access: CommunityAccess): Promise<boolean> {
  return store.isLeaderboardOn(s.db, access.community.id);
}

export async function setLeaderboard(s: Store, access: CommunityAccess, on: boolean) {
  await store.setLeaderboard(s.db, access.community.id, on, now());
}

export interface Ranked {
  rank: number;
  handle: string;
  displayName: string;
  badges: number;
  acceptedAnswers: number;
}

/**
 * Members ranked by badges earned, then answers accepted, in the last 90 days. While the
 * community's setting is off the ranking does not exist: 404, as for a missing page.
 */
export async function leaderboard(
  s: Store,
  viewer: Viewer | null,
  ref: { slug: string } | { id: number },
) {
  const access = await requireReadable(s, viewer, ref);
  if (!(await store.isLeaderboardOn(s.db, access.community.id))) throw new AppError('not_found');
  const since = now() - LEADERBOARD_DAYS * DAY;
  const counts = await store.periodCounts(s.db, access.community.id, since);
  const byUser = new Map<number, { badges: number; acceptedAnswers: number }>();
  const entry = (id: number) => {
    const e = byUser.get(id) ?? { badges: 0, acceptedAnswers: 0 };
    byUser.set(id, e);
    return e;
  };
  for (const r of counts.awards) entry(Number(r.user_id)).badges += Number(r.n);
  for (const r of counts.accepted) entry(Number(r.user_id)).acceptedAnswers += Number(r.n);
  const members = await store.activeMembersAmong(s.db, access.community.id, [...byUser.keys()]);
  const ranked = members
    .map((m) => ({ handle: m.handle, displayName: m.display_name, ...entry(Number(m.id)) }))
    .sort(
      (a, b) =>
        b.badges - a.badges ||
        b.acceptedAnswers - a.acceptedAnswers ||
        a.displayName.localeCompare(b.displayName),
    )
    .slice(0, 50);
  // Ties share a rank.
  const rows: Ranked[] = [];
  ranked.forEach((r, i) => {
    const prev = rows[i - 1];
    const tied = prev && prev.badges === r.badges && prev.acceptedAnswers === r.acceptedAnswers;
    rows.push({ rank: tied ? prev.rank : i + 1, ...r });
  });
  return { access, days: LEADERBOARD_DAYS, members: rows };
}

// ---- Spotlights ------------------------------------------------------------------------------

export interface SpotlightInput {
  handle: string;
  portrait: string;
  /** A day, "2027-03-31": shown until the end of it (UTC). */
  until: string;
}

/**
 * An animator proposes a portrait of an active member; nothing is shown before the member
 * accepts. The proposal and its log row (which notifies the member) commit together.
 */
export async function proposeSpotlight(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: SpotlightInput,
) {
  const at = now();
  const handle = input.handle.trim().replace(/^@/, '').toLowerCase();
  const [member] = handle === '' ? [] : await findLiveUsersByHandles(s.db, [handle]);
  const standing = member
    ? (
        await loadStandings(
          s.db,
          { id: member.id, isAdmin: false },
          {
            communityIds: [access.community.id],
          },
        )
      ).communities.get(access.community.id)
    : undefined;
  if (!member || !standing || !isActiveMember(standing))
    throw new AppError('invalid_input', {
      field: 'handle',
      messageKey: 'recognition.error.member',
    });
  const portrait = input.portrait.trim();
  if (portrait === '' || portrait.length > 1000)
    throw new AppError('invalid_input', {
      field: 'portrait',
      messageKey: 'recognition.error.portrait',
    });
  const untilAt = endOfDay(input.until);
  if (untilAt === null || untilAt <= at || untilAt > at + (SPOTLIGHT_MAX_DAYS + 1) * DAY)
    throw new AppError('invalid_input', { field: 'until', messageKey: 'recognition.error.until' });
  return s.db.transaction().execute(async (trx) => {
    const spotlight = await store.insertSpotlight(trx, {
      community_id: access.community.id,
      member_id: member.id,
      author_id: viewer.id,
      portrait,
      until_at: untilAt,
      created_at: at,
    });
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: access.community.id,
      kind: 'spotlight.proposed',
      targetKind: 'user',
      targetId: member.id,
      detail: String(spotlight.id),
      at,
    });
    return spotlight;
  });
}

function endOfDay(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(start) ? null : start + DAY - 1;
}

/**
 * A spotlight as its member (who answers it) or the community's animators see it; anyone else
 * gets the 404 of a missing one.
 */
export async function getSpotlight(s: Store, viewer: Viewer, id: number) {
  const unsafeSpotlight = await store.findSpotlight(s.db, id);
  if (!unsafeSpotlight) throw new AppError('not_found');
  const access = await requireVisibleCommunity(s.db, viewer, {
    id: Number(unsafeSpotlight.community_id),
  });
  const isMember = Number(unsafeSpotlight.member_id) === viewer.id;
  if (!isMember && !canManageCommunity(access)) throw new AppError('not_found');
  return { spotlight: unsafeSpotlight, access, isMember };
}

/** The member accepts or declines; only they may, once. */
export async function answerSpotlight(
  s: Store,
  viewer: Viewer,
  id: number,
  answer: 'accepted' | 'declined',
) {
  const { spotlight, isMember } = await getSpotlight(s, viewer, id);
  if (!isMember) throw new AppError('not_found');
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    if (!(await store.answerSpotlight(trx, id, answer, at)))
      throw new AppError('conflict', { messageKey: 'recognition.error.answered' });
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: Number(spotlight.community_id),
      kind: 'spotlight.answered',
      targetKind: 'spotlight',
      targetId: id,
      detail: answer,
      at,
    });
  });
  return { ...spotlight, state: answer, answered_at: at };
}

/** The accepted spotlight pinned on the community's home now, for those who may read it. */
export async function currentSpotlight(s: Store, access: CommunityAccess) {
  if (!canReadCommunityContent(access)) return undefined;
  return store.currentSpotlight(s.db, access.community.id, now());
}

/** A live member's badges, by handle; 404 for nobody. */
export async function badgesOfHandle(s: Store, viewer: Viewer | null, handle: string) {
  const [member] = await findLiveUsersByHandles(s.db, [handle.toLowerCase()]);
  if (!member) throw new AppError('not_found');
  return badgesOfMember(s, viewer, member.id);
}
