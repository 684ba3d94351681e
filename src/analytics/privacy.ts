import { circleNames, type Circle } from './circles.js';
import type { Cockpit } from './cockpit.js';

/** The cockpit with any figure possibly withheld (null) for privacy. */
export type Suppressible<T> = T extends number
  ? number | null
  : T extends (infer U)[]
    ? Suppressible<U>[]
    : T extends object
      ? { [K in keyof T]: Suppressible<T[K]> }
      : T;
export type CockpitView = Suppressible<Cockpit>;

/** Below this many people a figure could point at someone: sponsors never see it. */
export const MIN_GROUP_SIZE = 5;

const small = (n: number | null) => (n !== null && n < MIN_GROUP_SIZE ? null : n);

/**
 * The sponsor's view: the same figures, with every count under five people and every figure
 * computed over fewer than five people removed, and no list of names or ids.
 */
export function suppressForSponsor(c: Cockpit): CockpitView {
  const circles = c.circles;
  const tooFew = circles.total < MIN_GROUP_SIZE;
  const counts = {} as Record<Circle, number | null>;
  const shares = {} as Record<Circle, number | null>;
  for (const name of circleNames) {
    const hidden = tooFew || small(circles.counts[name]) === null;
    counts[name] = hidden ? null : circles.counts[name];
    shares[name] = hidden ? null : circles.shares[name];
  }
  const n = c.newcomers;
  const newcomersTooFew = n.count < MIN_GROUP_SIZE;
  return {
    ...c,
    circles: {
      ...circles,
      counts,
      shares,
      participating_share: tooFew ? null : circles.participating_share,
      core_members: [],
    },
    ladder: {
      ...c.ladder,
      reached: small(c.ladder.reached),
      members_reached: small(c.ladder.members_reached),
      anonymous_visitors: small(c.ladder.anonymous_visitors),
      interacting: small(c.ladder.interacting),
      engaged: small(c.ladder.engaged),
      conversion: {
        interacting_per_reached:
          c.ladder.reached < MIN_GROUP_SIZE ? null : c.ladder.conversion.interacting_per_reached,
        engaged_per_interacting:
          c.ladder.interacting < MIN_GROUP_SIZE
            ? null
            : c.ladder.conversion.engaged_per_interacting,
      },
      flows: c.ladder.flows.map((f) => ({
        ...f,
        up: small(f.up),
        held: small(f.held),
        down: small(f.down),
      })),
    },
    responsiveness: { ...c.responsiveness, unanswered: [] },
    newcomers: {
      ...n,
      count: small(n.count),
      first_post_answered_48h: newcomersTooFew ? null : n.first_post_answered_48h,
      retention_30d: {
        ...n.retention_30d,
        rate: n.retention_30d.eligible < MIN_GROUP_SIZE ? null : n.retention_30d.rate,
      },
      retention_90d: {
        ...n.retention_90d,
        rate: n.retention_90d.eligible < MIN_GROUP_SIZE ? null : n.retention_90d.rate,
      },
      welcome_gap: newcomersTooFew ? null : n.welcome_gap,
      core_share_of_welcomes: newcomersTooFew ? null : n.core_share_of_welcomes,
      unanswered_48h: [],
      members: [],
    },
    concentration:
      c.concentration.contributors < MIN_GROUP_SIZE
        ? {
            ...c.concentration,
            top10_share: null,
            absence_factor: null,
            gini: null,
            curve: c.concentration.curve.map((point) => ({ ...point, share: null })),
          }
        : c.concentration,
    activity: sponsorActivity(c),
    lifecycle: {
      ...c.lifecycle,
      ...lifecycleCounts(c.lifecycle),
      groups: c.lifecycle.groups.map(sponsorScopeRow),
      communities: c.lifecycle.communities.map(sponsorScopeRow),
    },
    recently_inactive_core: [],
    churned_members: [],
  };
}

function sponsorActivity({ activity: a, lifecycle }: Cockpit): CockpitView['activity'] {
  const meanMau = a.monthly.reduce((n, mo) => n + mo.mau, 0) / (a.monthly.length || 1);
  return {
    ...a,
    daily: a.daily.map((d) => ({ ...d, dau: small(d.dau) })),
    weekly: a.weekly.map((w) => ({ ...w, wau: small(w.wau) })),
    monthly: a.monthly.map((mo) => ({
      ...mo,
      mau: small(mo.mau),
      stickiness: mo.mau < MIN_GROUP_SIZE ? null : mo.stickiness,
      growth: small(mo.growth),
      churn: small(mo.churn),
    })),
    stickiness: meanMau < MIN_GROUP_SIZE ? null : a.stickiness,
    growth: small(a.growth),
    churn: small(a.churn),
    churn_rate: lifecycle.active_members_previous_30d < MIN_GROUP_SIZE ? null : a.churn_rate,
    active_last_30d: small(a.active_last_30d),
  };
}

/** A group's (community's) row of the stage table: like the to-do lists, where topics wait is
 * for the staff who answer them. */
function sponsorScopeRow<
  Row extends { active_members_30d: number; active_members_previous_30d: number },
>(row: Row) {
  return { ...row, ...lifecycleCounts(row), unanswered_topics: null };
}

const lifecycleCounts = (l: {
  active_members_30d: number;
  active_members_previous_30d: number;
}) => ({
  active_members_30d: small(l.active_members_30d),
  active_members_previous_30d: small(l.active_members_previous_30d),
});
