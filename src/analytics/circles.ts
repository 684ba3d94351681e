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

/** The circle of each non-staff member active in the window; the dormant are only counted. */
export function circleOf(f: ScopeFacts, t = defaultCircleThresholds): Map<number, Circle> {
  const circles = new Map<number, Circle>();
  for (const w of f.window) {
    if (w.contributions >= t.coreContributions && w.weeks >= t.coreWeeks)
      circles.set(w.member, 'core');
    else if (w.contributions > 0) circles.set(w.member, 'contributor');
    else if (w.reactions > 0) circles.set(w.member, 'reactor');
    else circles.set(w.member, 'lurker');
  }
  return circles;
}

export function summarizeCircles(circles: Map<number, Circle>, dormant: number) {
  const counts: Record<Circle, number> = {
    core: 0,
    contributor: 0,
    reactor: 0,
    lurker: 0,
    dormant,
  };
  for (const c of circles.values()) counts[c] += 1;
  const total = circles.size + dormant;
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
  };
}
