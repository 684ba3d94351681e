// `npm run bench:fanout`: 5,000 signed-in members each with a live stream open (Server-Sent
// Events, spread over a few client processes on loopback), then one new post that notifies
// them all: the time until the last stream has its event (issue 22, item 5: under 2 s). On
// SQLite (the in-process bus), and on PostgreSQL (LISTEN/NOTIFY) when RUCHE_BENCH_POSTGRES_URL
// names a server, and through Redis pub/sub when RUCHE_BENCH_REDIS_URL names one too.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createApiToken, importUsers, NO_PASSWORD } from '../../src/accounts/index.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { migrateToLatest, openStore } from '../../src/db/index.js';
import { startServer } from '../../src/server.js';
import { commit, machine, writeSection } from '../results.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 5_000);
const CLIENT_PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_MS = 2_000;
const pgServer = process.env.RUCHE_BENCH_POSTGRES_URL;
const redisServer = process.env.RUCHE_BENCH_REDIS_URL;
const PG_DATABASE = 'ruche_bench_fanout';
const clientScript = fileURLToPath(new URL('./clients.ts', import.meta.url));

type Engine = 'sqlite' | 'postgres' | 'redis';

interface Row {
  engine: Engine;
  driver: string;
  connectSeconds: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** Per round: publish call, and until the last stream had it (ms). */
  publishMs: number[];
  lastMs: number[];
}

/** Members and one API token each, written in one transaction (no password hashing to wait for). */
async function seed(database: Config['database']): Promise<{ ids: number[]; tokens: string[] }> {
  const store = openStore(database);
  try {
    await migrateToLatest(store);
    return await store.db.transaction().execute(async (trx) => {
      const at = Date.now();
      const handles = await importUsers(
        store,
        trx,
        Array.from({ length: CLIENTS }, (_, i) => ({
          email: `reader${i}@bench.test`,
          handle: `reader${i}`,
          displayName: `Reader ${i}`,
          bio: '',
          passwordHash: NO_PASSWORD,
          isAdmin: false,
          createdAt: at,
        })),
      );
      const ids = Array.from({ length: CLIENTS }, (_, i) => handles.get(`reader${i}`) ?? 0);
      const tokens: string[] = [];
      for (const id of ids)
        tokens.push((await createApiToken({ ...store, db: trx }, id, 'bench')).token);
      return { ids, tokens };
    });
  } finally {
    await store.close();
  }
}

interface ClientMessage {
  kind: 'ready' | 'round' | 'error';
  round?: number;
  last?: number;
  message?: string;
}

function forkClients(url: string, tokens: string[]) {
  const children: ChildProcess[] = [];
  const share = Math.ceil(tokens.length / CLIENT_PROCESSES);
  const listeners = new Set<(m: ClientMessage) => void>();
  for (let p = 0; p < CLIENT_PROCESSES; p++) {
    const slice = tokens.slice(p * share, (p + 1) * share);
    if (slice.length === 0) continue;
    const child = fork(clientScript, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.on('message', (m) => {
      for (const l of listeners) l(m as ClientMessage);
    });
    child.send({ url, tokens: slice });
    children.push(child);
  }
  const waitFor = (count: number, match: (m: ClientMessage) => boolean, timeoutMs: number) =>
    new Promise<ClientMessage[]>((resolve, reject) => {
      const got: ClientMessage[] = [];
      const timer = setTimeout(() => {
        listeners.delete(listen);
        reject(new Error(`${got.length} of ${count} client processes answered in time`));
      }, timeoutMs);
      const listen = (m: ClientMessage) => {
        if (m.kind === 'error') reject(new Error(m.message));
        if (!match(m)) return;
        got.push(m);
        if (got.length === count) {
          clearTimeout(timer);
          listeners.delete(listen);
          resolve(got);
        }
      };
      listeners.add(listen);
    });
  return {
    count: children.length,
    waitFor,
    stop() {
      for (const child of children) child.send({ kind: 'stop' });
    },
  };
}

const rssMb = () => process.memoryUsage().rss / 1024 ** 2;

async function measure(engine: Engine, env: Record<string, string>): Promise<Row> {
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    RUCHE_DEMO: '0',
    ROLLUP_INTERVAL_SECONDS: '0',
    PORT: '0',
    // Fresh seeded accounts (trust level 0) post: the new-account limits are not measured here.
    TRUST_LIMITS: '0',
    ...env,
  });
  console.log(`${engine}: ${CLIENTS} members and tokens…`);
  const { ids, tokens } = await seed(config.database);
  const server = await startServer(config);
  try {
    const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    const rssBeforeMb = rssMb();
    const started = Date.now();
    const clients = forkClients(url, tokens);
    await clients.waitFor(clients.count, (m) => m.kind === 'ready', 600_000);
    const connectSeconds = (Date.now() - started) / 1000;
    console.log(
      `${engine}: ${server.app.live.streams.count()} streams open in ${connectSeconds.toFixed(1)} s`,
    );
    const rssAfterMb = rssMb();
    const publishMs: number[] = [];
    const lastMs: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const arrivals = clients.waitFor(
        clients.count,
        (m) => m.kind === 'round' && m.round === round,
        60_000,
      );
      // One new post: an event for each member, as notifications would send after the commit.
      const sent = Date.now();
      await server.app.live.pushToMembers(
        ids.map((userId, i) => ({ userId, event: { type: 'notification', unread: i % 7, round } })),
      );
      publishMs.push(Date.now() - sent);
      const last = Math.max(...(await arrivals).map((m) => m.last ?? 0));
      lastMs.push(last - sent);
      console.log(
        `${engine}: round ${round}: the last of ${CLIENTS} streams after ${last - sent} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    clients.stop();
    return {
      engine,
      driver: server.app.live.bus.driver,
      connectSeconds,
      rssBeforeMb,
      rssAfterMb,
      publishMs,
      lastMs,
    };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function report(rows: Row[], loadBefore: number, loadAfter: number): string {
  const command = [
    CLIENTS !== 5_000 ? `BENCH_CLIENTS=${CLIENTS}` : '',
    CLIENT_PROCESSES !== 4 ? `BENCH_CLIENT_PROCESSES=${CLIENT_PROCESSES}` : '',
    ROUNDS !== 5 ? `BENCH_ROUNDS=${ROUNDS}` : '',
    pgServer ? 'RUCHE_BENCH_POSTGRES_URL=…' : '',
    redisServer ? 'RUCHE_BENCH_REDIS_URL=…' : '',
    'npm run bench:fanout',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [
    '## Live fan-out (`bench/fanout`)',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\``,
    `- Commit: ${commit()}`,
    `- Machine: ${machine()}`,
    `- Machine load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} (${os.cpus().length} cores, shared by the server, the database and the readers).`,
    `- ${CLIENTS} members, each with one stream open (\`GET /api/v1/me/events\` with an API token) from ${CLIENT_PROCESSES} reader processes on 127.0.0.1, one Ruche server (\`startServer\`, in the runner's process). A round is one new post: \`pushToMembers\` with an event for each of the ${CLIENTS} members (as notifications send after a commit), timed from the call until the last stream has its event; ${ROUNDS} rounds.`,
    "- Server RSS: the runner's process (the server and the publisher), before and after the streams opened.",
    '',
    '| Engine | bus | streams | opening s | RSS before / after MB | KB per stream | publish ms (median) | last stream ms (median / worst) | target < 2 s |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map((r) => {
      const perStream = ((r.rssAfterMb - r.rssBeforeMb) * 1024) / CLIENTS;
      const worst = Math.max(...r.lastMs);
      return `| ${r.engine === 'redis' ? 'PostgreSQL + Redis' : r.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} | ${r.driver} | ${CLIENTS} | ${r.connectSeconds.toFixed(1)} | ${r.rssBeforeMb.toFixed(0)} / ${r.rssAfterMb.toFixed(0)} | ${perStream.toFixed(1)} | ${median(r.publishMs)} | ${median(r.lastMs)} / ${worst} | ${worst < TARGET_MS ? 'yes' : 'no'} |`;
    }),
  ];
  return lines.join('\n');
}

const loadBefore = os.loadavg()[0] ?? 0;
const rows: Row[] = [];
const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-fanout-'));
try {
  rows.push(await measure('sqlite', { SQLITE_PATH: join(dir, 'fanout.db') }));
  if (pgServer) {
    const url = await freshDatabase(pgServer, PG_DATABASE);
    rows.push(await measure('postgres', { DATABASE_URL: url }));
    if (redisServer) {
      const again = await freshDatabase(pgServer, PG_DATABASE);
      rows.push(
        await measure('redis', {
          DATABASE_URL: again,
          REDIS_URL: redisServer,
          REDIS_PREFIX: `ruche-bench-${process.pid}:`,
        }),
      );
    }
    await dropDatabase(pgServer, PG_DATABASE);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const section = report(rows, loadBefore, os.loadavg()[0] ?? 0);
writeSection('fanout', section);
console.log(`\n${section}`);
