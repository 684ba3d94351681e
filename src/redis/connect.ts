import { Redis } from 'ioredis';

export type { Redis };

/**
 * A connection to the shared Redis server; it connects at once and reconnects by itself.
 * `waitWhileDown`: commands sent while it is down wait for it (a subscription), else they fail
 * at once (counters, which then count in the database, and publishing, which is a courtesy).
 * A command waits 2 s at most for its answer.
 */
export function openRedis(
  url: string,
  onError: (err: unknown) => void,
  options: { waitWhileDown?: boolean } = {},
): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: options.waitWhileDown ?? false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectionName: 'ruche',
  });
  // Without a listener, a refused connection would be an unhandled 'error' event.
  redis.on('error', onError);
  return redis;
}
