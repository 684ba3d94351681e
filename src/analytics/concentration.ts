import type { ScopeFacts } from './facts.js';
import { gini, ratio } from './stats.js';

/** CHAOSS contributor absence factor and friends, over the window, non-staff contributors. */
export function concentration(f: ScopeFacts) {
  const amounts = f.window.contributions.filter((n) => n > 0).sort((a, b) => b - a);
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
    curve: curveOf(amounts, total),
  };
}

/**
 * The concentration curve: for the most active 10 %, 20 % … 100 % of contributors (each rounded
 * up to whole people, as `top10_share`), their share of all contributions. Its first point is
 * `top10_share`; a community where all contribute alike would follow the diagonal.
 */
function curveOf(amounts: number[], total: number) {
  const cumulative: number[] = [];
  let running = 0;
  for (const x of amounts) cumulative.push((running += x));
  return Array.from({ length: 10 }, (_, k) => {
    const people = Math.ceil((amounts.length * (k + 1)) / 10);
    return { top: (k + 1) / 10, share: ratio(cumulative[people - 1] ?? 0, total) };
  });
}
