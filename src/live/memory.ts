import type { LiveTransport } from './bus.js';

/**
 * One process, no shared service (the embedded SQLite start): envelopes go straight back to
 * this process's subscribers, on a later turn of the event loop as they would from a server.
 */
export function memoryTransport(): LiveTransport {
  let receiver: ((wire: string) => void) | null = null;
  return {
    driver: 'memory',
    send(wire) {
      if (receiver) {
        const deliver = receiver;
        setImmediate(() => deliver(wire));
      }
      return Promise.resolve();
    },
    start(receive) {
      receiver = receive;
      return Promise.resolve();
    },
    stop() {
      receiver = null;
      return Promise.resolve();
    },
  };
}
