import cronParser from 'cron-parser';
import type { Frequency } from './kinds.js';

const DAY_MS = 86_400_000;
/** A pulse never reaches further back than this, however long the member was away. */
export const LONGEST_WINDOW_MS = 31 * DAY_MS;

// The member's local morning: Monday 08:00 for the weekly pulse, 08:00 each day for the daily.
const moments: Record<Exclude<Frequency, 'never'>, string> = {
  weekly: '0 8 * * 1',
  daily: '0 8 * * *',
};

/**
 * The member's latest pulse moment at or before `at` (epoch ms), in their time zone, summer and
 * winter: the period a pulse sent now belongs to. Memoised per zone and frequency, since a run
 * asks it of every member and they share a few zones.
 */
export function createPeriods(at: number) {
  const memo = new Map<string, number>();
  return (frequency: Exclude<Frequency, 'never'>, timeZone: string): number => {
    const key = `${frequency} ${timeZone}`;
    let period = memo.get(key);
    if (period === undefined) {
      const cron = cronParser.parseExpression(moments[frequency], {
        currentDate: new Date(at + 1),
        tz: timeZone,
      });
      period = cron.prev().getTime();
      memo.set(key, period);
    }
    return period;
  };
}

export function periodLengthMs(frequency: Exclude<Frequency, 'never'>): number {
  return frequency === 'daily' ? DAY_MS : 7 * DAY_MS;
}

/**
 * Due when the member's latest moment has come and was not handled yet, and came after they
 * joined (a member who signed up on Tuesday has their first pulse the next Monday).
 */
export function isDue(
  member: { created_at: number; last_period_at: number | null },
  period: number,
): boolean {
  return period > (member.last_period_at ?? member.created_at);
}

/** Where a member's pulse starts: their last one, or a period ago for the first. */
export function sinceFor(
  member: { last_sent_at: number | null },
  frequency: Exclude<Frequency, 'never'>,
  at: number,
): number {
  const since = member.last_sent_at ?? at - periodLengthMs(frequency);
  return Math.max(since, at - LONGEST_WINDOW_MS);
}
