import type { Recent } from './facts.js';
import { DAY, ratio } from './stats.js';

export const stages = ['inception', 'establishment', 'maturity', 'mitosis', 'decline'] as const;
export type Stage = (typeof stages)[number];

/** A scope this old with no contribution in 30 days is in decline. */
const SILENT_AFTER_DAYS = 60;

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
  const ageDays = x.createdAt === null ? null : (x.to - x.createdAt) / DAY;
  // No contribution leaves the member share undefined: a scope past its first 60 days that has
  // gone silent for 30 is declining, not starting (an old forum's archive, a summer group).
  const isSilent = recent.contributions === 0 && ageDays !== null && ageDays >= SILENT_AFTER_DAYS;
  const isDeclining =
    isSilent || (recent.activeBefore > 0 && recent.active <= recent.activeBefore * 0.7);
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
  const ageMonths = ageDays === null ? null : ageDays / 30.44;
  return {
    stage,
    member_share: memberShare,
    contributions_30d: recent.contributions,
    active_members_30d: recent.active,
    active_members_previous_30d: recent.activeBefore,
    groups_over_threshold: bigGroups,
    warning: isSilent
      ? ('no_contributions' as const)
      : stage === 'inception' && ageMonths !== null && ageMonths > 9
        ? ('inception_too_long' as const)
        : null,
  };
}
