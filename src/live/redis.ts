import type { Redis } from '../redis/index.js';
import type { LiveTransport } from './bus.js';

export interface RedisTransportOptions {
  /** For PUBLISH: the instance's ordinary connection. */
  publisher: Redis;
  /** Opens the connection that subscribes (a subscribing connection can send nothing else). */
  openSubscriber: () => Redis;
  /** The Redis channel, with the configured prefix. */
  channel: string;
}

/**
 * Redis pub/sub when REDIS_URL is set. ioredis reconnects and subscribes again by itself; a
 * `ready` after the first one means messages were missed meanwhile.
 */
export function redisTransport(options: RedisTransportOptions): LiveTransport {
  let subscriber: Redis | null = null;
  return {
    driver: 'redis',
    async send(wire) {
      await options.publisher.publish(options.channel, wire);
    },
    async start(receive, onGap) {
      const sub = options.openSubscriber();
      subscriber = sub;
      sub.on('message', (channel: string, message: string) => {
        if (channel === options.channel) receive(message);
      });
      try {
        await sub.subscribe(options.channel);
      } catch (err) {
        subscriber = null;
        sub.disconnect();
        throw err;
      }
      sub.on('ready', onGap);
    },
    async stop() {
      const sub = subscriber;
      subscriber = null;
      if (sub) await sub.quit().catch(() => sub.disconnect());
    },
  };
}
