// `node --import tsx bench/analytics/keep.ts build|time|profile [--engine postgres|sqlite]`:
// builds the benchmark's community into a kept database (PostgreSQL `ruche_bench_keep`, or the
// SQLite file /tmp/ruche-bench-keep.db) once, then times the warm cockpit against it as often as
// needed — for working on the cockpit's speed without regenerating 10 million rows each time.
// `profile` (PostgreSQL) logs each query's time on a pool of POOL connections (1 by default, so
// each time is the query's own) with the server options in PGX, and lists the slowest; EXPLAIN=n
// prints the plans of the n slowest.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { rebuildRollups, reportCockpit } from '../../src/analytics/index.js';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import { migrateToLatest, openStore, type Store } from '../../src/db/index.js';
import type { Database } from '../../src/db/schema.js';
import { freshDatabase } from '../scratch-database.js';
import { BENCH_TO, generate } from './generate.js';

const DAY = 86_400_000;
const KEPT = 'ruche_bench_keep';
const SQLITE_FILE = '/tmp/ruche-bench-keep.db';
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'postgres' },
    runs: { type: 'string', default: '5' },
  },
});
const pgUrl = process.env.RUCHE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function open(fresh: boolean): Promise<Store> {
  if (args.engine === 'sqlite') {
    if (fresh) for (const f of ['', '-wal', '-shm']) rmSync(SQLITE_FILE + f, { force: true });
    else if (!existsSync(SQLITE_FILE)) throw new Error('build first');
    return openStore({ kind: 'sqlite', path: SQLITE_FILE });
  }
  if (fresh) await freshDatabase(pgUrl, KEPT);
  const target = new URL(pgUrl);
  target.pathname = `/${KEPT}`;
  if (positionals[0] !== 'profile') return openStore({ kind: 'postgres', url: target.toString() });
  // One connection: each query's time is its own, not shared with the others'.
  const pool = new pg.Pool({
    connectionString: target.toString(),
    max: Number(process.env.POOL ?? 1),
    options: `-c jit=off -c random_page_cost=1.1 ${process.env.PGX ?? ''}`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: record });
  return { db, dialect: 'postgres', reads: db, close: () => db.destroy() };
}

const timings: { ms: number; sql: string; parameters: readonly unknown[] }[] = [];
function record(e: LogEvent) {
  if (e.level === 'query')
    timings.push({ ms: e.queryDurationMillis, sql: e.query.sql, parameters: e.query.parameters });
}

const period = { from: BENCH_TO - 365 * DAY, to: BENCH_TO };

/**
 * CPU seconds used so far by the local PostgreSQL server's processes (utime + stime, from /proc):
 * with Node's own, a measure of the cockpit's work that the machine's noise moves less than
 * its wall time.
 */
function serverCpu(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

async function main() {
  const command = positionals[0];
  const store = await open(command === 'build');
  try {
    if (command === 'build') {
      await migrateToLatest(store);
      const t0 = performance.now();
      await generate(store, { members: 100_000, events: 10_000_000, days: 730 });
      console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      const t1 = performance.now();
      await rebuildRollups(store);
      console.log(`rebuilt in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    }
    for (let i = 0; i < Number(args.runs); i++) {
      timings.length = 0;
      const t = performance.now();
      const cpu = process.cpuUsage();
      const server = serverCpu();
      const r = await reportCockpit(store, 'bench', period);
      const used = process.cpuUsage(cpu);
      const serverUsed = serverCpu() - server;
      const c = r.cockpit;
      console.log(
        `cockpit ${((performance.now() - t) / 1000).toFixed(3)} s (Node CPU ${((used.user + used.system) / 1e6).toFixed(3)} s, server CPU ${serverUsed.toFixed(2)} s) — circles ${JSON.stringify(c.circles.counts)}, ` +
          `median ${c.responsiveness.median_hours?.toFixed(3)} h, newcomers ${c.newcomers.count}`,
      );
      if (timings.length) {
        const total = timings.reduce((a, x) => a + x.ms, 0);
        console.log(`  ${timings.length} queries, ${total.toFixed(0)} ms in all; the slowest:`);
        if (process.env.ALL)
          for (const x of timings)
            console.log(
              `  ${x.ms.toFixed(1).padStart(7)} ms  ${x.sql.replace(/\s+/g, ' ').slice(0, 110)}`,
            );
        for (const x of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 14))
          console.log(
            `  ${x.ms.toFixed(0).padStart(6)} ms  ${x.sql.replace(/\s+/g, ' ').slice(0, 150)}`,
          );
        if (process.env.EXPLAIN) {
          const top = [...timings]
            .sort((a, b) => b.ms - a.ms)
            .slice(0, Number(process.env.EXPLAIN));
          for (const x of top) {
            const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${sql.raw(
              x.sql.replace(/\$(\d+)/g, (_m, n: string) =>
                JSON.stringify(x.parameters[Number(n) - 1]).replace(/"/g, "'"),
              ),
            )}`.execute(store.db);
            console.log(`\n${x.sql}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
          }
        }
      }
    }
  } finally {
    await store.close();
  }
}

await main();
