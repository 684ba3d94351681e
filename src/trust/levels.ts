/**
 * What earns each trust level (docs/moderation.md, "Trust levels"): Discourse's TL1–TL3 defaults
 * adapted to what Ruche's activity log records. Ruche logs topic pages opened (content.viewed),
 * not posts read nor minutes spent reading, so "views" (topic pages opened) stands for both.
 * TL4 is only ever set by hand.
 */
export const trustLevels = [0, 1, 2, 3, 4] as const;
export type TrustLevel = (typeof trustLevels)[number];

export function isTrustLevel(n: number): n is TrustLevel {
  return Number.isInteger(n) && n >= 0 && n <= 4;
}

/** A member's lifetime counters, as the level job keeps them (trust_levels). */
export interface LifetimeCounts {
  visitDays: number;
  views: number;
  topicsEntered: number;
  topicsReplied: number;
  reactionsGiven: number;
  reactionsReceived: number;
}

/** A member's counts over the regular level's window (trust_days, the last 100 days). */
export interface WindowCounts {
  visitDays: number;
  views: number;
  replies: number;
  reactionsGiven: number;
  reactionsReceived: number;
}

export type LifetimeRule = keyof LifetimeCounts;
export type WindowRule = keyof WindowCounts;

/** Basic (TL1): enough reading to know the place. */
export const basic: Partial<Record<LifetimeRule, number>> = { topicsEntered: 5, views: 10 };

/** Member (TL2): coming back, and taking part a little. */
export const member: Partial<Record<LifetimeRule, number>> = {
  visitDays: 15,
  topicsEntered: 20,
  views: 35,
  topicsReplied: 3,
  reactionsGiven: 1,
  reactionsReceived: 1,
};

/** Regular (TL3): over the last `WINDOW_DAYS`, kept while it holds (after a grace period). */
export const regular: Record<WindowRule, number> = {
  visitDays: 50,
  views: 100,
  replies: 10,
  reactionsGiven: 30,
  reactionsReceived: 20,
};

export const WINDOW_DAYS = 100;
/** A regular keeps the level this long after reaching it, even if the window no longer holds. */
export const REGULAR_GRACE_MS = 14 * 86_400_000;
/** The most distinct topics a count needs to know of: counting stops there. */
export const TOPICS_CAP = {
  entered: member.topicsEntered ?? 0,
  replied: member.topicsReplied ?? 0,
};

function meets<K extends string>(
  rules: Partial<Record<K, number>>,
  counts: Record<K, number>,
): boolean {
  return (Object.keys(rules) as K[]).every((k) => counts[k] >= (rules[k] ?? 0));
}

export interface Standing {
  level: TrustLevel;
  locked: boolean;
  /** When the level last changed. */
  since: number;
}

/**
 * The level a member holds after the job looked at their counts at `at`. A locked level, and
 * TL4, stay as they are; TL0–TL2 never go down by themselves (as Discourse); a regular (TL3)
 * goes back to member once the window no longer holds and the grace period is over.
 */
export function levelFor(
  s: Standing,
  life: LifetimeCounts,
  window: WindowCounts,
  at: number,
): TrustLevel {
  if (s.locked || s.level === 4) return s.level;
  let earned: TrustLevel = 0;
  if (meets(basic, life)) earned = 1;
  if (earned === 1 && meets(member, life)) earned = 2;
  const level = Math.max(Math.min(s.level, 2), earned) as TrustLevel;
  if (level === 2 && meets(regular, window)) return 3;
  if (s.level === 3 && at - s.since < REGULAR_GRACE_MS) return 3;
  return level;
}

/** One requirement of the next level, with the member's count. */
export interface Requirement {
  rule: LifetimeRule | WindowRule;
  /** Over the last `WINDOW_DAYS` days (the regular level), else since the account began. */
  windowed: boolean;
  have: number;
  need: number;
}

/** What the next earnable level asks, or null when none is (TL3 and up, or a locked level). */
export function nextRequirements(
  s: Standing,
  life: LifetimeCounts,
  window: WindowCounts,
): { level: TrustLevel; requirements: Requirement[] } | null {
  if (s.locked || s.level >= 3) return null;
  if (s.level === 2)
    return {
      level: 3,
      requirements: (Object.keys(regular) as WindowRule[]).map((rule) => ({
        rule,
        windowed: true,
        have: window[rule],
        need: regular[rule],
      })),
    };
  const rules = s.level === 0 ? basic : member;
  return {
    level: s.level === 0 ? 1 : 2,
    requirements: (Object.keys(rules) as LifetimeRule[]).map((rule) => ({
      rule,
      windowed: false,
      have: life[rule],
      need: rules[rule] ?? 0,
    })),
  };
}
