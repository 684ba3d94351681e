import type { Circle } from './circles.js';
import type { CommunityModel } from './model.js';
import { monthKey, ratio } from './stats.js';

/** Distinct non-staff people at each rung of seed 000's ladder for [from, to). */
function rungsOver(m: CommunityModel, from: number, to: number, core: Set<number>) {
  const inPeriod = (at: number) => at >= from && at < to;
  const interacting = new Set<number>();
  for (const c of m.contributions) if (inPeriod(c.at)) interacting.add(c.actor);
  for (const r of m.reactions) if (inPeriod(r.at)) interacting.add(r.actor);
  const engaged = new Set<number>(core);
  for (const c of m.commitments) if (inPeriod(c.at)) engaged.add(c.actor);
  // Anyone who interacted has seen the community: reached includes them.
  const reached = new Set<number>(interacting);
  for (const v of m.visits) if (inPeriod(v.at)) reached.add(v.actor);
  for (const id of engaged) reached.add(id);
  const drop = (s: Set<number>) => new Set([...s].filter((id) => !m.staff.has(id)));
  return {
    reached: drop(reached),
    interacting: drop(new Set([...interacting, ...engaged])),
    engaged: drop(engaged),
  };
}

function rungOf(id: number, r: ReturnType<typeof rungsOver>): number {
  if (r.engaged.has(id)) return 3;
  if (r.interacting.has(id)) return 2;
  return r.reached.has(id) ? 1 : 0;
}

export function ladder(m: CommunityModel, from: number, to: number, circles: Map<number, Circle>) {
  const core = new Set([...circles].filter(([, c]) => c === 'core').map(([id]) => id));
  const r = rungsOver(m, from, to, core);
  return {
    reached: r.reached.size,
    interacting: r.interacting.size,
    engaged: r.engaged.size,
    conversion: {
      interacting_per_reached: ratio(r.interacting.size, r.reached.size),
      engaged_per_interacting: ratio(r.engaged.size, r.interacting.size),
    },
    flows: monthlyFlows(m, from, to),
  };
}

/** Month-to-month moves between rungs: each calendar month of the period against the one before. */
function monthlyFlows(m: CommunityModel, from: number, to: number) {
  const months: { key: string; start: number; end: number }[] = [];
  // Starts a month early so the period's first month is compared with the one before it.
  const d = new Date(from);
  let start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  while (start < to) {
    const s = new Date(start);
    const end = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1);
    months.push({ key: monthKey(start), start, end: Math.min(end, to) });
    start = end;
  }
  const flows: { month: string; up: number; held: number; down: number }[] = [];
  let previous: ReturnType<typeof rungsOver> | undefined;
  for (const month of months) {
    const current = rungsOver(m, month.start, month.end, new Set());
    if (previous) {
      const people = new Set([...previous.reached, ...current.reached]);
      let up = 0;
      let held = 0;
      let down = 0;
      for (const id of people) {
        const before = rungOf(id, previous);
        const after = rungOf(id, current);
        if (after > before) up++;
        else if (after < before) down++;
        else held++;
      }
      flows.push({ month: month.key, up, held, down });
    }
    previous = current;
  }
  return flows;
}
