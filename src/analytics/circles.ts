import type { ScopeFacts } from './facts.js';
import { weekOfDay } from './stats-days.js';
import { ratio } from './stats.js';

export const circleNames = ['core', 'contributor', 'reactor', 'lurker', 'dormant'] as const;
export type Circle = (typeof circleNames)[number];

/** Seed 001's circles, over the trailing window; thresholds are per-community settings. */
export interface CircleThresholds {
  coreContributions: number;
  coreWeeks: number;
}
export const defaultCircleThresholds: CircleThresholds = { coreContributions: 12, coreWeeks: 4 };

/** Each non-staff member's circle: members at the end of the window and anyone active in it. */
export function circleOf(
  f: ScopeFacts,
  fromDay: number,
  toDay: number,
  t = defaultCircleThresholds,
): Map<number, Circle> {
  const seen = new Map<number, { n: number; weeks: Set<number>; reacted: boolean }>();
  for (const d of f.days) {
    if (d.day < fromDay || d.day >= toDay || f.staff.has(d.member)) continue;
    let e = seen.get(d.member);
    if (!e) {
      e = { n: 0, weeks: new Set(), reacted: false };
      seen.set(d.member, e);
    }
    if (d.contributions > 0) {
      e.n += d.contributions;
      e.weeks.add(weekOfDay(d.day));
    }
    if (d.reactions > 0) e.reacted = true;
  }
  const circles = new Map<number, Circle>();
  for (const [id, e] of seen) {
    if (e.n >= t.coreContributions && e.weeks.size >= t.coreWeeks) circles.set(id, 'core');
    else if (e.n > 0) circles.set(id, 'contributor');
    else if (e.reacted) circles.set(id, 'reactor');
    else circles.set(id, 'lurker');
  }
  for (const id of f.membersAtEnd)
    if (!circles.has(id) && !f.staff.has(id)) circles.set(id, 'dormant');
  return circles;
}

export function summarizeCircles(circles: Map<number, Circle>) {
  const counts: Record<Circle, number> = {
    core: 0,
    contributor: 0,
    reactor: 0,
    lurker: 0,
    dormant: 0,
  };
  for (const c of circles.values()) counts[c] += 1;
  const total = circles.size;
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
