import { describe, expect, it } from 'vitest';
import { ACTIVE, CONTRIBUTED, Disclosure, MEMBER, isShareShown, shownParts } from './disclosure.js';
import { sponsorWelcomes } from './privacy.js';
import type { WelcomeFigures } from './welcomes.js';

const span = (did: number, from: number, to = 100) => ({ did, from, to });

describe('what a sponsor may see of counts of people', () => {
  it('shows a count that holds another only when they differ by 5 or more', () => {
    const d = new Disclosure([
      { key: 'members', n: 8, lo: span(MEMBER, 10), hi: span(MEMBER, 10) },
      // 6 of 8 contributed: 8 − 6 = 2 did not.
      { key: 'contributed', n: 6, lo: span(CONTRIBUTED, 10), hi: span(CONTRIBUTED, 10) },
      // Active in the last 30 days: within the members too, and 3 apart from them.
      { key: 'recent', n: 5, lo: span(ACTIVE, 70), hi: span(ACTIVE, 70) },
    ]);
    expect(d.show('members')).toBe(true);
    expect(d.show('contributed')).toBe(false);
    expect(d.show('recent')).toBe(false);
    expect(d.value('members')).toBe(8);
    expect(d.value('contributed')).toBeNull();
  });

  it('follows inclusion through a count that is not shown, and lets unrelated counts be', () => {
    const d = new Disclosure([
      { key: 'a', n: 20, within: ['b'] },
      { key: 'b', n: 40, within: ['c'] },
      { key: 'c', n: 22 },
      { key: 'other', n: 21 },
    ]);
    expect(d.show('a')).toBe(true);
    // c holds a through b: 22 − 20 = 2.
    expect(d.show('c')).toBe(false);
    expect(d.show('other')).toBe(true);
  });

  it('shows counts that follow from each other together or not at all', () => {
    const d = new Disclosure([
      { key: 'before', n: 12 },
      { key: 'gone', n: 5, within: ['before'] },
      // Those who stayed: 12 − 5 = 7, within the 9 active now: 2 newly active would follow.
      { key: 'stayed', n: 7, within: ['before', 'now'] },
      { key: 'now', n: 9 },
    ]);
    expect(d.show('before')).toBe(true);
    expect(d.show('now')).toBe(true);
    expect(d.show('gone', 'stayed')).toBe(false);
    expect(d.isShown('gone')).toBe(false);
  });

  it('lets two counts of the same people show the same number, and no other pair', () => {
    const same = { lo: span(ACTIVE, 10), hi: span(ACTIVE, 10) };
    const d = new Disclosure([
      { key: 'window', n: 9, ...same },
      { key: 'period', n: 9, ...same },
      { key: 'reached', n: 9, lo: span(ACTIVE, 10), hi: span(ACTIVE, 0) },
    ]);
    expect(d.show('window')).toBe(true);
    expect(d.show('period')).toBe(true);
    // Only known to hold the window's: equal, it says that no one else was reached.
    expect(d.show('reached')).toBe(false);
  });

  it('withholds a share with fewer than 5 on either side, 0 % and 100 % included', () => {
    expect(isShareShown(6, 8)).toBe(false);
    expect(isShareShown(0, 20)).toBe(false);
    expect(isShareShown(20, 20)).toBe(false);
    expect(isShareShown(5, 10)).toBe(true);
  });

  it('withholds one more part when the withheld ones add up to under 5', () => {
    // A total of 12: 2 withheld would follow from 12 − 10.
    expect(shownParts([10, 2], true)).toEqual([false, false]);
    expect(shownParts([10, 2], false)).toEqual([true, false]);
    expect(shownParts([6, 3, 3], true)).toEqual([true, false, false]);
    expect(shownParts([6, 7, 3], true)).toEqual([false, true, false]);
  });
});

describe('what a sponsor may see of the welcomes', () => {
  const figures = (w: Omit<WelcomeFigures, 'came_back_rate'>) => ({
    ...w,
    came_back_rate: w.came_back_30d / (w.welcomed - w.still_within_30d),
  });

  it('shows every part of 5 or more when the rest is 5 or more too', () => {
    // 20 welcomed: 12 by staff, 8 by members; 9 back, 5 still within, 6 neither.
    const w = figures({
      welcomed: 20,
      by_staff: 12,
      by_members: 8,
      came_back_30d: 9,
      still_within_30d: 5,
    });
    expect(sponsorWelcomes(w, true)).toEqual({ ...w, came_back_rate: 9 / 15 });
  });

  it('withholds a part that, subtracted from the total, would leave fewer than 5', () => {
    // 12 welcomed: 9 by staff, 3 by members (withheld), so 9 too (12 − 9 = 3). 6 back, 5 still
    // within, 1 neither: that 1 is under 5, so the smaller shown part (5) goes, and the rate.
    const w = figures({
      welcomed: 12,
      by_staff: 9,
      by_members: 3,
      came_back_30d: 6,
      still_within_30d: 5,
    });
    expect(sponsorWelcomes(w, true)).toEqual({
      welcomed: 12,
      by_staff: null,
      by_members: null,
      came_back_30d: 6,
      still_within_30d: null,
      came_back_rate: null,
    });
  });

  it('shows nothing under 5 welcomed, nor in a scope under 5 members', () => {
    const w = figures({
      welcomed: 4,
      by_staff: 4,
      by_members: 0,
      came_back_30d: 2,
      still_within_30d: 0,
    });
    expect(Object.values(sponsorWelcomes(w, true) ?? {})).toEqual(Array(6).fill(null));
    const big = figures({
      welcomed: 20,
      by_staff: 10,
      by_members: 10,
      came_back_30d: 10,
      still_within_30d: 5,
    });
    expect(Object.values(sponsorWelcomes(big, false) ?? {})).toEqual(Array(6).fill(null));
  });
});
