import { circleOf, summarizeCircles } from './circles.js';
import { concentration } from './concentration.js';
import { activity } from './activity.js';
import { ladder } from './ladder.js';
import { lifecycle } from './lifecycle.js';
import type { CommunityModel } from './model.js';
import { newcomers } from './newcomers.js';
import { firstResponses, responsiveness } from './responsiveness.js';
import { DAY } from './stats.js';

export const WINDOW_DAYS = 90;

export interface CockpitInput {
  model: CommunityModel;
  from: number;
  to: number;
  createdAt: number;
  groups: { id: number; name: string }[];
}

/** Every indicator of docs/indicators.md for one community and period, keyed by their names there. */
export function computeCockpit({ model, from, to, createdAt, groups }: CockpitInput) {
  const windowFrom = to - WINDOW_DAYS * DAY;
  const circles = circleOf(model, windowFrom, to);
  const first = firstResponses(model);
  return {
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    window: { from: new Date(windowFrom).toISOString(), to: new Date(to).toISOString() },
    circles: summarizeCircles(circles),
    ladder: ladder(model, from, to, circles),
    responsiveness: responsiveness(model, from, to, first),
    newcomers: newcomers(model, from, to, circles, first),
    concentration: concentration(model, windowFrom, to),
    activity: activity(model, from, to),
    lifecycle: {
      ...lifecycle(model, to, { createdAt }),
      groups: groups.map((g) => ({
        groupId: g.id,
        name: g.name,
        ...lifecycle(model, to, { createdAt, groupId: g.id }),
      })),
    },
    recently_inactive_core: recentlyInactiveCore(model, to),
  };
}

export type Cockpit = ReturnType<typeof computeCockpit>;

/** The animator's to-do: the top quarter of contributors (90 days) silent for the last 7 to 28 days. */
function recentlyInactiveCore(m: CommunityModel, to: number) {
  const counts = new Map<number, { n: number; last: number }>();
  for (const c of m.contributions) {
    if (c.at < to - WINDOW_DAYS * DAY || c.at >= to || m.staff.has(c.actor)) continue;
    const e = counts.get(c.actor) ?? { n: 0, last: 0 };
    e.n += 1;
    e.last = Math.max(e.last, c.at);
    counts.set(c.actor, e);
  }
  const ranked = [...counts].sort((a, b) => b[1].n - a[1].n);
  const top = ranked.slice(0, Math.ceil(ranked.length / 4));
  return top
    .filter(([, e]) => e.last <= to - 7 * DAY && e.last > to - 28 * DAY)
    .map(([memberId, e]) => ({ memberId, contributions: e.n, lastContributionAt: e.last }));
}
