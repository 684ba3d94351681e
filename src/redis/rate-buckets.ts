import type { Redis } from 'ioredis';

// The same fixed window as the database's counter (src/db/rate-buckets.ts) and as the
// @fastify/rate-limit plugin's own Redis store: the first hit starts the window's expiry.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}
`;

/** Counts one hit of `key` (already prefixed) in its window, atomically across instances. */
export async function hitRedisBucket(
  redis: Redis,
  key: string,
  windowMs: number,
): Promise<{ hits: number; resetsAt: number }> {
  // Redis caches the script by its hash; sending its 300 bytes each time costs nothing here.
  const [hits, ttl] = (await redis.eval(HIT, 1, key, windowMs)) as [number, number];
  return { hits, resetsAt: Date.now() + ttl };
}
