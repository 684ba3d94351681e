import { cockpitAudience, getCommunity, staffIdsOf } from '../communities/index.js';
import { type Store } from '../db/index.js';
import { AppError, forbidden, type Viewer } from '../http/index.js';
import { computeCockpit, WINDOW_DAYS } from './cockpit.js';
import { buildModel } from './model.js';
import { suppressForSponsor, type CockpitView } from './privacy.js';
import { DAY } from './stats.js';
import { loadCommunityLog } from './store.js';

export type CockpitAudience = 'staff' | 'sponsor';

export interface Period {
  from: number;
  to: number;
}

/** A period from `days` (30, 90, 365) or explicit dates; bad or reversed dates are an input error. */
export function resolvePeriod(
  q: { days?: number | undefined; from?: string | undefined; to?: string | undefined },
  now: number,
): Period {
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : to - (q.days ?? 90) * DAY;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to || to - from > 3 * 366 * DAY) {
    throw new AppError('invalid_input', {
      field: 'from',
      messageKey: 'analytics.error.period',
      params: { field: 'from' },
    });
  }
  return { from, to };
}

/** The cockpit of one community, checked and shaped for the viewer's role. */
export async function communityCockpit(
  s: Store,
  viewer: Viewer | null,
  ref: { id: number } | { slug: string },
  period: Period,
) {
  const view = await getCommunity(s, viewer, ref);
  const audience = cockpitAudience(view.access);
  if (!audience) throw view.access.membership ? forbidden() : new AppError('not_found');
  return {
    ...view,
    audience,
    cockpit: await computeFor(s, view.access.community, view.groups, period, audience),
  };
}

/** For the CLI: no viewer, full figures. */
export async function reportCockpit(s: Store, slug: string, period: Period) {
  const view = await getCommunity(
    s,
    { id: 0, handle: 'cli', displayName: 'cli', isAdmin: true, locale: null },
    { slug },
  );
  return {
    community: view.access.community,
    cockpit: await computeFor(s, view.access.community, view.groups, period, 'staff'),
  };
}

async function computeFor(
  s: Store,
  community: { id: number; created_at: number },
  groups: { id: number; name: string }[],
  period: Period,
  audience: CockpitAudience,
): Promise<CockpitView> {
  const visitsFrom = Math.min(period.from, period.to - WINDOW_DAYS * DAY) - 31 * DAY;
  const [rows, staff] = await Promise.all([
    loadCommunityLog(s.db, { communityId: community.id, to: period.to, visitsFrom }),
    staffIdsOf(s, community.id),
  ]);
  const cockpit = computeCockpit({
    model: buildModel(rows, staff),
    ...period,
    createdAt: community.created_at,
    groups,
  });
  return audience === 'sponsor' ? suppressForSponsor(cockpit) : cockpit;
}
