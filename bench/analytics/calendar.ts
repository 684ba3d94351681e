export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Events per hour of the day (UTC), relative: quiet nights, lunch break and evenings busiest. */
const HOUR_WEIGHTS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 5, 6.5, 7, 6.5, 8.5, 8, 6.5, 6.5, 6.5, 7, 8.5, 9.5, 9, 7, 4.5,
  2,
] as const;
const HOUR_TOTAL = HOUR_WEIGHTS.reduce<number>((sum, w) => sum + w, 0);
/** Weekend days see about this share of a weekday's activity. */
const WEEKEND = 0.55;

/** Saturday or Sunday (UTC); day 0 of the epoch was a Thursday. */
export function isWeekend(at: number): boolean {
  const day = (Math.floor(at / DAY) + 4) % 7;
  return day === 0 || day === 6;
}

/** The share of a day's events that fall in each hour, and the weight of the day itself. */
export function hourShare(hour: number): number {
  return (HOUR_WEIGHTS[hour] ?? 0) / HOUR_TOTAL;
}

export function dayFactor(dayStart: number): number {
  return isWeekend(dayStart) ? WEEKEND : 1;
}
