import {
  boundedHasher,
  unboundedHasher,
  type HashingLimits,
  type PasswordHasher,
} from './secrets.js';
import type { SignInThrottlePolicy } from './sign-in-throttle.js';

/** What stands between a sign-up or sign-in and the CPU or a guesser: one set per server. */
export interface AuthGuards {
  passwords: PasswordHasher;
  throttle: SignInThrottlePolicy;
}

export interface AuthLimits {
  hashing: HashingLimits;
  signIn: SignInThrottlePolicy;
}

export function createAuthGuards(limits: AuthLimits): AuthGuards {
  return { passwords: boundedHasher(limits.hashing), throttle: limits.signIn };
}

/** For the command line and direct calls in tests: no queue, the default delays. */
export const defaultGuards: AuthGuards = {
  passwords: unboundedHasher,
  throttle: { freeFailures: 5, firstDelayMs: 15_000 },
};
