import pg from 'pg';
import type { LiveTransport } from './bus.js';

/** One PostgreSQL channel carries every live channel of the database. */
const PG_CHANNEL = 'ruche_live';
/** The listening connection is checked this often; a dead one is replaced. */
const PING_MS = 20_000;
/** Waits between reconnection attempts, the last one repeated. */
const RETRY_MS = [100, 250, 500, 1_000, 2_000, 5_000];

export interface PostgresTransportOptions {
  url: string;
  /** Sends a NOTIFY through the store's pool (src/db/notify.ts). */
  notify: (channel: string, payload: string) => Promise<void>;
  log: (err: unknown, message: string) => void;
}

/**
 * LISTEN/NOTIFY when DATABASE_URL is set: one dedicated connection per instance listens, whatever
 * the number of readers; publishing goes through the ordinary pool. A lost connection is opened
 * again, with growing waits, and the bus is told of the gap.
 */
export function postgresTransport(options: PostgresTransportOptions): LiveTransport {
  let client: pg.Client | null = null;
  let stopped = false;
  let ping: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let attempts = 0;

  async function listen(receive: (wire: string) => void, onLost: () => void): Promise<void> {
    const c = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      query_timeout: 10_000,
      application_name: 'ruche-live',
    });
    c.on('notification', (m) => {
      if (m.channel === PG_CHANNEL && m.payload !== undefined) receive(m.payload);
    });
    // The connection's failures end it; 'end' below opens another.
    c.on('error', (err) => options.log(err, 'live: the listening connection failed'));
    c.once('end', () => {
      if (client !== c) return;
      client = null;
      if (ping) clearInterval(ping);
      if (!stopped) onLost();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${PG_CHANNEL}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    if (stopped) {
      await c.end();
      return;
    }
    client = c;
    attempts = 0;
    ping = setInterval(() => {
      c.query('select 1').catch(() => c.end().catch(() => undefined));
    }, PING_MS);
    ping.unref();
  }

  return {
    driver: 'postgres',
    send: (wire) => options.notify(PG_CHANNEL, wire),
    async start(receive, onGap) {
      const reconnect = () => {
        const wait = RETRY_MS[Math.min(attempts++, RETRY_MS.length - 1)];
        retry = setTimeout(() => {
          retry = null;
          listen(receive, reconnect).then(
            () => onGap(),
            (err: unknown) => {
              options.log(err, 'live: reconnecting to PostgreSQL failed');
              if (!stopped) reconnect();
            },
          );
        }, wait);
      };
      await listen(receive, reconnect);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
