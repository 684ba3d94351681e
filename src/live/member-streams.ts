import { LiveEventTooLarge, MAX_LIVE_EVENT_BYTES, wireBytes, type LiveBus } from './bus.js';

/** What a member's stream receives: `type` names it (`notification`…), the rest is its own. */
export type MemberEvent = { type: string } & Record<string, unknown>;

export interface MemberPush {
  userId: number;
  event: MemberEvent;
}

/** One SSE message as the stream writes it. */
export interface StreamMessage {
  id?: string;
  event?: string;
  data: unknown;
  retry?: number;
}

/** An open stream of one member, as the endpoint hands it over. */
export interface MemberStream {
  userId: number;
  send(message: StreamMessage): void;
  close(): void;
  /** Whether the session or token that opened it still holds (checked now and then). */
  isStillSignedIn(): Promise<boolean>;
  /** When that session or token expires (null: never): the stream ends then. */
  expiresAt: number | null;
}

/** The live streams of the members connected to this instance, fed by the bus. */
export interface MemberStreams {
  /** Resolves once this instance receives the members' events (rejects if the bus is down). */
  ready(): Promise<void>;
  /**
   * Adds an open stream (after `ready`): it receives every event pushed from now on, after what
   * it missed since `lastEventId` (or a `resync` when this instance cannot tell). Returns the
   * function that removes it.
   */
  open(stream: MemberStream, lastEventId: string | null): () => void;
  pushToMember(userId: number, event: MemberEvent): Promise<void>;
  pushToMembers(pushes: readonly MemberPush[]): Promise<void>;
  /**
   * After the commit that ended some of a member's sessions or tokens (signed out, password
   * changed, account deleted, token revoked): their streams, on every instance, check their
   * credentials now, and those no longer signed in end.
   */
  endSignedOut(userId: number): Promise<void>;
  /** Open streams on this instance. */
  count(): number;
  /** Ends this instance's streams whose session or token no longer holds (every 5 minutes). */
  closeSignedOut(): Promise<void>;
  /** Ends every stream (the server is stopping: browsers reconnect to another instance). */
  closeAll(): void;
  stop(): void;
}

/** The one bus channel of members' events; each envelope carries pushes for several members. */
const CHANNEL = 'members';
/** A member with more tabs than this loses the oldest stream. */
export const MAX_STREAMS_PER_MEMBER = 8;
/** Events kept for streams that reconnect with `Last-Event-ID`. */
const REPLAY_MAX = 2_000;
const REPLAY_MS = 120_000;
const REVALIDATE_MS = 5 * 60_000;
// setTimeout's longest wait (about 24.8 days): a session's end further off is waited for in steps.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Events for several members, in one bus envelope. */
type Batch = { p: [number, MemberEvent][] };
/** What the members' channel carries: events (`p`), or members whose sign-ins ended. */
type Envelope = Partial<Batch> & { signedOut?: number[] };

interface Recent {
  id: string;
  userId: number;
  at: number;
  event: MemberEvent;
}

export interface MemberStreamsOptions {
  log: { error(obj: object, msg: string): void };
  revalidateMs?: number;
}

export function createMemberStreams(bus: LiveBus, options: MemberStreamsOptions): MemberStreams {
  const byMember = new Map<number, Set<MemberStream>>();
  let total = 0;
  const recent: Recent[] = [];
  let subscribed: Promise<unknown> | null = null;
  let isSubscribed = false;

  const deliver = (event: MemberEvent, id: string, userId: number) => {
    for (const stream of byMember.get(userId) ?? []) stream.send({ id, data: event });
  };

  const receive = (batch: Envelope, batchId: string) => {
    if (Array.isArray(batch.signedOut))
      checkSoon(batch.signedOut.flatMap((userId) => [...(byMember.get(userId) ?? [])]));
    const pushes = batch.p;
    if (!Array.isArray(pushes)) return;
    const at = Date.now();
    pushes.forEach(([userId, event], index) => {
      const id = pushes.length === 1 ? batchId : `${batchId}.${index}`;
      recent.push({ id, userId, at, event });
      deliver(event, id, userId);
    });
    const old = recent.findIndex((r) => r.at > at - REPLAY_MS);
    const drop = Math.max(recent.length - REPLAY_MAX, old < 0 ? recent.length : old);
    if (drop > 0) recent.splice(0, drop);
  };

  bus.onGap(() => {
    // Some events may be lost: readers fetch what they show again, and a sign-out missed
    // meanwhile is caught now rather than at the next 5-minute check.
    for (const streams of byMember.values())
      for (const stream of streams) stream.send({ event: 'resync', data: {} });
    checkSoon(everyStream());
  });

  const remove = (stream: MemberStream) => {
    const streams = byMember.get(stream.userId);
    if (!streams?.delete(stream)) return;
    total--;
    if (streams.size === 0) byMember.delete(stream.userId);
    clearTimeout(expiries.get(stream));
    expiries.delete(stream);
  };
  const end = (stream: MemberStream) => {
    remove(stream);
    stream.close();
  };

  // Each stream ends when its session or token expires, as a page's next request would be refused.
  const expiries = new Map<MemberStream, NodeJS.Timeout>();
  const endAtExpiry = (stream: MemberStream, expiresAt: number) => {
    const wait = Math.min(Math.max(expiresAt - Date.now(), 0), LONGEST_TIMER_MS);
    const timer = setTimeout(() => {
      if (Date.now() < expiresAt) endAtExpiry(stream, expiresAt);
      else end(stream);
    }, wait);
    timer.unref();
    expiries.set(stream, timer);
  };

  const replay = (stream: MemberStream, lastEventId: string) => {
    const from = recent.findIndex((r) => r.id === lastEventId);
    if (from < 0) {
      stream.send({ event: 'resync', data: {} });
      return;
    }
    for (const r of recent.slice(from + 1))
      if (r.userId === stream.userId) stream.send({ id: r.id, data: r.event });
  };

  // One stream after the other: 5,000 streams are 5,000 small reads spread over a second or so.
  const closeIfSignedOut = async (streams: MemberStream[]) => {
    for (const stream of streams) {
      // A failed check (the database away) closes nothing.
      const holds = await stream.isStillSignedIn().catch(() => true);
      if (!holds) end(stream);
    }
  };
  const everyStream = () => [...byMember.values()].flatMap((streams) => [...streams]);
  const closeSignedOut = () => closeIfSignedOut(everyStream());
  function checkSoon(streams: MemberStream[]) {
    closeIfSignedOut(streams).catch((err: unknown) =>
      options.log.error({ err }, 'live: checking streams failed'),
    );
  }
  const revalidate = setInterval(
    () => checkSoon(everyStream()),
    options.revalidateMs ?? REVALIDATE_MS,
  );
  revalidate.unref();

  const send = async (pushes: readonly MemberPush[]) => {
    for (const batch of pack(pushes)) {
      try {
        await bus.publish(CHANNEL, batch);
      } catch (err) {
        // Live push is a courtesy: what it announces is already stored, and pages show it.
        options.log.error({ err }, 'live: publishing failed');
      }
    }
  };

  return {
    async ready() {
      // Another instance's envelope: `receive` checks its shape.
      subscribed ??= bus.subscribe(CHANNEL, (event, id) => receive(event, id));
      try {
        await subscribed;
        isSubscribed = true;
      } catch (err) {
        subscribed = null;
        throw err;
      }
    },
    open(stream, lastEventId) {
      if (!isSubscribed) throw new Error('live: open() before ready()');
      let streams = byMember.get(stream.userId);
      if (!streams) byMember.set(stream.userId, (streams = new Set()));
      if (streams.size >= MAX_STREAMS_PER_MEMBER) {
        const [oldest] = streams;
        if (oldest) end(oldest);
      }
      streams.add(stream);
      total++;
      if (stream.expiresAt !== null) endAtExpiry(stream, stream.expiresAt);
      if (lastEventId) replay(stream, lastEventId);
      return () => remove(stream);
    },
    pushToMember: (userId, event) => send([{ userId, event }]),
    pushToMembers: send,
    // On the members' channel too: one listening connection per instance, whatever comes.
    async endSignedOut(userId) {
      try {
        await bus.publish(CHANNEL, { signedOut: [userId] });
      } catch (err) {
        // The 5-minute check still ends them.
        options.log.error({ err }, 'live: publishing failed');
      }
    },
    count: () => total,
    closeSignedOut,
    closeAll() {
      for (const streams of [...byMember.values()]) for (const stream of [...streams]) end(stream);
    },
    stop() {
      clearInterval(revalidate);
    },
  };
}

/**
 * Packs pushes into as few envelopes as fit the bus's size limit (a new post for a thousand
 * watchers: some twenty NOTIFYs, not a thousand). Throws before sending anything when one push
 * alone is too large.
 */
function pack(pushes: readonly MemberPush[]): Batch[] {
  const empty = wireBytes(CHANNEL, { p: [] });
  const batches: Batch[] = [];
  let current: Batch = { p: [] };
  let bytes = empty;
  for (const { userId, event } of pushes) {
    const entry: [number, MemberEvent] = [userId, event];
    const size = Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (empty + size > MAX_LIVE_EVENT_BYTES) throw new LiveEventTooLarge(empty + size);
    if (bytes + size > MAX_LIVE_EVENT_BYTES) {
      batches.push(current);
      current = { p: [] };
      bytes = empty;
    }
    current.p.push(entry);
    bytes += size;
  }
  if (current.p.length > 0) batches.push(current);
  return batches;
}
