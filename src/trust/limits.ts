import { AppError } from '../http/index.js';
import { countLinks } from '../markdown/index.js';
import type { Db } from '../db/index.js';
import type { TrustLevel } from './levels.js';
import * as store from './store.js';

/** What a member may do at one trust level; 0 means no cap. */
export interface LevelLimits {
  /** Links and images in posts. */
  links: boolean;
  /** Topics and replies together, in any 24 hours. */
  postsPerDay: number;
  /** The least time between two of one's posts, in seconds. */
  secondsBetweenPosts: number;
  /** Private messages (first ones and answers), in any 24 hours. */
  messagesPerDay: number;
  /** Flags raised, in any 24 hours. */
  flagsPerDay: number;
}

/**
 * The limits of each level, relaxing as trust grows (docs/moderation.md, "Trust levels", says
 * where each number comes from). Staff of the community, instance admins and system and team
 * accounts are held to none.
 */
export const levelLimits: Record<TrustLevel, LevelLimits> = {
  0: { links: false, postsPerDay: 10, secondsBetweenPosts: 30, messagesPerDay: 20, flagsPerDay: 3 },
  1: { links: true, postsPerDay: 50, secondsBetweenPosts: 5, messagesPerDay: 50, flagsPerDay: 20 },
  2: { links: true, postsPerDay: 0, secondsBetweenPosts: 0, messagesPerDay: 0, flagsPerDay: 30 },
  3: { links: true, postsPerDay: 0, secondsBetweenPosts: 0, messagesPerDay: 0, flagsPerDay: 40 },
  4: { links: true, postsPerDay: 0, secondsBetweenPosts: 0, messagesPerDay: 0, flagsPerDay: 60 },
};

const DAY = 86_400_000;

/** A wait as a refusal says it: hours past one, else minutes (both rounded up). */
function waitParams(waitMs: number) {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return minutes >= 60 ? { hours: Math.ceil(minutes / 60), minutes: 0 } : { hours: 0, minutes };
}

function tooMany(messageKey: string, max: number, waitMs: number): AppError {
  return new AppError('rate_limited', {
    messageKey,
    params: { max, ...waitParams(waitMs) },
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}

/** How long until the oldest of the last `cap` times (newest first) leaves the 24 hours. */
function waitForRoom(recent: number[], cap: number, at: number): number {
  if (cap === 0 || recent.length < cap) return 0;
  return (recent[cap - 1] ?? at) + DAY - at;
}

/** Who is writing, as the post limits need to know. */
export interface PostAuthor {
  userId: number;
  /** Staff of the community the post is in (or an instance admin), or writing as a team. */
  isExempt: boolean;
}

/**
 * Throws when the author's trust level does not allow this post now: a link or an image at a
 * level without them (invalid_input on `body`, so the form comes back with the text), past the
 * daily posts or too soon after the last one (rate_limited). `enabled`: TRUST_LIMITS.
 */
export async function checkPostAllowance(
  db: Db,
  author: PostAuthor,
  body: string,
  at: number,
  enabled: boolean,
): Promise<void> {
  if (!enabled || author.isExempt) return;
  const facts = await store.levelFacts(db, author.userId);
  if (facts.isSystem) return;
  const limits = levelLimits[facts.level];
  if (!limits.links) {
    const found = countLinks(body);
    if (found.images > 0 || found.links > 0)
      throw new AppError('invalid_input', {
        field: 'body',
        messageKey: found.images > 0 ? 'trust.error.noImages' : 'trust.error.noLinks',
      });
  }
  const cap = Math.max(limits.postsPerDay, limits.secondsBetweenPosts > 0 ? 1 : 0);
  if (cap === 0) return;
  const recent = await store.recentPosts(db, author.userId, at - DAY, cap);
  const last = recent[0];
  const gapMs = limits.secondsBetweenPosts * 1000;
  if (last !== undefined && at - last < gapMs) {
    const waitMs = last + gapMs - at;
    throw new AppError('rate_limited', {
      field: 'body',
      messageKey: 'trust.error.tooSoon',
      params: { seconds: Math.max(1, Math.ceil(waitMs / 1000)) },
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }
  const wait = waitForRoom(recent, limits.postsPerDay, at);
  if (wait > 0) throw tooMany('trust.error.dailyPosts', limits.postsPerDay, wait);
}

/**
 * The private messages a member may write in any 24 hours at their level (0: no cap), for the
 * messages' own new-account limits (src/messages/limits.ts), which count them.
 */
export async function messageCapOf(db: Db, userId: number, enabled: boolean): Promise<number> {
  if (!enabled) return 0;
  const facts = await store.levelFacts(db, userId);
  return facts.isSystem ? 0 : levelLimits[facts.level].messagesPerDay;
}

/**
 * For the flags (issue 24): throws `rate_limited` (trust.error.dailyFlags) when a member has
 * already raised their level's flags of the last 24 hours. `recentFlags`: the times of their
 * latest flags since `at` − 24 h, newest first, at least the cap's number if there are as many
 * (the flags feature owns its table). Staff are exempt: pass `isExempt`.
 */
export async function checkFlagAllowance(
  db: Db,
  flagger: { userId: number; isExempt: boolean },
  recentFlags: number[],
  at: number,
): Promise<void> {
  if (flagger.isExempt) return;
  const facts = await store.levelFacts(db, flagger.userId);
  const cap = levelLimits[facts.level].flagsPerDay;
  const wait = waitForRoom(recentFlags, cap, at);
  if (wait > 0) throw tooMany('trust.error.dailyFlags', cap, wait);
}
