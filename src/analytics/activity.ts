import type { DayRow, ScopeFacts } from './facts.js';
import { dayOf } from './rollup/scopes.js';
import { monthOfDay, weekLabel, weekOfDay } from './stats-days.js';
import { dayKey, DAY, ratio } from './stats.js';

/** Distinct non-staff members with a visit, reaction or contribution on days [fromDay, toDay). */
export function activeBetween(
  rows: DayRow[],
  staff: Set<number>,
  fromDay: number,
  toDay: number,
): Set<number> {
  const active = new Set<number>();
  for (const d of rows)
    if (d.day >= fromDay && d.day < toDay && !staff.has(d.member)) active.add(d.member);
  return active;
}

function distinctBy<K>(rows: DayRow[], key: (day: number) => K): Map<K, Set<number>> {
  const sets = new Map<K, Set<number>>();
  for (const d of rows) {
    const k = key(d.day);
    let s = sets.get(k);
    if (!s) {
      s = new Set();
      sets.set(k, s);
    }
    s.add(d.member);
  }
  return sets;
}

export function activity(f: ScopeFacts) {
  const fromDay = dayOf(f.from);
  const toDay = dayOf(f.to);
  const inPeriod = f.days.filter(
    (d) => d.day >= fromDay && d.day < toDay && !f.staff.has(d.member),
  );
  // A scope has one row per member and day: counting rows counts members.
  const dauByDay = new Map<number, number>();
  for (const d of inPeriod) dauByDay.set(d.day, (dauByDay.get(d.day) ?? 0) + 1);
  const days: { date: string; dau: number }[] = [];
  for (let day = fromDay; day < toDay; day++)
    days.push({ date: dayKey(day * DAY), dau: dauByDay.get(day) ?? 0 });
  const meanDau = days.length ? days.reduce((a, d) => a + d.dau, 0) / days.length : 0;
  const weekly = [...distinctBy(inPeriod, weekOfDay)]
    .sort((a, b) => a[0] - b[0])
    .map(([week, s]) => ({ week: weekLabel(week), wau: s.size }));
  const mau = [...distinctBy(inPeriod, monthOfDay)]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, s]) => ({ month, mau: s.size }));
  const meanMau = mau.length ? mau.reduce((a, x) => a + x.mau, 0) / mau.length : 0;
  let growth = 0;
  for (const [id, at] of f.firstJoined) if (at >= f.from && at < f.to && !f.staff.has(id)) growth++;
  const last30 = activeBetween(f.days, f.staff, toDay - 30, toDay);
  const previous30 = activeBetween(f.days, f.staff, toDay - 60, toDay - 30);
  let churned = 0;
  for (const id of previous30) if (!last30.has(id)) churned++;
  return {
    daily: days,
    weekly,
    monthly: mau,
    stickiness: ratio(meanDau, meanMau),
    growth,
    churn: churned,
    churn_rate: ratio(churned, previous30.size),
    active_last_30d: last30.size,
  };
}
