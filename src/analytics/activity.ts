import type { ScopeFacts } from './facts.js';
import { monthOf } from './rollup/scopes.js';
import { DAY, dayKey, isoWeek, monthKey, ratio } from './stats.js';

export function activity(f: ScopeFacts) {
  const days = f.daily.map((d) => ({ date: dayKey(d.start * DAY), dau: d.active }));
  const meanDau = days.length ? days.reduce((a, d) => a + d.dau, 0) / days.length : 0;
  // The ISO week is named after its Thursday.
  const weekly = f.weekly.map((w) => ({ week: isoWeek((w.start + 3) * DAY), wau: w.active }));
  const meanMau = f.monthly.length
    ? f.monthly.reduce((a, m) => a + m.active, 0) / f.monthly.length
    : 0;
  return {
    daily: days,
    weekly,
    monthly: monthly(f),
    stickiness: ratio(meanDau, meanMau),
    growth: [...f.growthByMonth.values()].reduce((a, n) => a + n, 0),
    churn: f.churnedMembers.length,
    churn_rate: ratio(f.churnedMembers.length, f.recent.activeBefore),
    active_last_30d: f.recent.active,
  };
}

/**
 * Each month of the period, a silent one too: its active members, its own stickiness (mean daily
 * active over its days in the period ÷ its active), new members, and those gone since the month
 * before (null until the month is over).
 */
function monthly(f: ScopeFacts) {
  const active = new Map(f.monthly.map((m) => [m.start, m.active]));
  // Each month's days in the period: their daily active members added up, and how many days.
  const days = new Map<number, { total: number; count: number }>();
  for (const d of f.daily) {
    const month = monthOf(d.start);
    const sum = days.get(month) ?? { total: 0, count: 0 };
    sum.total += d.active;
    sum.count++;
    days.set(month, sum);
  }
  return f.moves.map(({ month, gone }) => {
    const mau = active.get(month) ?? 0;
    const sum = days.get(month);
    return {
      month: monthKey(month * DAY),
      mau,
      stickiness: ratio(sum ? sum.total / sum.count : 0, mau),
      growth: f.growthByMonth.get(month) ?? 0,
      churn: gone,
    };
  });
}
