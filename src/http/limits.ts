import type { FastifyRequest } from 'fastify';

export interface RateLimits {
  writesPerMinute: number;
  authPerMinute: number;
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

/** Route config for sign-in, sign-up and reset: per address, tighter, against guessing. */
export function authLimit(limits: RateLimits) {
  return {
    rateLimit: {
      max: limits.authPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req: FastifyRequest) => `auth:${req.ip}`,
      hook: 'preHandler' as const,
    },
  };
}
