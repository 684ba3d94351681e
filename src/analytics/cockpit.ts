import { circleOf, summarizeCircles } from './circles.js';
import { activity } from './activity.js';
import { concentration, contributionsPerMember } from './concentration.js';
import type { ScopeFacts } from './facts.js';
import { ladder } from './ladder.js';
import { lifecycle } from './lifecycle.js';
import { newcomers } from './newcomers.js';
import { responsiveness } from './responsiveness.js';
import { dayOf } from './rollup/scopes.js';
import { DAY } from './stats.js';

export const WINDOW_DAYS = 90;

export interface CockpitInput {
  facts: ScopeFacts;
  /** When the community (or group) was created, for the lifecycle's age warning. */
  createdAt: number | null;
  isGroup: boolean;
  groups: { id: number; name: string }[];
}

/** Every indicator of docs/indicators.md for one scope and period, keyed by their names there. */
export function computeCockpit({ facts: f, createdAt, isGroup, groups }: CockpitInput) {
  const toDay = dayOf(f.to);
  const windowFromDay = toDay - WINDOW_DAYS;
  const circles = circleOf(f, windowFromDay, toDay);
  const base = { staff: f.staff, toDay, createdAt };
  return {
    period: { from: new Date(f.from).toISOString(), to: new Date(f.to).toISOString() },
    window: { from: new Date(windowFromDay * DAY).toISOString(), to: new Date(f.to).toISOString() },
    circles: summarizeCircles(circles),
    ladder: ladder(f, circles),
    responsiveness: responsiveness(f),
    newcomers: newcomers(f, circles),
    concentration: concentration(f, windowFromDay, toDay),
    activity: activity(f),
    lifecycle: {
      ...lifecycle({ ...base, rows: f.days, groups: f.groupDays, isGroup }),
      groups: groups.map((g) => ({
        groupId: g.id,
        name: g.name,
        ...lifecycle({
          ...base,
          rows: f.groupDays.get(g.id) ?? [],
          groups: new Map(),
          isGroup: true,
        }),
      })),
    },
    recently_inactive_core: recentlyInactiveCore(f, windowFromDay, toDay),
  };
}

export type Cockpit = ReturnType<typeof computeCockpit>;

/**
 * The animator's to-do: the top quarter of contributors over the window whose last
 * contribution was 7 to 28 days ago (none in the last 7 whole days, one in the 21 before).
 */
function recentlyInactiveCore(f: ScopeFacts, fromDay: number, toDay: number) {
  const ranked = [...contributionsPerMember(f, fromDay, toDay)].sort((a, b) => b[1].n - a[1].n);
  return ranked
    .slice(0, Math.ceil(ranked.length / 4))
    .filter(([, e]) => e.lastDay < toDay - 7 && e.lastDay >= toDay - 28)
    .map(([memberId, e]) => ({
      memberId,
      contributions: e.n,
      lastContributionAt: e.lastDay * DAY,
    }));
}
