import type { CommunityModel } from './model.js';
import { DAY, dayKey, isoWeek, monthKey, ratio } from './stats.js';

/** Every (member, time, group) where a non-staff member visited, reacted or contributed. */
export function activeEvents(m: CommunityModel) {
  const out: { actor: number; at: number; group: number | null }[] = [];
  for (const list of [m.contributions, m.reactions, m.visits]) {
    for (const e of list)
      if (!m.staff.has(e.actor)) out.push({ actor: e.actor, at: e.at, group: e.group });
  }
  return out;
}

function distinctBy(events: { actor: number; at: number }[], key: (at: number) => string) {
  const sets = new Map<string, Set<number>>();
  for (const e of events) {
    const k = key(e.at);
    const s = sets.get(k) ?? new Set<number>();
    s.add(e.actor);
    sets.set(k, s);
  }
  return sets;
}

export function activeBetween(
  events: { actor: number; at: number }[],
  from: number,
  to: number,
): Set<number> {
  return new Set(events.filter((e) => e.at >= from && e.at < to).map((e) => e.actor));
}

export function activity(m: CommunityModel, from: number, to: number) {
  const events = activeEvents(m);
  const inPeriod = events.filter((e) => e.at >= from && e.at < to);
  const daily = distinctBy(inPeriod, dayKey);
  const weekly = distinctBy(inPeriod, isoWeek);
  const monthly = distinctBy(inPeriod, monthKey);
  const days: { date: string; dau: number }[] = [];
  for (let t = Date.parse(`${dayKey(from)}T00:00:00Z`); t < to; t += DAY)
    days.push({ date: dayKey(t), dau: daily.get(dayKey(t))?.size ?? 0 });
  const meanDau = days.length ? days.reduce((a, d) => a + d.dau, 0) / days.length : 0;
  const mau = [...monthly].map(([month, s]) => ({ month, mau: s.size }));
  const meanMau = mau.length ? mau.reduce((a, x) => a + x.mau, 0) / mau.length : 0;
  const joinedInPeriod = [...m.joinedAt].filter(
    ([id, at]) => at >= from && at < to && !m.staff.has(id),
  ).length;
  const last30 = activeBetween(events, to - 30 * DAY, to);
  const previous30 = activeBetween(events, to - 60 * DAY, to - 30 * DAY);
  const churned = [...previous30].filter((id) => !last30.has(id)).length;
  return {
    daily: days,
    weekly: [...weekly].map(([week, s]) => ({ week, wau: s.size })),
    monthly: mau,
    stickiness: ratio(meanDau, meanMau),
    growth: joinedInPeriod,
    churn: churned,
    churn_rate: ratio(churned, previous30.size),
    active_last_30d: last30.size,
  };
}
