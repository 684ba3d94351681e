import type { CommunityModel } from './model.js';
import { isoWeek, ratio } from './stats.js';

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
  m: CommunityModel,
  from: number,
  to: number,
  t = defaultCircleThresholds,
): Map<number, Circle> {
  const inWindow = (at: number) => at >= from && at < to;
  const contributions = new Map<number, { n: number; weeks: Set<string> }>();
  for (const c of m.contributions) {
    if (!inWindow(c.at)) continue;
    const e = contributions.get(c.actor) ?? { n: 0, weeks: new Set<string>() };
    e.n += 1;
    e.weeks.add(isoWeek(c.at));
    contributions.set(c.actor, e);
  }
  const reactors = new Set(m.reactions.filter((r) => inWindow(r.at)).map((r) => r.actor));
  const visitors = new Set(m.visits.filter((v) => inWindow(v.at)).map((v) => v.actor));
  const people = new Set([...m.isMemberAtEnd, ...contributions.keys(), ...reactors, ...visitors]);
  const circles = new Map<number, Circle>();
  for (const id of people) {
    if (m.staff.has(id)) continue;
    const c = contributions.get(id);
    if (c && c.n >= t.coreContributions && c.weeks.size >= t.coreWeeks) circles.set(id, 'core');
    else if (c) circles.set(id, 'contributor');
    else if (reactors.has(id)) circles.set(id, 'reactor');
    else if (visitors.has(id)) circles.set(id, 'lurker');
    else circles.set(id, 'dormant');
  }
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
