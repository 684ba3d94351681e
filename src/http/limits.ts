import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface RateLimits {
  writesPerMinute: number;
  authPerMinute: number;
}

/** Counts one hit of a key in a window of `windowMs`: the database's shared counter in Ruche. */
export type CountHit = (
  key: string,
  windowMs: number,
) => Promise<{ hits: number; resetsAt: number }>;

/**
 * Counts with `primary` (Redis) and, when it fails, with `fallback` (the database): while the
 * shared server is down, limits still hold, counted apart.
 */
export function countWithFallback(
  primary: CountHit,
  fallback: CountHit,
  onError: (err: unknown) => void,
): CountHit {
  return (key, windowMs) =>
    primary(key, windowMs).catch((err: unknown) => {
      onError(err);
      return fallback(key, windowMs);
    });
}

/** What the rate-limit plugin hands a store's `child`: the route's merged limit options. */
interface ChildOptions {
  groupId?: string;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that keeps its counters where `countHit` does (the database),
 * so that every instance sharing it counts the same requests. A route's bucket is its own
 * unless the route names a group (`groupId`): routes of one group share their buckets.
 */
export function sharedRateStore(countHit: CountHit): FastifyRateLimitStoreCtor {
  class SharedStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    // The plugin builds the first store with its options; children get their key prefix.
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow = 60_000,
    ): void {
      countHit(this.prefix + key, timeWindow).then(
        ({ hits, resetsAt }) =>
          callback(null, { current: hits, ttl: Math.max(0, resetsAt - Date.now()) }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      // Typed as route options, but the plugin passes its merged limit options (its own
      // RedisStore reads `routeInfo` the same way).
      const options = routeOptions as ChildOptions;
      // The plugin appends the group to the key itself.
      if (options.groupId) return new SharedStore('');
      const method = [options.routeInfo?.method ?? ''].flat().join(',');
      return new SharedStore(`${method} ${options.routeInfo?.url ?? ''}|`);
    }
  }
  return SharedStore;
}

/** A wait as people read it, without plural forms: "45 s", "15 min". */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** A refusal that says when to come back (in the message and as `Retry-After`). */
export function rateLimited(waitMs: number, messageKey = 'error.rate_limited.wait'): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError('rate_limited', {
    messageKey,
    params: { wait: waitText(seconds) },
    retryAfterSeconds: seconds,
  });
}

/** The plugin's refusal in Ruche's shape. */
export function rateLimitedError(_req: FastifyRequest, context: { ttl: number }): AppError {
  return rateLimited(context.ttl);
}

function byViewerOrAddress(req: FastifyRequest): string {
  return req.viewer ? `user:${req.viewer.id}` : `ip:${req.ip}`;
}

/** Route config limiting writes per member (or per address when anonymous). */
export function writeLimit(limits: RateLimits) {
  return {
    rateLimit: {
      max: limits.writesPerMinute,
      timeWindow: 60_000,
      keyGenerator: byViewerOrAddress,
      hook: 'preHandler' as const,
    },
  };
}

/**
 * What an address may try at most `authPerMinute` times a minute. The sign-in page and the API
 * share one bucket per address (else a guesser gets twice the tries), and so do sign-up's and
 * the password reset's page and API.
 */
export type AuthAction = 'signin' | 'signup' | 'password';

/** Route config for sign-in, sign-up and reset: per address and action, tighter, against guessing. */
export function authLimit(limits: RateLimits, action: AuthAction) {
  return {
    rateLimit: {
      max: limits.authPerMinute,
      timeWindow: 60_000,
      groupId: action,
      keyGenerator: (req: FastifyRequest) => `auth:${req.ip}:`,
      hook: 'preHandler' as const,
    },
  };
}
