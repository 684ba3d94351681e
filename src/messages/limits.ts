import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import { AppError, writeLimit, type RateLimits } from '../http/index.js';
import * as store from './store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What keeps new accounts from using private messages to spam (README, configuration). */
export interface MessageLimits {
  /** An account this young starts no conversation (it may answer one): 0 turns it off. */
  minAccountAgeMs: number;
  /** How long an account is held to the daily caps: 0 holds none. */
  newAccountMs: number;
  /** Conversations a new account may start in any 24 hours: 0 means no cap. */
  conversationsPerDay: number;
  /** Messages a new account may write in any 24 hours: 0 means no cap. */
  messagesPerDay: number;
  /**
   * The trust levels' own daily cap on messages (src/trust/limits.ts) applies too: TRUST_LIMITS.
   * Unset: off.
   */
  trustLimits?: boolean;
}

/** A wait as the refusal says it: hours past one, else minutes (both rounded up). */
function waitParams(waitMs: number) {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return minutes >= 60 ? { hours: Math.ceil(minutes / 60), minutes: 0 } : { hours: 0, minutes };
}

function refusal(messageKey: string, waitMs: number, params: Record<string, number> = {}) {
  return new AppError('rate_limited', {
    messageKey,
    params: { ...waitParams(waitMs), ...params },
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}

/** How long until one of the `recent` times (newest first) leaves the 24 hours, if the cap is met. */
function waitForRoom(recent: number[], cap: number, at: number): number {
  if (cap === 0 || recent.length < cap) return 0;
  return (recent[cap - 1] ?? at) + DAY - at;
}

/**
 * Throws the refusal when a new account may not write now: too young to start a conversation,
 * or past a daily cap. `starting`: a new conversation (else an answer in one). The account's
 * age sets the first two rules; the daily messages are capped by the stricter of the young
 * account's cap and `levelCap`, the member's trust level's (0: none), counted alike.
 */
export async function checkNewAccountLimits(
  db: Db,
  limits: MessageLimits,
  account: { id: number; created_at: number },
  starting: boolean,
  at: number,
  levelCap = 0,
): Promise<void> {
  const age = at - account.created_at;
  if (starting && age < limits.minAccountAgeMs)
    throw refusal('messages.error.tooNew', limits.minAccountAgeMs - age);
  const isNew = age < limits.newAccountMs;
  const caps = [isNew ? limits.messagesPerDay : 0, levelCap].filter((c) => c > 0);
  const messageCap = caps.length === 0 ? 0 : Math.min(...caps);
  const since = at - DAY;
  if (isNew && starting && limits.conversationsPerDay > 0) {
    const recent = await store.recentStarts(db, account.id, since, limits.conversationsPerDay);
    const wait = waitForRoom(recent, limits.conversationsPerDay, at);
    if (wait > 0)
      throw refusal('messages.error.conversationCap', wait, { max: limits.conversationsPerDay });
  }
  if (messageCap > 0) {
    const recent = await store.recentMessages(db, account.id, since, messageCap);
    const wait = waitForRoom(recent, messageCap, at);
    if (wait > 0) throw refusal('messages.error.messageCap', wait, { max: messageCap });
  }
}

/**
 * Route config for writing private messages: the members' write limit, in one bucket per
 * member for every message route, page or API, starting or answering (else each route would
 * grant its own allowance).
 */
export function messageWriteLimit(limits: RateLimits) {
  const { rateLimit } = writeLimit(limits);
  return {
    config: {
      rateLimit: {
        ...rateLimit,
        groupId: 'messages',
        keyGenerator: (req: FastifyRequest) =>
          req.viewer ? `user:${req.viewer.id}:` : `ip:${req.ip}:`,
      },
    },
  };
}
