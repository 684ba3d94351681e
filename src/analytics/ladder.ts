import type { Circle } from './circles.js';
import type { DayRow, ScopeFacts } from './facts.js';
import { dayOf } from './rollup/scopes.js';
import { monthOfDay } from './stats-days.js';
import { ratio } from './stats.js';

/** A member's rung: 3 engaged, 2 interacting, 1 reached. */
function rungOfDay(d: DayRow): number {
  if (d.commitments > 0) return 3;
  if (d.contributions > 0 || d.reactions > 0) return 2;
  return d.visits > 0 ? 1 : 0;
}

/** Each non-staff member's highest rung over a run of days. */
function rungs(f: ScopeFacts, fromDay: number, toDay: number): Map<number, number> {
  const best = new Map<number, number>();
  for (const d of f.days) {
    if (d.day < fromDay || d.day >= toDay || f.staff.has(d.member)) continue;
    const r = rungOfDay(d);
    if (r > (best.get(d.member) ?? 0)) best.set(d.member, r);
  }
  return best;
}

/** Seed 000's ladder over [from, to): core members at `to` count as engaged. */
export function ladder(f: ScopeFacts, circles: Map<number, Circle>) {
  const best = rungs(f, dayOf(f.from), dayOf(f.to));
  for (const [id, c] of circles) if (c === 'core') best.set(id, 3);
  let reached = 0;
  let interacting = 0;
  let engaged = 0;
  for (const r of best.values()) {
    if (r >= 1) reached++;
    if (r >= 2) interacting++;
    if (r >= 3) engaged++;
  }
  return {
    reached,
    interacting,
    engaged,
    conversion: {
      interacting_per_reached: ratio(interacting, reached),
      engaged_per_interacting: ratio(engaged, interacting),
    },
    flows: monthlyFlows(f),
  };
}

/** Month-to-month moves between rungs: each calendar month of the period against the one before. */
function monthlyFlows(f: ScopeFacts) {
  // Starts a month early so the period's first month is compared with the one before it.
  const d = new Date(f.from);
  const firstMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  const byMonth = new Map<string, Map<number, number>>();
  const toDay = dayOf(f.to);
  for (const row of f.days) {
    if (row.day < dayOf(firstMonth) || row.day >= toDay || f.staff.has(row.member)) continue;
    const key = monthOfDay(row.day);
    let m = byMonth.get(key);
    if (!m) {
      m = new Map();
      byMonth.set(key, m);
    }
    const r = rungOfDay(row);
    if (r > (m.get(row.member) ?? 0)) m.set(row.member, r);
  }
  const flows: { month: string; up: number; held: number; down: number }[] = [];
  let start = firstMonth;
  let previous: Map<number, number> | undefined;
  while (start < f.to) {
    const key = monthOfDay(dayOf(start));
    const current = byMonth.get(key) ?? new Map<number, number>();
    if (previous) {
      let up = 0;
      let held = 0;
      let down = 0;
      for (const [id, after] of current) {
        const before = previous.get(id) ?? 0;
        if (after > before) up++;
        else if (after < before) down++;
        else held++;
      }
      for (const id of previous.keys()) if (!current.has(id)) down++;
      flows.push({ month: key, up, held, down });
    }
    previous = current;
    const s = new Date(start);
    start = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1);
  }
  return flows;
}
