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
  /** Open streams on this instance. */
  count(): number;
  /** Ends the streams whose session or token no longer holds (run every 5 minutes). */
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

type Batch = { p: [number, MemberEvent][] };

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

  const receive = (batch: Batch, batchId: string) => {
    if (!Array.isArray(batch.p)) return;
    const at = Date.now();
    batch.p.forEach(([userId, event], index) => {
      const id = batch.p.length === 1 ? batchId : `${batchId}.${index}`;
      recent.push({ id, userId, at, event });
      deliver(event, id, userId);
    });
    const old = recent.findIndex((r) => r.at > at - REPLAY_MS);
    const drop = Math.max(recent.length - REPLAY_MAX, old < 0 ? recent.length : old);
    if (drop > 0) recent.splice(0, drop);
  };

  bus.onGap(() => {
    // Some events may be lost: readers fetch what they show again.
    for (const streams of byMember.values())
      for (const stream of streams) stream.send({ event: 'resync', data: {} });
  });

  const remove = (stream: MemberStream) => {
    const streams = byMember.get(stream.userId);
    if (!streams?.delete(stream)) return;
    total--;
    if (streams.size === 0) byMember.delete(stream.userId);
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
  const closeSignedOut = async () => {
    for (const streams of [...byMember.values()])
      for (const stream of [...streams]) {
        // A failed check (the database away) closes nothing.
        const holds = await stream.isStillSignedIn().catch(() => true);
        if (!holds) {
          remove(stream);
          stream.close();
        }
      }
  };
  const revalidate = setInterval(() => {
    closeSignedOut().catch((err: unknown) =>
      options.log.error({ err }, 'live: checking streams failed'),
    );
  }, options.revalidateMs ?? REVALIDATE_MS);
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
      subscribed ??= bus.subscribe(CHANNEL, (event, id) => receive(event as unknown as Batch, id));
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
        if (oldest) {
          remove(oldest);
          oldest.close();
        }
      }
      streams.add(stream);
      total++;
      if (lastEventId) replay(stream, lastEventId);
      return () => remove(stream);
    },
    pushToMember: (userId, event) => send([{ userId, event }]),
    pushToMembers: send,
    count: () => total,
    closeSignedOut,
    closeAll() {
      for (const streams of [...byMember.values()])
        for (const stream of [...streams]) {
          remove(stream);
          stream.close();
        }
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
