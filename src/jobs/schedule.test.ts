import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './define.js';
import { latestOccurrence, occurrenceKey } from './schedule.js';

const at = (iso: string) => Date.parse(iso);

describe('a schedule’s occurrences', () => {
  it('counts an interval from the epoch: every hour is each o’clock, on every instance alike', () => {
    const hourly = { everyMs: 3_600_000 };
    expect(latestOccurrence(hourly, at('2026-10-05T09:59:59.999Z'))).toBe(at('2026-10-05T09:00Z'));
    expect(latestOccurrence(hourly, at('2026-10-05T10:00:00.000Z'))).toBe(at('2026-10-05T10:00Z'));
  });

  it('reads a cron expression in its time zone, summer and winter', () => {
    const mondayMorning = { cron: '0 8 * * 1', timeZone: 'Europe/Paris' };
    // Summer time (UTC+2), then winter time (UTC+1): 08:00 in Paris both times.
    expect(latestOccurrence(mondayMorning, at('2026-10-19T12:00Z'))).toBe(at('2026-10-19T06:00Z'));
    expect(latestOccurrence(mondayMorning, at('2026-11-02T12:00Z'))).toBe(at('2026-11-02T07:00Z'));
    // At 08:00 sharp it is due; a minute before, last Monday's was the latest.
    expect(latestOccurrence(mondayMorning, at('2026-11-02T07:00Z'))).toBe(at('2026-11-02T07:00Z'));
    expect(latestOccurrence(mondayMorning, at('2026-11-02T06:59Z'))).toBe(at('2026-10-26T07:00Z'));
  });

  it('keys an occurrence by its job and its time', () => {
    expect(occurrenceKey('own-data.due-deletions', at('2026-10-05T09:00Z'))).toBe(
      'schedule:own-data.due-deletions:2026-10-05T09:00:00.000Z',
    );
  });

  it('refuses a definition it could not run, when it is written', () => {
    const base = { payload: z.object({}), handler: () => Promise.resolve() };
    expect(() => defineJob({ ...base, name: 'Pas Un Nom' })).toThrow(/not valid/);
    expect(() =>
      defineJob({
        ...base,
        name: 'a.b',
        schedule: { cron: '0 8 * * 1', timeZone: 'Mars/Olympus' },
      }),
    ).toThrow(/not a time zone/);
    expect(() =>
      defineJob({ ...base, name: 'a.b', schedule: { cron: 'chaque lundi', timeZone: 'UTC' } }),
    ).toThrow(/not a cron expression/);
    expect(() => defineJob({ ...base, name: 'a.b', schedule: { everyMs: 10 } })).toThrow(/1,000/);
    expect(() => defineJob({ ...base, name: 'a.b', backoffSeconds: 0.5 })).toThrow(/backoff/);
    expect(() =>
      defineJob({
        name: 'a.b',
        payload: z.object({ userId: z.number() }),
        schedule: { everyMs: 60_000 },
        handler: () => Promise.resolve(),
      }),
    ).toThrow(/does not fit/);
  });
});
