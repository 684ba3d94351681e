import { randomBytes } from 'node:crypto';

/** What travels on the bus: a small JSON object. */
export type LiveEvent = Record<string, unknown>;

/** Receives the events of one channel, each with the id its publisher gave it. */
export type LiveHandler = (event: LiveEvent, id: string) => void;

/**
 * Live fan-out between Ruche's instances. `publish` sends to every subscriber of the channel on
 * every instance (this one included); call it after the write it announces has committed.
 */
export interface LiveBus {
  readonly driver: LiveDriver;
  /** Rejects when the event is larger than `MAX_LIVE_EVENT_BYTES` or the transport fails. */
  publish(channel: string, event: LiveEvent): Promise<void>;
  /** Resolves once events published from now on will arrive; returns the unsubscribe function. */
  subscribe(channel: string, handler: LiveHandler): Promise<() => void>;
  /**
   * Called after the transport lost its connection and found it again: events published in
   * between are lost, and subscribers may tell their readers to catch up.
   */
  onGap(handler: () => void): void;
  close(): Promise<void>;
}

export type LiveDriver = 'memory' | 'postgres' | 'redis';

/**
 * How a driver moves serialised envelopes between instances; the bus does the rest (ids,
 * size, channels). `start` delivers every envelope published by any instance to `receive`.
 */
export interface LiveTransport {
  readonly driver: LiveDriver;
  send(wire: string): Promise<void>;
  start(receive: (wire: string) => void, onGap: () => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; every driver keeps the same limit,
 * so that an event too large fails in the embedded tests too, not first in production.
 */
export const MAX_LIVE_EVENT_BYTES = 7999;

export class LiveEventTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`A live event must stay under 8000 bytes once serialised (this one: ${bytes})`);
    this.name = 'LiveEventTooLarge';
  }
}

/** The serialised envelope: channel, id, event. */
interface Envelope {
  c: string;
  i: string;
  e: LiveEvent;
}

/** The bytes an event takes on the wire, for callers that pack several into one. */
export function wireBytes(channel: string, event: LiveEvent): number {
  return Buffer.byteLength(serialise(channel, newId(), event));
}

function serialise(channel: string, id: string, event: LiveEvent): string {
  return JSON.stringify({ c: channel, i: id, e: event } satisfies Envelope);
}

function parse(wire: string): Envelope | null {
  try {
    const value = JSON.parse(wire) as Partial<Envelope> | null;
    if (typeof value?.c !== 'string' || typeof value.i !== 'string') return null;
    if (typeof value.e !== 'object' || value.e === null) return null;
    return value as Envelope;
  } catch {
    return null;
  }
}

/** Ids sort by publication time (to the millisecond), then at random. */
function newId(): string {
  return Date.now().toString(36).padStart(9, '0') + randomBytes(6).toString('base64url');
}

/**
 * The bus over a transport. The transport starts with the first subscription, so an instance
 * that only publishes (a command, a test) holds no listening connection.
 */
export function createLiveBus(transport: LiveTransport, log: (err: unknown) => void): LiveBus {
  const channels = new Map<string, Set<LiveHandler>>();
  const gapHandlers: (() => void)[] = [];
  let started: Promise<void> | null = null;
  let closed = false;

  const receive = (wire: string) => {
    const envelope = parse(wire);
    if (!envelope) return;
    for (const handler of channels.get(envelope.c) ?? []) {
      try {
        handler(envelope.e, envelope.i);
      } catch (err) {
        log(err);
      }
    }
  };
  const gap = () => {
    for (const handler of gapHandlers) handler();
  };

  return {
    driver: transport.driver,
    async publish(channel, event) {
      if (closed) throw new Error('The live bus is closed');
      const wire = serialise(channel, newId(), event);
      const bytes = Buffer.byteLength(wire);
      if (bytes > MAX_LIVE_EVENT_BYTES) throw new LiveEventTooLarge(bytes);
      await transport.send(wire);
    },
    async subscribe(channel, handler) {
      if (closed) throw new Error('The live bus is closed');
      let handlers = channels.get(channel);
      if (!handlers) channels.set(channel, (handlers = new Set()));
      handlers.add(handler);
      const unsubscribe = () => {
        handlers.delete(handler);
        if (handlers.size === 0 && channels.get(channel) === handlers) channels.delete(channel);
      };
      started ??= transport.start(receive, gap);
      try {
        await started;
      } catch (err) {
        // The next subscriber tries again.
        started = null;
        unsubscribe();
        throw err;
      }
      return unsubscribe;
    },
    onGap(handler) {
      gapHandlers.push(handler);
    },
    async close() {
      if (closed) return;
      closed = true;
      channels.clear();
      await started?.catch(() => undefined);
      await transport.stop();
    },
  };
}
