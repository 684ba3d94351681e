import type { Random } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Every generated date lies within this many days before `now`. */
export const WINDOW_DAYS = 365;

/** Activity at the end of the year is about this many times the activity at its start. */
const GROWTH = 3.5;
const K = Math.log(GROWTH);

/** Hours of the day people post, weighted: lunch break and evenings dominate. */
const HOUR_WEIGHTS = [
  0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 7, 6, 9, 8, 6, 6, 6, 7, 9, 10, 9, 7, 4, 1,
] as const;
const HOUR_TOTAL = HOUR_WEIGHTS.reduce<number>((sum, w) => sum + w, 0);

export class Clock {
  readonly start: number;

  constructor(readonly now: number) {
    this.start = now - WINDOW_DAYS * DAY;
  }

  daysAgo(days: number): number {
    return Math.round(this.now - days * DAY);
  }

  /** A moment in [from, to] drawn from the growth curve, so recent months are busier. */
  grown(rng: Random, from: number, to: number): number {
    const span = this.now - this.start;
    const a = Math.exp((K * (Math.max(from, this.start) - this.start)) / span);
    const b = Math.exp((K * (Math.min(to, this.now) - this.start)) / span);
    const x = Math.log(a + rng.next() * (b - a)) / K;
    return Math.round(this.start + x * span);
  }

  /** Like `grown`, with a weekly rhythm (quieter weekends) and realistic hours of the day. */
  busy(rng: Random, from: number, to: number): number {
    for (let attempt = 0; attempt < 30; attempt++) {
      const day = this.grown(rng, from, to);
      if (isWeekend(day) && rng.chance(0.55)) continue;
      const at = Math.floor(day / DAY) * DAY + pickHour(rng) * HOUR + rng.int(0, 59) * MINUTE;
      if (at >= from && at <= to) return at;
    }
    return this.grown(rng, from, to);
  }
}

/** Saturday or Sunday (UTC). Day 0 of the epoch was a Thursday. */
export function isWeekend(at: number): boolean {
  const day = (Math.floor(at / DAY) + 4) % 7;
  return day === 0 || day === 6;
}

/** Many weekend reactions wait until the next working day. */
export function weekdayShift(rng: Random, at: number): number {
  let t = at;
  while (isWeekend(t) && rng.chance(0.45)) t += rng.int(10, 30) * HOUR;
  return t;
}

function pickHour(rng: Random): number {
  let r = rng.next() * HOUR_TOTAL;
  for (let hour = 0; hour < HOUR_WEIGHTS.length; hour++) {
    r -= HOUR_WEIGHTS[hour] ?? 0;
    if (r < 0) return hour;
  }
  return 12;
}
