import { listSystemIds } from '../accounts/index.js';
import {
  allCommunities,
  cockpitAudience,
  getCommunity,
  getGroup,
  staffIdsOf,
} from '../communities/index.js';
import { type Store } from '../db/index.js';
import { AppError, forbidden, type Viewer } from '../http/index.js';
import { computeCockpit, type CockpitInput, type CommunityLifecycle } from './cockpit.js';
import { loadLifecycleFacts, loadScopeFacts } from './facts.js';
import { privacyBasis, suppressForSponsor, type CockpitView } from './privacy.js';
import { withoutUnreadable } from './readable.js';
import { refreshRollups } from './rollup/refresh.js';
import { instanceScope, type Scope } from './rollup/scopes.js';
import { DAY } from './stats.js';
import { loadWelcomeFigures } from './welcomes.js';

/**
 * Who reads a cockpit: its staff everything; a sponsor figures only (`privacy.ts`); `aggregate`
 * the same figures only, for staff of the community on a group they may not read.
 */
export type CockpitAudience = 'staff' | 'sponsor' | 'aggregate';

export interface Period {
  from: number;
  to: number;
}

/** An imported forum's whole history fits (Stack Exchange began in 2008); the daily series stays bounded. */
const MAX_PERIOD_YEARS = 30;

/**
 * A period from `days` (30, 90, 365) or explicit dates, in whole UTC days: the daily roll-ups'
 * grain. The last day is the one `to` falls in (today by default). Bad or reversed dates, or a
 * period over 30 years, are an input error.
 */
export function resolvePeriod(
  q: { days?: number | undefined; from?: string | undefined; to?: string | undefined },
  now: number,
): Period {
  const end = q.to ? parseDay(q.to, 'to') : Math.floor(now / DAY) * DAY + DAY;
  const start = q.from ? parseDay(q.from, 'from') : end - (q.days ?? 90) * DAY;
  const from = Math.floor(start / DAY) * DAY;
  const to = Math.ceil(end / DAY) * DAY;
  const problem =
    from >= to
      ? 'analytics.error.period'
      : to - from > MAX_PERIOD_YEARS * 366 * DAY
        ? 'analytics.error.periodTooLong'
        : null;
  if (problem) {
    throw new AppError('invalid_input', {
      field: 'from',
      messageKey: problem,
      params: { field: 'from', years: MAX_PERIOD_YEARS },
    });
  }
  return { from, to };
}

/** A calendar day, YYYY-MM-DD; Date.parse alone would read 2026-02-30 as the 2nd of March. */
function parseDay(value: string, field: 'from' | 'to'): number {
  const ms = Date.parse(value);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== value
  )
    throw new AppError('invalid_input', {
      field,
      messageKey: 'analytics.error.date',
      params: { field, value },
    });
  return ms;
}

function audienceOf(access: Parameters<typeof cockpitAudience>[0]): 'staff' | 'sponsor' {
  const audience = cockpitAudience(access);
  if (!audience) throw access.membership ? forbidden() : new AppError('not_found');
  return audience;
}

/** The cockpit of one community, checked and shaped for the viewer's role. */
export async function communityCockpit(
  s: Store,
  viewer: Viewer | null,
  ref: { id: number } | { slug: string },
  period: Period,
) {
  const view = await getCommunity(s, viewer, ref);
  const audience = audienceOf(view.access);
  const community = view.access.community;
  const cockpit = await computeFor(s, period, audience, {
    scope: { communityId: community.id, groupId: 0 },
    staffOf: community.id,
    createdAt: community.created_at,
    groups: view.groups,
    readable: view.readableGroupIds,
  });
  return { ...view, audience, cockpit };
}

/** The cockpit of one group: for the community's staff, and its sponsors aggregated. */
export async function groupCockpit(
  s: Store,
  viewer: Viewer | null,
  ref: { community: { id: number } | { slug: string }; group: { id: number } | { slug: string } },
  period: Period,
) {
  const view = await getCommunity(s, viewer, ref.community);
  const role = audienceOf(view.access);
  const { g } = await getGroup(s, viewer, view.access, ref.group);
  // A moderator outside a private group sees its figures as a sponsor would: nobody named.
  const audience: CockpitAudience =
    role === 'staff' && !view.readableGroupIds.includes(g.group.id) ? 'aggregate' : role;
  const community = view.access.community;
  const cockpit = await computeFor(s, period, audience, {
    scope: { communityId: community.id, groupId: g.group.id },
    staffOf: community.id,
    createdAt: g.group.created_at,
    groups: [],
    readable: view.readableGroupIds,
  });
  return { ...view, group: g.group, audience, cockpit };
}

/**
 * Every community together: for instance admins. `since` is when its history begins, with its
 * oldest community (an import's first post); null without a community.
 */
export async function instanceCockpit(s: Store, viewer: Viewer | null, period: Period) {
  if (!viewer) throw new AppError('unauthenticated');
  if (!viewer.isAdmin) throw forbidden();
  const communities = await allCommunities(s);
  const cockpit = await computeFor(s, period, 'staff', {
    scope: instanceScope,
    staffOf: null,
    createdAt: null,
    groups: [],
    communities,
    readable: null,
  });
  const begun = communities.map((c) => c.created_at);
  return { cockpit, since: begun.length > 0 ? Math.min(...begun) : null };
}

/** For the CLI, which runs as the operator: full figures of a community, no viewer. */
export async function reportCockpit(s: Store, slug: string, period: Period) {
  const view = await getCommunity(
    s,
    { id: 0, handle: 'cli', displayName: 'cli', isAdmin: true, locale: null },
    { slug },
  );
  const community = view.access.community;
  return {
    community,
    cockpit: await computeFor(s, period, 'staff', {
      scope: { communityId: community.id, groupId: 0 },
      staffOf: community.id,
      createdAt: community.created_at,
      groups: view.groups,
      readable: null,
    }),
  };
}

type CommunityRow = Awaited<ReturnType<typeof allCommunities>>[number];

/**
 * Who the member figures leave out: the staff of the community (of every community, for the
 * instance), and the system accounts (an imported site's bot, its deleted authors), which write
 * but are nobody's fellow members.
 */
async function notMembersOf(s: Store, communityId: number | null): Promise<Set<number>> {
  const [staff, system] = await Promise.all([staffIdsOf(s, communityId), listSystemIds(s.db)]);
  return new Set([...staff, ...system]);
}

/** Each community's lifecycle, as its own cockpit computes it: one after another (a window each). */
async function communitiesLifecycle(
  s: Store,
  period: Period,
  communities: CommunityRow[],
): Promise<CommunityLifecycle[]> {
  const out: CommunityLifecycle[] = [];
  for (const c of communities) {
    const staff = await notMembersOf(s, c.id);
    out.push({
      id: c.id,
      name: c.name,
      slug: c.slug,
      createdAt: c.created_at,
      facts: await loadLifecycleFacts(s, c.id, period.to, staff),
    });
  }
  return out;
}

async function computeFor(
  s: Store,
  period: Period,
  audience: CockpitAudience,
  x: {
    scope: Scope;
    staffOf: number | null;
    createdAt: number | null;
    groups: CockpitInput['groups'];
    /** The instance's: each of these communities' lifecycle too. */
    communities?: CommunityRow[];
    /** The groups the viewer may read (null: all): the others' people stay out of the lists. */
    readable: readonly number[] | null;
  },
): Promise<CockpitView> {
  // Folds in what was logged since the last refresh: usually a handful of rows.
  await refreshRollups(s);
  const staff = await notMembersOf(s, x.staffOf);
  const facts = await loadScopeFacts(s, x.scope, period, staff);
  const welcomes = await loadWelcomeFigures(s.db, x.scope, period, staff);
  const communities = x.communities ? await communitiesLifecycle(s, period, x.communities) : [];
  const cockpit = computeCockpit({
    facts,
    createdAt: x.createdAt,
    isGroup: x.scope.groupId !== 0,
    groups: x.groups,
    communities,
    welcomes,
  });
  const basis = privacyBasis(facts);
  return audience === 'staff'
    ? withoutUnreadable(cockpit, x.readable, basis)
    : suppressForSponsor(cockpit, basis, x.scope.groupId);
}
