import type { Recent } from './facts.js';
import { DAY, ratio } from './stats.js';

export const stages = ['inception', 'establishment', 'maturity', 'mitosis', 'decline'] as const;
export type Stage = (typeof stages)[number];

export interface LifecycleInput {
  /** The scope's last 30 days against the 30 before (a community, or one group). */
  recent: Recent;
  /** For a community: the same for each of its groups. */
  groups: Map<number, Recent>;
  isGroup: boolean;
  to: number;
  createdAt: number | null;
  splitThreshold?: number;
}

/** Millington's stages as seed 004 reads them, from the last 30 days before `to`. */
export function lifecycle(x: LifecycleInput) {
  const split = x.splitThreshold ?? 25;
  const { recent } = x;
  const memberShare = ratio(recent.byMembers, recent.contributions);
  const isDeclining = recent.activeBefore > 0 && recent.active <= recent.activeBefore * 0.7;
  const bigGroups = [...x.groups].filter(([, g]) => g.active > split).map(([id]) => id);
  let inGroups = 0;
  for (const g of x.groups.values()) inGroups += g.contributions;
  let stage: Stage;
  if (isDeclining) stage = 'decline';
  else if (memberShare === null || memberShare < 0.5) stage = 'inception';
  else if (memberShare <= 0.9) stage = 'establishment';
  else if (
    x.isGroup ? recent.active > split : inGroups * 2 > recent.contributions || bigGroups.length > 0
  )
    stage = 'mitosis';
  else stage = 'maturity';
  const ageMonths = x.createdAt === null ? null : (x.to - x.createdAt) / (30.44 * DAY);
  return {
    stage,
    member_share: memberShare,
    contributions_30d: recent.contributions,
    active_members_30d: recent.active,
    active_members_previous_30d: recent.activeBefore,
    groups_over_threshold: bigGroups,
    warning:
      stage === 'inception' && ageMonths !== null && ageMonths > 9 ? 'inception_too_long' : null,
  };
}
