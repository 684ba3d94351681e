import { DAY } from '../stats.js';

/**
 * Where a figure is computed: the whole instance (0, 0), a community (c, 0) or one of its
 * groups (c, g). Roll-up rows carry the scope so each cockpit reads its own rows only.
 */
export interface Scope {
  communityId: number;
  groupId: number;
}

export const instanceScope: Scope = { communityId: 0, groupId: 0 };

/** The scopes an action in a community (and maybe a group) counts in, widest first. */
export function scopesOf(communityId: number, groupId: number | null): Scope[] {
  const scopes = [instanceScope, { communityId, groupId: 0 }];
  if (groupId !== null) scopes.push({ communityId, groupId });
  return scopes;
}

/** Whole UTC days since 1970-01-01: the grain of the daily roll-ups. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY);
}

export type Grain = 'day' | 'week' | 'month';
export const grains: Grain[] = ['day', 'week', 'month'];

/** The ISO week of a day, as the day number of its Monday (1970-01-01 was a Thursday). */
export function weekOf(day: number): number {
  return day - ((day + 3) % 7);
}

const months = new Map<number, number>();

/** The calendar month (UTC) of a day, as the day number of its first day. */
export function monthOf(day: number): number {
  let month = months.get(day);
  if (month === undefined) {
    const d = new Date(day * DAY);
    month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
    // Days repeat across millions of log rows; a century of them is 36,525 entries.
    if (months.size < 100_000) months.set(day, month);
  }
  return month;
}

/** The first day of the month after the one starting on `month`. */
export function nextMonth(month: number): number {
  const d = new Date(month * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
}

export function bucketOf(grain: Grain, day: number): number {
  if (grain === 'day') return day;
  return grain === 'week' ? weekOf(day) : monthOf(day);
}

/** The first day of the month before the one starting on `month`. */
export function previousMonth(month: number): number {
  const d = new Date(month * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / DAY;
}
