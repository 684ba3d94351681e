import { DAY, isoWeek, monthKey } from './stats.js';

/** The ISO week of a day, as the day number of its Thursday (unique per ISO week). */
export function weekOfDay(day: number): number {
  const mondayBased = (day + 3) % 7; // 1970-01-01 was a Thursday
  return day - mondayBased + 3;
}

export function weekLabel(thursday: number): string {
  return isoWeek(thursday * DAY);
}

const months = new Map<number, string>();
/** The calendar month (YYYY-MM, UTC) of a day; cached, as a year of rows asks it millions of times. */
export function monthOfDay(day: number): string {
  let m = months.get(day);
  if (m === undefined) {
    m = monthKey(day * DAY);
    months.set(day, m);
  }
  return m;
}
