import { describe, expect, it } from 'vitest';
import { REGULAR_GRACE_MS, levelFor, nextRequirements } from './levels.js';

const none = {
  visitDays: 0,
  views: 0,
  topicsEntered: 0,
  topicsReplied: 0,
  reactionsGiven: 0,
  reactionsReceived: 0,
};
const noWindow = { visitDays: 0, views: 0, replies: 0, reactionsGiven: 0, reactionsReceived: 0 };
const basicLife = { ...none, topicsEntered: 5, views: 10 };
const memberLife = {
  visitDays: 15,
  views: 35,
  topicsEntered: 20,
  topicsReplied: 3,
  reactionsGiven: 1,
  reactionsReceived: 1,
};
const regularWindow = {
  visitDays: 50,
  views: 100,
  replies: 10,
  reactionsGiven: 30,
  reactionsReceived: 20,
};
const at = 1_000 * 86_400_000;
const standing = (level: 0 | 1 | 2 | 3 | 4, locked = false, since = at) => ({
  level,
  locked,
  since,
});

describe('levelFor', () => {
  it('earns each level on its thresholds, and not one short of them', () => {
    expect(levelFor(standing(0), basicLife, noWindow, at)).toBe(1);
    expect(levelFor(standing(0), { ...basicLife, views: 9 }, noWindow, at)).toBe(0);
    expect(levelFor(standing(0), memberLife, noWindow, at)).toBe(2);
    expect(levelFor(standing(1), { ...memberLife, topicsReplied: 2 }, noWindow, at)).toBe(1);
    expect(levelFor(standing(2), memberLife, regularWindow, at)).toBe(3);
    // The window alone is not enough: a regular is a member first.
    expect(levelFor(standing(0), basicLife, regularWindow, at)).toBe(1);
  });

  it('never lowers levels 0 to 2, keeps a locked level and a leader', () => {
    expect(levelFor(standing(2), none, noWindow, at)).toBe(2);
    expect(levelFor(standing(0, true), memberLife, regularWindow, at)).toBe(0);
    expect(levelFor(standing(4), none, noWindow, at)).toBe(4);
  });

  it('keeps a regular through the grace period, then brings them back to member', () => {
    expect(levelFor(standing(3, false, at - REGULAR_GRACE_MS + 1), memberLife, noWindow, at)).toBe(
      3,
    );
    expect(levelFor(standing(3, false, at - REGULAR_GRACE_MS), memberLife, noWindow, at)).toBe(2);
    expect(levelFor(standing(3, false, 0), memberLife, regularWindow, at)).toBe(3);
  });
});

describe('nextRequirements', () => {
  it('lists the next level’s rules with the member’s counts, none at regular or locked', () => {
    const next = nextRequirements(standing(0), { ...none, views: 4 }, noWindow);
    expect(next?.level).toBe(1);
    expect(next?.requirements).toEqual([
      { rule: 'topicsEntered', windowed: false, have: 0, need: 5 },
      { rule: 'views', windowed: false, have: 4, need: 10 },
    ]);
    expect(nextRequirements(standing(2), memberLife, noWindow)?.requirements[0]?.windowed).toBe(
      true,
    );
    expect(nextRequirements(standing(3), memberLife, regularWindow)).toBeNull();
    expect(nextRequirements(standing(1, true), memberLife, noWindow)).toBeNull();
  });
});
