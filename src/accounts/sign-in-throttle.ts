import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import * as store from './throttle-store.js';

/**
 * Failed sign-ins per account, against guessing from many addresses at once (the per-address
 * limit alone lets a botnet try thousands of passwords a minute on one account).
 *
 * After `freeFailures` failures, each further attempt must wait: `firstDelayMs`, then twice as
 * long after each new failure, 15 minutes at most; failures are forgotten a day after the last.
 * An attempt made too early is refused (429, Retry-After) without its password being checked,
 * so the delay holds however many addresses guess.
 *
 * Not a lockout: the delay never grows past 15 minutes, and it is counted apart for a device
 * the member has signed in from before (a signed cookie naming the account, as OWASP's "device
 * cookies"). An attacker without the password can slow the account down for new devices only;
 * the member's own browser keeps its own count of failures, and so gets in at once.
 */
export interface SignInThrottlePolicy {
  /** Failed sign-ins of one account (or known device) allowed without waiting. */
  freeFailures: number;
  /** The wait after the first failure past them; it doubles with each further failure. */
  firstDelayMs: number;
}

const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 24 * 3_600_000;
// Attempts racing on the same row (several instances) retry this many times, then wait.
const RACE_TRIES = 3;

export function delayAfter(failures: number, policy: SignInThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doubled = policy.firstDelayMs * 2 ** Math.min(30, failures - policy.freeFailures);
  return Math.min(doubled, Math.max(MAX_DELAY_MS, policy.firstDelayMs));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Whose failures an attempt counts against: the known device's, or else the address typed —
 * known or not, so that the answers cannot tell which addresses have accounts.
 */
export function failureKey(email: string, knownDeviceNonce: string | undefined): string {
  return knownDeviceNonce ? `device:${digest(knownDeviceNonce)}` : `account:${digest(email)}`;
}

function recentFailures(row: store.FailureRow | undefined, at: number): number {
  return row && at - row.last_failure_at < FORGET_AFTER_MS ? row.failures : 0;
}

/** How long the next attempt for `key` must still wait (0: it may come now). Reads only. */
export async function waitBeforeAttempt(db: Db, key: string, at: number): Promise<number> {
  const row = await store.findFailures(db, key);
  return recentFailures(row, at) > 0 && row ? Math.max(0, row.next_attempt_at - at) : 0;
}

/**
 * Takes one attempt for `key`: counted as a failure now, forgiven by `forgetFailures` if the
 * password was right, so that attempts sent at once cannot all slip in before the count.
 * Returns 0 when taken, else how long to wait.
 */
export async function takeAttempt(
  db: Db,
  key: string,
  at: number,
  policy: SignInThrottlePolicy,
): Promise<number> {
  for (let i = 0; i < RACE_TRIES; i++) {
    const row = await store.findFailures(db, key);
    const failures = recentFailures(row, at);
    if (failures > 0 && row && row.next_attempt_at > at) return row.next_attempt_at - at;
    const next = {
      failures: failures + 1,
      last_failure_at: at,
      next_attempt_at: at + delayAfter(failures + 1, policy),
    };
    if (await store.replaceFailures(db, key, row, next)) return 0;
  }
  return policy.firstDelayMs;
}

export function forgetFailures(db: Db, key: string): Promise<void> {
  return store.deleteFailures(db, key);
}

/** Drops the failures nobody added to for a day: they count no more. */
export function forgetOldFailures(db: Db, at: number): Promise<void> {
  return store.deleteFailuresBefore(db, at - FORGET_AFTER_MS);
}
