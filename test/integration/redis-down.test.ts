// REDIS_URL names a server that does not answer: limits still hold (counted in the database)
// and the live stream says it is unavailable, without hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember } from '../fixtures.js';
import { startTestApp, testRedisPrefix, type TestApp } from '../harness.js';
import { openSse } from '../sse.js';

describe('with Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', {
      // Port 1 on loopback: refused at once.
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_PREFIX: testRedisPrefix(),
      RATE_LIMIT_WRITES_PER_MINUTE: '3',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('still limits a member’s writes, counting them in the database', async () => {
    const member = await newMember(t);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await member.client.api('POST', '/communities/999999/leave')).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const rows = await t.store.db
      .selectFrom('rate_buckets')
      .select('hits')
      .where('key', 'like', `%user:${member.id}`)
      .execute();
    expect(rows).toEqual([{ hits: 4 }]);
  });

  it('answers the live stream 503 with Retry-After, in the reader’s language', async () => {
    const member = await newMember(t);
    const started = Date.now();
    const stream = await openSse(`${t.url}/api/v1/me/events`, {
      cookie: member.client.cookieHeader(),
      'accept-language': 'en',
    });
    expect(stream.status).toBe(503);
    expect(stream.headers['retry-after']).toBe('5');
    expect(JSON.parse(stream.body)).toEqual({
      error: {
        code: 'unavailable',
        message: 'Live updates are unavailable for a moment. Try again in a few seconds.',
      },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
