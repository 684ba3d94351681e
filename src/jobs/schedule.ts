import cronParser from 'cron-parser';

/**
 * When a job runs by itself: every `everyMs` milliseconds, on boundaries counted from the epoch
 * (every hour: at each o'clock, UTC), or at the times of a cron expression (five fields, or six
 * with seconds first) read in an IANA time zone: `{ cron: '0 8 * * 1', timeZone: 'Europe/Paris' }`
 * is each Monday at 08:00 in Paris, summer and winter.
 */
export type Schedule = { everyMs: number } | { cron: string; timeZone: string };

export function checkSchedule(name: string, schedule: Schedule): void {
  if ('everyMs' in schedule) {
    if (!Number.isInteger(schedule.everyMs) || schedule.everyMs < 1000)
      throw new Error(`Job ${name}: a schedule's everyMs must be a whole 1,000 or more.`);
    return;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.timeZone });
  } catch (err) {
    throw new Error(`Job ${name}: "${schedule.timeZone}" is not a time zone.`, { cause: err });
  }
  try {
    cronParser.parseExpression(schedule.cron, { tz: schedule.timeZone }).next();
  } catch (err) {
    throw new Error(`Job ${name}: "${schedule.cron}" is not a cron expression.`, { cause: err });
  }
}

/** The schedule's last occurrence at or before `at` (epoch ms): the one that should have run. */
export function latestOccurrence(schedule: Schedule, at: number): number {
  if ('everyMs' in schedule) return Math.floor(at / schedule.everyMs) * schedule.everyMs;
  // `prev()` is strictly before its current date: one millisecond on, an occurrence at `at` counts.
  const cron = cronParser.parseExpression(schedule.cron, {
    currentDate: new Date(at + 1),
    tz: schedule.timeZone,
  });
  return cron.prev().getTime();
}

/**
 * The key of one occurrence, the same on every instance: whichever enqueues it first takes the
 * key, the others find it taken, so the occurrence runs once.
 */
export function occurrenceKey(jobName: string, occurrence: number): string {
  return `schedule:${jobName}:${new Date(occurrence).toISOString()}`;
}
