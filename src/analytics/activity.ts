import type { ScopeFacts } from './facts.js';
import { DAY, dayKey, isoWeek, monthKey, ratio } from './stats.js';

export function activity(f: ScopeFacts) {
  const days = f.daily.map((d) => ({ date: dayKey(d.start * DAY), dau: d.active }));
  const meanDau = days.length ? days.reduce((a, d) => a + d.dau, 0) / days.length : 0;
  // The ISO week is named after its Thursday.
  const weekly = f.weekly.map((w) => ({ week: isoWeek((w.start + 3) * DAY), wau: w.active }));
  const mau = f.monthly.map((m) => ({ month: monthKey(m.start * DAY), mau: m.active }));
  const meanMau = mau.length ? mau.reduce((a, x) => a + x.mau, 0) / mau.length : 0;
  return {
    daily: days,
    weekly,
    monthly: mau,
    stickiness: ratio(meanDau, meanMau),
    growth: f.growth,
    churn: f.churned,
    churn_rate: ratio(f.churned, f.recent.activeBefore),
    active_last_30d: f.recent.active,
  };
}
