import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { Semaphore, withTimeout } from 'async-mutex';
import { AppError } from '../http/index.js';

/**
 * OWASP's Password Storage Cheat Sheet minimum for argon2id: 19 MiB, 2 passes, 1 lane. About
 * 40 ms here, where the library's defaults (64 MiB, 3 passes, 4 lanes) took 340 ms and let a
 * sign-up flood take every core. Hashes made otherwise are redone at their next sign-in.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...ARGON2_OPTIONS });
}

/**
 * The stored hash of an account nobody signs in to (imported members, whose addresses reach no
 * one): no password matches it, and no argon2 run is spent on making it.
 */
export const NO_PASSWORD = '!';

let decoyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `hash`. Without a real hash (an unknown address, an account
 * without a password) a decoy is checked, so the answer takes as long either way.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null || hash === NO_PASSWORD) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other parameters than today's (and should be redone). */
export function isOutdatedHash(hash: string): boolean {
  if (!hash.startsWith('$argon2')) return false;
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return false;
  }
}

/** Password hashing through a bounded number of slots, so that hashes cannot take every core. */
export interface PasswordHasher {
  /** Runs `work`, which hashes or verifies, once a slot is free. */
  inSlot<T>(work: () => Promise<T>): Promise<T>;
}

export interface HashingLimits {
  /** Hashes computed at once; past it, requests queue. */
  concurrency: number;
  /** How long a request waits in the queue before it is answered 503. */
  waitMs: number;
}

const QUEUE_TIMEOUT = new Error('password hashing queue timeout');

/**
 * A hasher whose work waits for one of `concurrency` slots, `waitMs` at most; past that the
 * request fails with `unavailable` (503, Retry-After), so that a flood of sign-ups or guesses
 * leaves the other cores to members reading and writing.
 */
export function boundedHasher(limits: HashingLimits): PasswordHasher {
  const slots = withTimeout(new Semaphore(limits.concurrency), limits.waitMs, QUEUE_TIMEOUT);
  return {
    async inSlot(work) {
      try {
        return await slots.runExclusive(work);
      } catch (err) {
        if (err !== QUEUE_TIMEOUT) throw err;
        throw new AppError('unavailable', {
          retryAfterSeconds: Math.max(1, Math.ceil(limits.waitMs / 1000)),
        });
      }
    },
  };
}

/** For the command line and tests: hashes at once, without a queue. */
export const unboundedHasher: PasswordHasher = { inSlot: (work) => work() };

/** A random bearer secret; only its hash is ever stored. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
