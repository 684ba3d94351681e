import { DAY, HOUR, dayFactor, hourShare } from './calendar.js';
import { activeWeightByDay, type Population } from './members.js';
import { TimeHeap } from './pool.js';
import type { Random } from './random.js';
import { Acts } from './acts.js';
import { K, T, type RowBuffer } from './rows.js';

/** What the history is written around: the community, its staff and groups, its members. */
export interface Plan {
  communityId: number;
  adminId: number;
  staffIds: number[];
  animatorIds: number[];
  /** Groups in order of creation; at most 32 (members' groups are a 32-bit mask). */
  groups: { id: number; at: number }[];
  from: number;
  to: number;
  days: number;
  people: Population;
  /** Rows to write besides arrivals, departures and group creations. */
  spontaneous: number;
}

/** Rows written at a set time: arrivals, departures and group creations. */
export function scheduledRows(p: Population, groups: number): number {
  let leaving = 0;
  for (let i = 0; i < p.count; i++) leaving += p.leaves[i] ?? 0;
  return p.count + leaving + groups;
}

/**
 * Writes the history hour by hour in time order. Each hour gets its share of the spontaneous
 * rows (following the active population, the week and the hour of day) at sorted random times;
 * arrivals, departures and group creations are merged in at their own times. Yields when
 * the buffer is full, so the caller can flush it, and every few thousand rows in between.
 */
export function* writeHistory(rng: Random, plan: Plan, buf: RowBuffer): Generator<void> {
  const { people, from, days } = plan;
  const acts = new Acts(rng, plan, buf);
  const ends = new TimeHeap(1024);
  const dayWeight = activeWeightByDay(people, from, days);
  let total = 0;
  for (let d = 0; d < days; d++) total += (dayWeight[d] ?? 0) * dayFactor(from + d * DAY);
  let nextJoin = 0;
  let nextGroup = 0;
  const nextDue = () =>
    Math.min(
      people.joinAt[nextJoin] ?? Infinity,
      ends.topKey,
      plan.groups[nextGroup]?.at ?? Infinity,
    );
  /** Runs the one scheduled event due first. */
  const runDue = () => {
    const join = people.joinAt[nextJoin] ?? Infinity;
    const group = plan.groups[nextGroup];
    if (join <= ends.topKey && join <= (group?.at ?? Infinity)) {
      acts.arrive(nextJoin, join);
      const end = people.endAt[nextJoin] ?? Infinity;
      if (end !== Infinity) ends.push(end, nextJoin);
      nextJoin++;
    } else if (group && group.at <= ends.topKey) {
      buf.push(plan.adminId, K['group.created'], group.at, group.id, T.group, group.id, 0, 0, 0);
      acts.cast.openGroups = ++nextGroup;
    } else {
      const i = ends.topValue;
      const at = ends.topKey;
      ends.pop();
      acts.depart(i, at);
    }
  };
  let times = new Float64Array(1024);
  let written = 0;
  let cumulative = 0;
  for (let h = 0; h < days * 24; h++) {
    const start = from + h * HOUR;
    const day = Math.floor(h / 24);
    cumulative += (dayWeight[day] ?? 0) * dayFactor(start) * hourShare(h % 24);
    const target =
      h === days * 24 - 1 ? plan.spontaneous : Math.round((plan.spontaneous * cumulative) / total);
    const n = target - written;
    written = target;
    if (times.length < n + 1) times = new Float64Array(2 * (n + 1));
    // Sorted uniform times from normalised exponential gaps: no sort needed.
    let sum = 0;
    for (let j = 0; j <= n; j++) {
      sum += rng.exponential();
      times[j] = sum;
    }
    for (let j = 0; j < n; j++) {
      const at = start + Math.floor(((times[j] ?? 0) / sum) * HOUR);
      while (nextDue() <= at) {
        runDue();
        if (buf.isAtPause) yield;
      }
      acts.act(at);
      if (buf.isAtPause) yield;
    }
    while (nextDue() < start + HOUR) {
      runDue();
      if (buf.isAtPause) yield;
    }
  }
  while (nextDue() < plan.to) {
    runDue();
    if (buf.isAtPause) yield;
  }
}
