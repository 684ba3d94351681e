import type { ScopeFacts } from './facts.js';
import { gini, ratio } from './stats.js';

/** Contributions per non-staff member over days [fromDay, toDay). */
export function contributionsPerMember(f: ScopeFacts, fromDay: number, toDay: number) {
  const per = new Map<number, { n: number; lastDay: number }>();
  for (const d of f.days) {
    if (d.contributions <= 0 || d.day < fromDay || d.day >= toDay || f.staff.has(d.member))
      continue;
    const e = per.get(d.member) ?? { n: 0, lastDay: d.day };
    e.n += d.contributions;
    e.lastDay = Math.max(e.lastDay, d.day);
    per.set(d.member, e);
  }
  return per;
}

/** CHAOSS contributor absence factor and friends, over the window, non-staff contributors. */
export function concentration(f: ScopeFacts, fromDay: number, toDay: number) {
  const amounts = [...contributionsPerMember(f, fromDay, toDay).values()]
    .map((e) => e.n)
    .sort((a, b) => b - a);
  const total = amounts.reduce((a, b) => a + b, 0);
  const top = Math.ceil(amounts.length * 0.1);
  let running = 0;
  let absence = 0;
  for (const x of amounts) {
    if (running * 2 >= total) break;
    running += x;
    absence += 1;
  }
  return {
    contributors: amounts.length,
    contributions: total,
    top10_share: ratio(
      amounts.slice(0, top).reduce((a, b) => a + b, 0),
      total,
    ),
    absence_factor: total === 0 ? null : absence,
    gini: gini(amounts),
  };
}
