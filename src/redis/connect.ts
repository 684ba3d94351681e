import { Redis } from 'ioredis';

export type { Redis };

/**
 * A connection to the shared Redis server. It reconnects by itself; a command waits for it
 * 2 s at most, then fails, so a request never hangs on Redis.
 */
export function openRedis(url: string, onError: (err: unknown) => void): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectionName: 'ruche',
  });
  // Without a listener, a refused connection would be an unhandled 'error' event.
  redis.on('error', onError);
  return redis;
}
