// Two Ruche processes on one PostgreSQL database, as behind a load balancer (issue 22, done-when
// item 3): live events reach a stream open on either, a reply posted through one notifies a
// stream open on the other within 2 s, the pulse schedule runs on both and each member gets
// exactly one pulse, and with REDIS_URL the write rate limit counts a member's requests to both
// together.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/index.js';
import { openRedis, type Redis } from '../../src/redis/index.js';
import { Client } from '../client.js';
import { join, newCommunity, PASSWORD } from '../fixtures.js';
import {
  createTestStore,
  redisUrl,
  startTestApp,
  testRedisPrefix,
  type TestApp,
  type TestStore,
} from '../harness.js';
import { rawHeader, startSmtp, type Received } from '../smtp.js';
import { openSse, type SseStream } from '../sse.js';

const postgresUrl = process.env.RUCHE_TEST_POSTGRES_URL;
const WRITES_PER_MINUTE = 6;

type Variant = 'postgres' | 'redis';
const variants: Variant[] = postgresUrl ? (redisUrl ? ['postgres', 'redis'] : ['postgres']) : [];

interface Instance {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `ruche start` in its own process, once it answers. */
async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child: ChildProcess = spawn('node', ['bin/ruche.js', 'start'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`ruche start exited (${child.exitCode})`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) throw new Error('ruche start did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function signUp(url: string, name: string) {
  const client = new Client(url);
  const email = `${name.toLowerCase()}-${Date.now()}@example.test`;
  const res = await client.api<{ user: { id: number } }>('POST', '/auth/signup', {
    email,
    password: PASSWORD,
    displayName: name,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, cookie: client.cookieHeader(), client };
}

describe.each(variants)('two instances on one database, fan-out through %s', (variant) => {
  let db: TestStore;
  let one: Instance;
  let two: Instance;
  /** A third instance in this test's process, to publish as a feature would after its commit. */
  let publisher: TestApp;
  let redis: Redis | undefined;
  const prefix = testRedisPrefix();
  const streams: SseStream[] = [];
  const mails: Received[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp(mails);
    db = await createTestStore('postgres');
    const shared: Record<string, string> = {
      RUCHE_DEMO: '0',
      LOG_LEVEL: 'warn',
      ROLLUP_INTERVAL_SECONDS: '0',
      SESSION_SECRET: 'test-secret-test-secret-test-secret-0000',
      RATE_LIMIT_WRITES_PER_MINUTE: String(WRITES_PER_MINUTE),
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      // Fresh accounts post twice in a row here: the new-account limits are tested elsewhere.
      TRUST_LIMITS: '0',
      SMTP_URL: smtp.url,
      // Both look for members whose morning has come every second.
      PULSE_CHECK_SECONDS: '1',
      ...(variant === 'redis' ? { REDIS_URL: redisUrl ?? '', REDIS_PREFIX: prefix } : {}),
    };
    [one, two] = await Promise.all([
      startInstance({ ...shared, DATABASE_URL: db.store.postgresUrl ?? '' }),
      startInstance({ ...shared, DATABASE_URL: db.store.postgresUrl ?? '' }),
    ]);
    publisher = await startTestApp('postgres', shared, db);
    if (variant === 'redis') redis = openRedis(redisUrl ?? '', () => undefined);
  }, 120_000);
  afterAll(async () => {
    for (const s of streams) s.close();
    await publisher?.close();
    await Promise.all([one?.stop(), two?.stop()]);
    redis?.disconnect();
    await db?.drop();
    await new Promise<void>((resolve) => smtp?.smtp.close(resolve));
  });

  async function streamOn(instance: Instance, cookie: string) {
    const stream = await openSse(`${instance.url}/api/v1/me/events`, { cookie });
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.next((m) => m.event === 'ready', 5_000);
    return stream;
  }

  it('brings an event to the member’s streams on both instances within 2 s, and to nobody else', async () => {
    const ana = await signUp(one.url, 'Ana');
    const bob = await signUp(two.url, 'Bob');
    const anaOnOne = await streamOn(one, ana.cookie);
    const anaOnTwo = await streamOn(two, ana.cookie);
    const bobOnTwo = await streamOn(two, bob.cookie);

    // Each instance holds one listening connection or subscription, not one per stream.
    if (variant === 'redis') {
      const [, subscribers] = (await redis?.pubsub('NUMSUB', `${prefix}live`)) as [string, number];
      expect(subscribers).toBe(2);
    } else {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where application_name = 'ruche-live' and datname = current_database()`.execute(
        db.store.db,
      );
      expect(rows[0]?.n).toBe(2);
    }

    const sent = Date.now();
    await publisher.app.live.pushToMember(ana.id, { type: 'notification', unread: 1 });
    const wanted = (m: { event: string }) => m.event === 'message';
    const [onOne, onTwo] = await Promise.all([
      anaOnOne.next(wanted, 2_000),
      anaOnTwo.next(wanted, 2_000),
    ]);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(onOne.data).toEqual({ type: 'notification', unread: 1 });
    expect(onTwo.data).toEqual({ type: 'notification', unread: 1 });
    // The same event has the same id on both, so a reader may reconnect to either.
    expect(onOne.id).toBe(onTwo.id);

    await publisher.app.live.pushToMember(bob.id, { type: 'marker' });
    await bobOnTwo.next(wanted, 2_000);
    expect(bobOnTwo.messages.filter(wanted).map((m) => m.data)).toEqual([{ type: 'marker' }]);
  });

  it('brings a reply posted through one instance to the asker’s stream on the other within 2 s', async () => {
    // Both processes run the notifications' consumer (NOTIFY_INTERVAL_SECONDS left to its
    // default): the writer's is nudged after the reply, the other one only polls.
    const adminEmail = `admin-${variant}-${Date.now()}@example.test`;
    await createAdmin(db.store, { email: adminEmail, password: PASSWORD, displayName: 'Admin' });
    const admin = new Client(one.url);
    expect(
      (await admin.api('POST', '/auth/signin', { email: adminEmail, password: PASSWORD })).status,
    ).toBe(200);
    const community = await newCommunity(admin, 'public', `inst-${variant}-${Date.now()}`);
    const asker = await signUp(two.url, 'Bea');
    const replier = await signUp(one.url, 'Adam');
    expect((await join(asker.client, community.id)).status).toBe(200);
    expect((await join(replier.client, community.id)).status).toBe(200);
    const topic = await asker.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title: 'Qui a la clé du local ?', body: 'Je la cherche depuis lundi.' },
    );
    expect(topic.status).toBe(201);
    const askerOnTwo = await streamOn(two, asker.cookie);

    const reply = await replier.client.api('POST', `/topics/${topic.body.topic.id}/replies`, {
      body: 'Elle est chez la gardienne.',
    });
    const answered = Date.now();
    expect(reply.status).toBe(201);
    const notified = await askerOnTwo.next(
      (m) => m.event === 'message' && (m.data as { type?: string }).type === 'notification',
      2_000,
    );
    expect(Date.now() - answered).toBeLessThan(2_000);
    expect(notified.data).toEqual({ type: 'notification', unread: 1 });
    // The count the stream brought is the one the API gives.
    const unread = await asker.client.api<{ unread: number }>('GET', '/notifications/unread');
    expect(unread.body).toEqual(expect.objectContaining({ unread: 1 }));
  });

  it('ends a session’s stream on the other instance within 2 s of its sign-out', async () => {
    const dina = await signUp(one.url, 'Dina');
    const onTwo = await streamOn(two, dina.cookie);
    const signedOut = await fetch(`${one.url}/api/v1/auth/signout`, {
      method: 'POST',
      headers: { cookie: dina.cookie },
    });
    expect(signedOut.status).toBe(204);
    const asked = Date.now();
    await Promise.race([
      onTwo.ended,
      new Promise((_, fail) => setTimeout(() => fail(new Error('still open after 2 s')), 2_000)),
    ]);
    expect(Date.now() - asked).toBeLessThan(2_000);
  });

  it('refuses a signed-out stream with 401 on either instance', async () => {
    for (const instance of [one, two]) {
      const stream = await openSse(`${instance.url}/api/v1/me/events`);
      expect(stream.status).toBe(401);
    }
  });

  it('counts a member’s writes to both instances against one limit', async () => {
    const carol = await signUp(one.url, 'Carol');
    const statuses: number[] = [];
    for (let i = 0; i < WRITES_PER_MINUTE + 2; i++) {
      const instance = i % 2 === 0 ? one : two;
      // Leaving a community that does not exist: a write the limit counts, then a 404.
      const res = await fetch(`${instance.url}/api/v1/communities/999999/leave`, {
        method: 'POST',
        headers: { cookie: carol.cookie },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(WRITES_PER_MINUTE).fill(404), 429, 429]);
    const inDatabase = await db.store.db
      .selectFrom('rate_buckets')
      .select('key')
      .where('key', 'like', `%user:${carol.id}`)
      .execute();
    if (variant === 'redis') {
      // Counted in Redis, under the instance's prefix; the database counted nothing.
      const keys = await redis?.keys(`${prefix}rate:*user:${carol.id}`);
      expect(keys).toHaveLength(1);
      expect(inDatabase).toEqual([]);
    } else {
      expect(inDatabase).toHaveLength(1);
    }
  });

  it('sends each member exactly one pulse while the schedule runs on both, and its link unsubscribes', async () => {
    const adminEmail = `pulse-admin-${variant}-${Date.now()}@example.test`;
    await createAdmin(db.store, { email: adminEmail, password: PASSWORD, displayName: 'Admin' });
    const admin = new Client(two.url);
    expect(
      (await admin.api('POST', '/auth/signin', { email: adminEmail, password: PASSWORD })).status,
    ).toBe(200);
    const community = await newCommunity(admin, 'public', `pulse-${variant}-${Date.now()}`);
    const poster = await signUp(one.url, 'Paul');
    expect((await join(poster.client, community.id)).status).toBe(200);
    const readers = [];
    for (const name of ['Lina', 'Marc', 'Nora', 'Omar']) {
      const member = await signUp(one.url, name);
      expect((await join(member.client, community.id)).status).toBe(200);
      readers.push(member);
    }
    for (const title of ['Le repair café de samedi', 'Qui peut prêter une perceuse ?']) {
      const res = await poster.client.api('POST', `/communities/${community.id}/topics`, {
        kind: 'discussion',
        title,
        body: 'Les détails sont dans le fil.',
      });
      expect(res.status).toBe(201);
    }
    const ids = readers.map((r) => r.id);
    const emails = new Map(
      (
        await db.store.db
          .selectFrom('users')
          .select(['id', 'email'])
          .where('id', 'in', ids)
          .execute()
      ).map((u) => [Number(u.id), u.email]),
    );
    // They joined a month ago: their Monday morning has come since, and no pulse went out yet.
    await db.store.db
      .updateTable('users')
      .set({ created_at: Date.now() - 30 * 86_400_000 })
      .where('id', 'in', ids)
      .execute();
    const mine = () => mails.filter((m) => [...emails.values()].includes(m.to));
    const end = Date.now() + 20_000;
    while (mine().length < ids.length && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 200));
    // Several more ticks of both schedules: nothing more goes out.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const got = mine();
    expect(got.length).toBe(ids.length);
    const perMember = new Map<string, number>();
    for (const m of got) perMember.set(m.to, (perMember.get(m.to) ?? 0) + 1);
    expect([...perMember.values()].every((n) => n === 1)).toBe(true);
    const sends = await db.store.db
      .selectFrom('pulse_sends')
      .select(['user_id', 'state'])
      .where('user_id', 'in', ids)
      .execute();
    expect(sends.map((r) => [Number(r.user_id), r.state]).sort()).toEqual(
      ids.map((id) => [id, 'sent']).sort(),
    );

    // A mailed pulse has both parts and its one-click link, which works on either instance.
    const mail = got[0];
    if (!mail) throw new Error('no pulse was mailed by the instances');
    expect(mail.subject).toContain(`Communauté ${community.slug}`);
    expect(mail.text).toContain('Qui peut prêter une perceuse ?');
    expect(mail.html).toContain('Qui peut prêter une perceuse ?');
    expect(rawHeader(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /<([^>]+)>/.exec(rawHeader(mail, 'list-unsubscribe'))?.[1] ?? '';
    const path = new URL(link).pathname;
    expect(path).toMatch(/^\/unsubscribe\/\d+\.pulse\./);
    const res = await fetch(`${two.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const who = [...emails].find(([, e]) => e === mail.to)?.[0] ?? 0;
    const setting = await db.store.db
      .selectFrom('pulse_settings')
      .select('frequency')
      .where('user_id', '=', who)
      .executeTakeFirst();
    expect(setting?.frequency).toBe('never');
  }, 60_000);
});
