import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalendar, formatCoefficient, formatDecimal } from './index.js';

describe('formatCalendar', () => {
  const first = Date.parse('2026-09-01');
  const lateEvening = Date.parse('2026-08-31T23:30:00Z');
  // A server far east of UTC, where that evening is already 1 September: the analytics' days
  // are UTC days, whatever the server's zone.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Kiritimati';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes the analytics’ days and months in the reader’s language', () => {
    expect(formatCalendar('fr', lateEvening, 'day')).toBe('31 août 2026');
    expect(formatCalendar('fr', lateEvening, 'mediumDay')).toBe('31 août 2026');
    expect(formatCalendar('fr', lateEvening, 'shortDay')).toBe('31 août');
    expect(formatCalendar('fr', first, 'month')).toBe('sept. 2026');
    expect(formatCalendar('en', lateEvening, 'day')).toBe('August 31, 2026');
    expect(formatCalendar('en', lateEvening, 'mediumDay')).toBe('Aug 31, 2026');
    expect(formatCalendar('en', lateEvening, 'shortDay')).toBe('Aug 31');
    expect(formatCalendar('en', first, 'month')).toBe('Sep 2026');
  });

  it('writes the first of the month the French way, "1er"', () => {
    expect(formatCalendar('fr', first, 'day')).toBe('1er septembre 2026');
    expect(formatCalendar('fr', first, 'shortDay')).toBe('1er sept.');
    expect(formatCalendar('en', first, 'day')).toBe('September 1, 2026');
  });
});

describe('formatCoefficient', () => {
  it('keeps two decimals, where a measure keeps one', () => {
    // A Gini of 0.537 and one of 0.463 are not the same concentration.
    expect(formatCoefficient('fr', 0.537)).toBe('0,54');
    expect(formatCoefficient('fr', 0.463)).toBe('0,46');
    expect(formatDecimal('fr', 0.537)).toBe('0,5');
    expect(formatCoefficient('en', 1)).toBe('1.00');
    expect(formatCoefficient('en', 0.9907)).toBe('0.99');
  });
});
