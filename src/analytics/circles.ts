import type { ScopeFacts } from './facts.js';
import { ratio } from './stats.js';

export const circleNames = ['core', 'contributor', 'reactor', 'lurker', 'dormant'] as const;
export type Circle = (typeof circleNames)[number];

/** Seed 001's circles, over the trailing window; thresholds are per-community settings. */
export interface CircleThresholds {
  coreContributions: number;
  coreWeeks: number;
}
export const defaultCircleThresholds: CircleThresholds = { coreContributions: 12, coreWeeks: 4 };

/** Members per circle over the window, and who the core members are: no one else is named. */
export interface Circles {
  counts: Record<Circle, number>;
  core: Set<number>;
  /** The core members with their window's contributions and weeks, most contributions first. */
  coreMembers: { memberId: number; contributions: number; weeks: number }[];
}

/** Each non-staff member active in the window counted in their circle; the dormant come counted. */
export function circlesOf(f: ScopeFacts, t = defaultCircleThresholds): Circles {
  const counts: Record<Circle, number> = {
    core: 0,
    contributor: 0,
    reactor: 0,
    lurker: 0,
    dormant: f.dormant,
  };
  const core = new Set<number>();
  const coreMembers: Circles['coreMembers'] = [];
  const { member, contributions, reactions, weeks } = f.window;
  for (let i = 0; i < member.length; i++) {
    const c = contributions[i] ?? 0;
    const w = weeks[i] ?? 0;
    if (c >= t.coreContributions && w >= t.coreWeeks) {
      core.add(member[i] ?? 0);
      coreMembers.push({ memberId: member[i] ?? 0, contributions: c, weeks: w });
    } else if (c > 0) counts.contributor++;
    else if ((reactions[i] ?? 0) > 0) counts.reactor++;
    else counts.lurker++;
  }
  counts.core = core.size;
  coreMembers.sort((a, b) => b.contributions - a.contributions || a.memberId - b.memberId);
  return { counts, core, coreMembers };
}

export function summarizeCircles({ counts, coreMembers }: Circles) {
  const total = circleNames.reduce((n, c) => n + counts[c], 0);
  const shares = Object.fromEntries(circleNames.map((n) => [n, ratio(counts[n], total)])) as Record<
    Circle,
    number | null
  >;
  return {
    total,
    counts,
    shares,
    // Nielsen's 1/9/90 and seed 004's "10 % participate, 90 % watch", for comparison.
    reference: {
      rule_1_9_90: { core: 0.01, contributor: 0.09, others: 0.9 },
      participate_10_watch_90: { participate: 0.1, watch: 0.9 },
    },
    participating_share: ratio(counts.core + counts.contributor, total),
    // The people behind the core's count, for the animator (never for sponsors).
    core_members: coreMembers,
  };
}
