import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveEventTooLarge, MAX_STREAMS_PER_MEMBER } from '../../src/live/index.js';
import { Client } from '../client.js';
import { newMember, PASSWORD } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { openSse, type SseStream } from '../sse.js';

const STREAM = '/api/v1/me/events';
type Member = Awaited<ReturnType<typeof newMember>>;
/** How soon a stream whose sign-in ended must end: "within a second or two". */
const SOON_MS = 2_000;

/** Resolves when the server has ended the stream, or fails after `ms`. */
async function endsWithin(stream: SseStream, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`the stream was still open after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([stream.ended, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(databases)('live updates (%s)', (kind) => {
  let t: TestApp;
  let ana: Member;
  let bob: Member;
  const open: SseStream[] = [];

  /** A member's stream, once the server says it is ready to receive. */
  async function streamOf(member: Member, headers: Record<string, string> = {}) {
    const stream = await openSse(t.url + STREAM, {
      cookie: member.client.cookieHeader(),
      ...headers,
    });
    open.push(stream);
    expect(stream.status).toBe(200);
    await stream.next((m) => m.event === 'ready');
    return stream;
  }

  beforeAll(async () => {
    t = await startTestApp(kind, { LIVE_HEARTBEAT_SECONDS: '0.2' });
    ana = await newMember(t, 'Ana');
    bob = await newMember(t, 'Bob');
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  it('refuses a signed-out reader with 401, and a request that does not ask for a stream', async () => {
    const anonymous = await openSse(t.url + STREAM);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ error: { code: 'unauthenticated' } });

    const plain = await ana.client.request('GET', STREAM, { headers: { 'accept-language': 'fr' } });
    expect(plain.status).toBe(400);
    const { error } = (await plain.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('malformed_request');
    expect(error.message).toContain('text/event-stream');
  });

  it('sends a member their events only, keeps the stream open with comments', async () => {
    const anaStream = await streamOf(ana);
    const bobStream = await streamOf(bob);
    expect(anaStream.headers['content-type']).toContain('text/event-stream');
    expect(anaStream.headers['x-accel-buffering']).toBe('no');

    await t.app.live.pushToMember(ana.id, { type: 'notification', unread: 3 });
    await t.app.live.pushToMember(bob.id, { type: 'notification', unread: 1 });
    const forAna = await anaStream.next((m) => m.event === 'message');
    expect(forAna.data).toEqual({ type: 'notification', unread: 3 });
    expect(forAna.id).toBeTruthy();
    // Bob's own event came after Ana's on the same bus: by then Ana's would have reached him.
    await bobStream.next((m) => m.event === 'message');
    expect(bobStream.messages.filter((m) => m.event === 'message').map((m) => m.data)).toEqual([
      { type: 'notification', unread: 1 },
    ]);
    expect(anaStream.messages.filter((m) => m.event === 'message')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(anaStream.comments).toBeGreaterThanOrEqual(1);
    anaStream.close();
    bobStream.close();
  });

  it('packs many members’ events into few bus messages, each reaching its member', async () => {
    const carol = await newMember(t, 'Carol');
    const stream = await streamOf(carol);
    let envelopes = 0;
    const unsubscribe = await t.app.live.bus.subscribe('members', () => envelopes++);
    const pushes = Array.from({ length: 400 }, (_, i) => ({
      userId: 1_000_000 + i,
      event: { type: 'notification', unread: i },
    }));
    pushes.push({ userId: carol.id, event: { type: 'notification', unread: 400 } });
    await t.app.live.pushToMembers(pushes);
    const got = await stream.next((m) => m.event === 'message');
    expect(got.data).toEqual({ type: 'notification', unread: 400 });
    unsubscribe();
    // 401 pushes of about 50 bytes: a handful of envelopes under the 8,000-byte limit.
    expect(envelopes).toBeGreaterThanOrEqual(2);
    expect(envelopes).toBeLessThanOrEqual(5);
    stream.close();
  });

  it('refuses an event too large for PostgreSQL’s NOTIFY, on every engine, sending nothing', async () => {
    const stream = await streamOf(ana);
    const html = 'x'.repeat(8_000);
    await expect(
      t.app.live.pushToMember(ana.id, { type: 'notification', unread: 1, html }),
    ).rejects.toBeInstanceOf(LiveEventTooLarge);
    await expect(
      t.app.live.pushToMembers([
        { userId: bob.id, event: { type: 'notification', unread: 1 } },
        { userId: ana.id, event: { type: 'notification', unread: 1, html } },
      ]),
    ).rejects.toBeInstanceOf(LiveEventTooLarge);
    await t.app.live.pushToMember(ana.id, { type: 'marker' });
    await stream.next((m) => m.event === 'message');
    expect(stream.messages.filter((m) => m.event === 'message').map((m) => m.data)).toEqual([
      { type: 'marker' },
    ]);
    stream.close();
  });

  it('sends what a reconnecting stream missed after its Last-Event-ID, or asks it to resync', async () => {
    const first = await streamOf(ana);
    await t.app.live.pushToMember(ana.id, { type: 'notification', unread: 1 });
    const seen = await first.next((m) => m.event === 'message');
    first.close();
    await first.ended;
    await t.app.live.pushToMember(ana.id, { type: 'notification', unread: 2 });
    await t.app.live.pushToMember(bob.id, { type: 'notification', unread: 9 });
    await t.app.live.pushToMember(ana.id, { type: 'notification', unread: 3 });
    // The events went out while nobody listened: wait until the bus has carried them.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const again = await streamOf(ana, { 'last-event-id': seen.id ?? '' });
    expect(again.messages.filter((m) => m.event === 'message').map((m) => m.data)).toEqual([
      { type: 'notification', unread: 2 },
      { type: 'notification', unread: 3 },
    ]);
    again.close();

    const unknown = await streamOf(ana, { 'last-event-id': 'nothing-this-old' });
    expect(unknown.messages.map((m) => m.event)).toEqual(['resync', 'ready']);
    unknown.close();
  });

  it('keeps a member’s latest streams only', async () => {
    const dave = await newMember(t, 'Dave');
    const streams: SseStream[] = [];
    for (let i = 0; i <= MAX_STREAMS_PER_MEMBER; i++) streams.push(await streamOf(dave));
    await streams[0]?.ended;
    await t.app.live.pushToMember(dave.id, { type: 'still-here' });
    await streams[MAX_STREAMS_PER_MEMBER]?.next((m) => m.event === 'message');
    for (const s of streams) s.close();
  });

  /** Another browser of the member's, signed in afresh, and its open stream. */
  async function anotherBrowser(member: Member) {
    const client = new Client(t.url);
    const signIn = await client.api('POST', '/auth/signin', {
      email: member.email,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const stream = await openSse(t.url + STREAM, { cookie: client.cookieHeader() });
    open.push(stream);
    await stream.next((m) => m.event === 'ready');
    return { client, stream };
  }

  it('ends a session’s streams within moments of its sign-out, and only that session’s', async () => {
    const dave = await newMember(t, 'Dave Deux');
    const kept = await streamOf(dave);
    const other = await anotherBrowser(dave);
    const asked = Date.now();
    expect((await other.client.api('POST', '/auth/signout')).status).toBe(204);
    await endsWithin(other.stream, SOON_MS);
    expect(Date.now() - asked).toBeLessThan(SOON_MS);
    // By page too.
    const third = await anotherBrowser(dave);
    const form = await third.client.submit('/', '/signout', {});
    expect(form.status).toBe(303);
    await endsWithin(third.stream, SOON_MS);
    // His first browser is still signed in: its stream goes on.
    await t.app.live.pushToMember(dave.id, { type: 'still-here' });
    await kept.next((m) => m.event === 'message');
    kept.close();
  });

  it('ends the streams of sessions a password change or an account deletion closes', async () => {
    const erin = await newMember(t, 'Erin');
    const here = await streamOf(erin);
    const elsewhere = await anotherBrowser(erin);
    const changed = await erin.client.api('POST', '/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-long-password',
    });
    expect(changed.status).toBe(204);
    await endsWithin(elsewhere.stream, SOON_MS);
    // The session the change was made from stays signed in, and so does its stream.
    await t.app.live.pushToMember(erin.id, { type: 'still-here' });
    await here.next((m) => m.event === 'message');

    const deleted = await erin.client.api('POST', '/me/deletion', {
      currentPassword: 'another-long-password',
      posts: 'keep',
    });
    expect(deleted.status).toBe(202);
    await endsWithin(here, SOON_MS);
  });

  it('ends a token’s stream when the token is revoked, and a session’s when it expires', async () => {
    const fern = await newMember(t, 'Fern');
    const created = await fern.client.api<{ id: number; token: string }>('POST', '/me/tokens', {
      name: 'Mon lecteur',
    });
    expect(created.status).toBe(201);
    const byToken = await openSse(t.url + STREAM, {
      authorization: `Bearer ${created.body.token}`,
    });
    open.push(byToken);
    await byToken.next((m) => m.event === 'ready');
    expect((await fern.client.api('DELETE', `/me/tokens/${created.body.id}`)).status).toBe(204);
    await endsWithin(byToken, SOON_MS);

    // A session at the end of its 30 days: its stream ends with it, nobody signing out.
    const expiring = await anotherBrowser(fern);
    expiring.stream.close();
    await t.store.db
      .updateTable('sessions')
      .set({ expires_at: Date.now() + 1_000 })
      .where('user_id', '=', fern.id)
      .execute();
    const last = await openSse(t.url + STREAM, { cookie: expiring.client.cookieHeader() });
    open.push(last);
    await last.next((m) => m.event === 'ready');
    await endsWithin(last, 1_000 + SOON_MS);
  });

  it('loads the live script on signed-in pages only; it is served', async () => {
    const signedIn = await ana.client.page('/');
    expect(signedIn.html).toContain('<script src="/assets/live.js" defer');
    const anonymous = await new Client(t.url).page('/');
    expect(anonymous.html).not.toContain('live.js');
    const script = await fetch(`${t.url}/assets/live.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('EventSource');
  });
});

describe('closing the server', () => {
  it('ends the open streams, so that it closes at once', async () => {
    const t = await startTestApp('sqlite');
    const member = await newMember(t);
    const stream = await openSse(t.url + STREAM, { cookie: member.client.cookieHeader() });
    await stream.next((m) => m.event === 'ready');
    const started = Date.now();
    await t.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
