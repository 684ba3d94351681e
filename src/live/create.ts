import type { Redis } from '../redis/index.js';
import { createLiveBus, type LiveBus } from './bus.js';
import { memoryTransport } from './memory.js';
import {
  createMemberStreams,
  type MemberEvent,
  type MemberPush,
  type MemberStreams,
} from './member-streams.js';
import { postgresTransport } from './postgres.js';
import { redisTransport } from './redis.js';

/** What features call, after the commit of what they announce. */
export interface LivePush {
  /**
   * Sends `event` to every open stream of the member, on every instance. Resolves once handed
   * to the bus; a bus failure is logged, not thrown (the page shows the news on its next load).
   * Rejects with `LiveEventTooLarge` when the event exceeds about 7,900 bytes as JSON.
   */
  pushToMember(userId: number, event: MemberEvent): Promise<void>;
  /** The same for many members at once, packed into as few bus messages as fit. */
  pushToMembers(pushes: readonly MemberPush[]): Promise<void>;
  /**
   * After the commit that ended some of the member's sessions or tokens (sign-out, password
   * changed, account deletion, token revoked): their open streams, on every instance, that no
   * longer hold end within moments. A bus failure is logged, not thrown.
   */
  endSignedOut(userId: number): Promise<void>;
}

export interface Live extends LivePush {
  bus: LiveBus;
  streams: MemberStreams;
  close(): Promise<void>;
}

interface Logger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface LiveOptions {
  /** When REDIS_URL is set: pub/sub there (it wins over PostgreSQL). */
  redis?: { publisher: Redis; openSubscriber: () => Redis; prefix: string } | undefined;
  /** When DATABASE_URL is set: LISTEN/NOTIFY. */
  postgres?:
    { url: string; notify: (channel: string, payload: string) => Promise<void> } | undefined;
  log: Logger;
}

/** The live bus on the shared service configured (else in-process) and the members' streams. */
export function createLive(options: LiveOptions): Live {
  const { log } = options;
  const transport = options.redis
    ? redisTransport({
        publisher: options.redis.publisher,
        openSubscriber: options.redis.openSubscriber,
        channel: `${options.redis.prefix}live`,
      })
    : options.postgres
      ? postgresTransport({
          ...options.postgres,
          log: (err, message) => log.warn({ err }, message),
        })
      : memoryTransport();
  const bus = createLiveBus(transport, (err) => log.error({ err }, 'live: a subscriber failed'));
  const streams = createMemberStreams(bus, { log });
  return {
    bus,
    streams,
    pushToMember: (userId, event) => streams.pushToMember(userId, event),
    pushToMembers: (pushes) => streams.pushToMembers(pushes),
    endSignedOut: (userId) => streams.endSignedOut(userId),
    async close() {
      streams.closeAll();
      streams.stop();
      await bus.close();
    },
  };
}
