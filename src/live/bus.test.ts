import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyChannel } from '../db/index.js';
import { openRedis } from '../redis/index.js';
import { createTestStore, redisUrl, testRedisPrefix, type TestStore } from '../../test/harness.js';
import { createLiveBus, LiveEventTooLarge, type LiveBus, type LiveEvent } from './bus.js';
import { memoryTransport } from './memory.js';
import { postgresTransport } from './postgres.js';
import { redisTransport } from './redis.js';

const quiet = () => undefined;

/** Collects what a subscriber receives and waits for it. */
function inbox() {
  const got: LiveEvent[] = [];
  return {
    got,
    handler: (event: LiveEvent) => void got.push(event),
    async until(count: number, timeoutMs = 2_000) {
      const end = Date.now() + timeoutMs;
      while (got.length < count) {
        if (Date.now() > end) throw new Error(`${got.length} of ${count} events arrived`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}

/** What every driver must do, with two buses standing for two instances (one for memory). */
function behavesAsABus(makeBuses: () => Promise<[LiveBus, LiveBus]>) {
  let a: LiveBus;
  let b: LiveBus;
  beforeAll(async () => {
    [a, b] = await makeBuses();
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('delivers an event to the subscribers of its channel on every instance, and to no other', async () => {
    const onA = inbox();
    const onB = inbox();
    const other = inbox();
    await a.subscribe('room:1', onA.handler);
    await b.subscribe('room:1', onB.handler);
    await b.subscribe('room:2', other.handler);
    await a.publish('room:1', { type: 'hello', n: 1 });
    await onA.until(1);
    await onB.until(1);
    expect(onB.got).toEqual([{ type: 'hello', n: 1 }]);
    await b.publish('room:2', { type: 'marker' });
    await other.until(1);
    expect(other.got).toEqual([{ type: 'marker' }]);
    expect(onA.got).toHaveLength(1);
  });

  it('stops delivering to a subscriber that left', async () => {
    const left = inbox();
    const stays = inbox();
    const unsubscribe = await b.subscribe('room:3', left.handler);
    await b.subscribe('room:3', stays.handler);
    unsubscribe();
    await a.publish('room:3', { type: 'after' });
    await stays.until(1);
    expect(left.got).toEqual([]);
  });

  it('refuses an event of 8,000 bytes or more, as PostgreSQL would', async () => {
    await expect(a.publish('room:1', { html: 'é'.repeat(4_000) })).rejects.toBeInstanceOf(
      LiveEventTooLarge,
    );
    const fits = inbox();
    await b.subscribe('room:4', fits.handler);
    await a.publish('room:4', { html: 'x'.repeat(7_900) });
    await fits.until(1);
  });
}

describe('the in-process bus', () => {
  behavesAsABus(() => {
    const bus = createLiveBus(memoryTransport(), quiet);
    return Promise.resolve([bus, bus]);
  });
});

describe.runIf(process.env.RUCHE_TEST_POSTGRES_URL)('the PostgreSQL bus (LISTEN/NOTIFY)', () => {
  let db: TestStore;
  const gaps: string[] = [];
  const busOn = (name: string) => {
    const url = db.store.postgresUrl ?? '';
    const bus = createLiveBus(
      postgresTransport({
        url,
        notify: (channel, payload) => notifyChannel(db.store.db, channel, payload),
        log: quiet,
      }),
      quiet,
    );
    bus.onGap(() => gaps.push(name));
    return bus;
  };
  beforeAll(async () => {
    db = await createTestStore('postgres');
  });
  afterAll(async () => {
    await db.drop();
  });

  describe('as a bus', () => {
    behavesAsABus(() => Promise.resolve([busOn('a'), busOn('b')]));
  });

  it('listens again after its connection was cut, and says that events may have been lost', async () => {
    const bus = busOn('cut');
    const got = inbox();
    await bus.subscribe('room', got.handler);
    // What a restart of PostgreSQL, or a proxy dropping the connection, does to the listener.
    const { rows } = await sql<{ pid: number }>`
      select pg_terminate_backend(pid) as pid from pg_stat_activity
      where application_name = 'ruche-live' and datname = current_database()`.execute(db.store.db);
    expect(rows).toHaveLength(1);
    const end = Date.now() + 5_000;
    while (!gaps.includes('cut')) {
      if (Date.now() > end) throw new Error('no gap reported');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await bus.publish('room', { type: 'after-the-cut' });
    await got.until(1);
    expect(got.got).toEqual([{ type: 'after-the-cut' }]);
    await bus.close();
  });
});

describe.runIf(redisUrl)('the Redis bus (pub/sub)', () => {
  const url = redisUrl ?? '';
  const opened: ReturnType<typeof openRedis>[] = [];
  const connect = () => {
    const redis = openRedis(url, quiet, { waitWhileDown: true });
    opened.push(redis);
    return redis;
  };
  const busWith = (prefix: string) =>
    createLiveBus(
      redisTransport({ publisher: connect(), openSubscriber: connect, channel: `${prefix}live` }),
      quiet,
    );
  const prefix = testRedisPrefix();
  afterAll(() => {
    for (const redis of opened) redis.disconnect();
  });

  describe('as a bus', () => {
    behavesAsABus(() => Promise.resolve([busWith(prefix), busWith(prefix)]));
  });

  it('keeps two sites sharing one Redis apart by their prefix', async () => {
    const mine = busWith(testRedisPrefix());
    const theirs = busWith(testRedisPrefix());
    const got = inbox();
    await theirs.subscribe('room:1', got.handler);
    await mine.subscribe('room:1', quiet);
    await mine.publish('room:1', { type: 'mine' });
    await theirs.publish('room:1', { type: 'theirs' });
    await got.until(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got.got).toEqual([{ type: 'theirs' }]);
    await mine.close();
    await theirs.close();
  });
});
