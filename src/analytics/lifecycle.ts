import { activeBetween } from './activity.js';
import type { DayRow } from './facts.js';
import { DAY, ratio } from './stats.js';

export const stages = ['inception', 'establishment', 'maturity', 'mitosis', 'decline'] as const;
export type Stage = (typeof stages)[number];

export interface LifecycleInput {
  /** The scope's member days (a community, or one group), covering the last 60 days. */
  rows: DayRow[];
  /** For a community: its groups' member days over the same 60 days. */
  groups: Map<number, DayRow[]>;
  isGroup: boolean;
  staff: Set<number>;
  toDay: number;
  createdAt: number | null;
  splitThreshold?: number;
}

/** Millington's stages as seed 004 reads them, from the last 30 days before `to`. */
export function lifecycle(x: LifecycleInput) {
  const fromDay = x.toDay - 30;
  const split = x.splitThreshold ?? 25;
  const contributions = (rows: DayRow[]) => {
    let all = 0;
    let byMembers = 0;
    for (const d of rows) {
      if (d.day < fromDay || d.day >= x.toDay) continue;
      all += d.contributions;
      if (!x.staff.has(d.member)) byMembers += d.contributions;
    }
    return { all, byMembers };
  };
  const recent = contributions(x.rows);
  const memberShare = ratio(recent.byMembers, recent.all);
  const activeNow = activeBetween(x.rows, x.staff, fromDay, x.toDay).size;
  const activeBefore = activeBetween(x.rows, x.staff, fromDay - 30, fromDay).size;
  const isDeclining = activeBefore > 0 && activeNow <= activeBefore * 0.7;
  const bigGroups = [...x.groups]
    .filter(([, rows]) => activeBetween(rows, x.staff, fromDay, x.toDay).size > split)
    .map(([g]) => g);
  let inGroups = 0;
  for (const rows of x.groups.values()) inGroups += contributions(rows).all;
  let stage: Stage;
  if (isDeclining) stage = 'decline';
  else if (memberShare === null || memberShare < 0.5) stage = 'inception';
  else if (memberShare <= 0.9) stage = 'establishment';
  else if (x.isGroup ? activeNow > split : inGroups * 2 > recent.all || bigGroups.length > 0)
    stage = 'mitosis';
  else stage = 'maturity';
  const to = x.toDay * DAY;
  const ageMonths = x.createdAt === null ? null : (to - x.createdAt) / (30.44 * DAY);
  return {
    stage,
    member_share: memberShare,
    contributions_30d: recent.all,
    active_members_30d: activeNow,
    active_members_previous_30d: activeBefore,
    groups_over_threshold: bigGroups,
    warning:
      stage === 'inception' && ageMonths !== null && ageMonths > 9 ? 'inception_too_long' : null,
  };
}
