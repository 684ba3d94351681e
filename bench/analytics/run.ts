/**
 * The cockpit of a large community: 100,000 members and 10 million activity rows over two
 * years, the full cockpit over the last 365 days, on SQLite and (with RUCHE_BENCH_POSTGRES_URL)
 * PostgreSQL. Cold: the roll-ups rebuilt from the whole log, then the cockpit. Warm: the
 * cockpit with current roll-ups. Incremental: a new day's activity folded in.
 *
 *   npm run bench:analytics            (BENCH_MEMBERS, BENCH_EVENTS for a smaller run)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import pg from 'pg';
import { sql } from 'kysely';
import { recordActivities, type ActivityEntry } from '../../src/activity/index.js';
import {
  prepareTodaysWindows,
  rebuildRollups,
  refreshRollups,
  reportCockpit,
} from '../../src/analytics/index.js';
import { migrateToLatest, openStore, type Store } from '../../src/db/index.js';
import { commit, machine, writeSection } from '../results.js';
import { BENCH_TO, MEMBER_BASE, generate } from './generate.js';

const DAY = 86_400_000;
const members = Number(process.env.BENCH_MEMBERS ?? 100_000);
const events = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const days = 730;
const warmRuns = 5;
const pgUrl = process.env.RUCHE_BENCH_POSTGRES_URL;
const PG_DATABASE = 'ruche_bench_analytics';
// The sources measured are those loaded now: a commit made during the long run is not in it.
const measured = commit();

interface Result {
  engine: string;
  generateSeconds: number;
  rollupRows: number;
  coldRollupSeconds: number;
  coldCockpitSeconds: number;
  warmSeconds: number[];
  newDayRows: number;
  newDaySeconds: number;
  newWindowSeconds: number;
  newDayCockpitSeconds: number;
  peakRssMb: number;
  check: string;
  /** The server's settings that shape the cockpit's speed (PostgreSQL). */
  settings?: string;
}

let peakRss = 0;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200).unref();

function bar(label: string) {
  if (!process.stderr.isTTY)
    return { update: (_d: number, _t: number) => undefined, stop: () => undefined };
  const b = new SingleBar(
    {
      format: `${label.padEnd(10)} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        b.start(total, 0);
        started = true;
      }
      b.update(done);
    },
    stop: () => started && b.stop(),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
}

const period = { from: BENCH_TO - 365 * DAY, to: BENCH_TO };
const cockpit = (store: Store) => reportCockpit(store, 'bench', period);

/** A day after the history: views and reactions by a few thousand members. */
function newDay(count: number): ActivityEntry[] {
  const rows: ActivityEntry[] = [];
  for (let i = 0; i < count; i++) {
    const member = MEMBER_BASE + ((i * 7919) % members);
    rows.push({
      actorId: member,
      communityId: 0, // replaced below
      kind: i % 5 === 0 ? 'reaction.added' : 'content.viewed',
      at: BENCH_TO + Math.floor((i / count) * DAY),
    });
  }
  return rows;
}

async function runEngine(engine: string, store: Store): Promise<Result> {
  await migrateToLatest(store);
  const g = bar('generate');
  const [gen, generateSeconds] = await timed(() =>
    generate(store, { members, events, days, onProgress: (d, t) => g.update(d, t) }),
  );
  g.stop();
  console.error(`${engine}: ${gen.events} events generated in ${generateSeconds.toFixed(0)} s`);
  const r = bar('roll-ups');
  const [rollupRows, coldRollupSeconds] = await timed(() =>
    rebuildRollups(store, (p) => r.update(p.done, p.total)),
  );
  r.stop();
  console.error(`${engine}: roll-ups rebuilt in ${coldRollupSeconds.toFixed(0)} s`);
  const [first, coldCockpitSeconds] = await timed(() => cockpit(store));
  const warmSeconds: number[] = [];
  for (let i = 0; i < warmRuns; i++) warmSeconds.push((await timed(() => cockpit(store)))[1]);
  console.error(`${engine}: warm cockpit ${warmSeconds.map((s) => s.toFixed(2)).join(', ')} s`);
  const day = newDay(15_000).map((e) => ({ ...e, communityId: gen.communityId }));
  await recordActivities(store, store.db, day);
  const [, newDaySeconds] = await timed(() => refreshRollups(store));
  // What the server's job does once a day: store the next day's 90-day window.
  const [, newWindowSeconds] = await timed(() => prepareTodaysWindows(store, period.to + DAY / 2));
  const [, newDayCockpitSeconds] = await timed(() =>
    reportCockpit(store, 'bench', { from: period.from + DAY, to: period.to + DAY }),
  );
  const c = first.cockpit;
  const check =
    `circles ${JSON.stringify(c.circles.counts)}; topics ${c.responsiveness.topics}, ` +
    `median first response ${c.responsiveness.median_hours?.toFixed(1) ?? '—'} h; ` +
    `newcomers ${c.newcomers.count}`;
  return {
    engine,
    generateSeconds,
    rollupRows,
    coldRollupSeconds,
    coldCockpitSeconds,
    warmSeconds,
    newDayRows: day.length,
    newDaySeconds,
    newWindowSeconds,
    newDayCockpitSeconds,
    peakRssMb: peakRss / 1024 ** 2,
    check,
  };
}

async function onSqlite(): Promise<Result> {
  const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-analytics-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'bench.db') });
  try {
    return await runEngine('SQLite', store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<Result> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_DATABASE}`);
  await admin.query(`create database ${PG_DATABASE}`);
  const target = new URL(url);
  target.pathname = `/${PG_DATABASE}`;
  const store = openStore({ kind: 'postgres', url: target.toString() });
  // As Ruche's own connections see them (they set some per session, see src/db/connect.ts).
  const shown = await sql<{ name: string; setting: string; unit: string | null }>`
    select name, setting, unit from pg_settings
    where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit',
      'server_version')
    order by name`.execute(store.db);
  const settings = shown.rows
    .map((r) => `${r.name} ${r.setting}${r.unit ? ` × ${r.unit}` : ''}`)
    .join(', ');
  try {
    return { ...(await runEngine('PostgreSQL', store)), settings };
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${PG_DATABASE}`);
    await admin.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
// The issue's targets for the warm cockpit.
const TARGET: Record<string, number> = { SQLite: 2, PostgreSQL: 1 };

function report(results: Result[]): string {
  const s = (x: number) => x.toFixed(2);
  const rows = results.map((r) =>
    [
      r.engine,
      s(r.generateSeconds),
      `${s(r.coldRollupSeconds)} (${Math.round(r.rollupRows / r.coldRollupSeconds).toLocaleString('en')} rows/s)`,
      s(r.coldCockpitSeconds),
      `${s(median(r.warmSeconds))} / ${s(Math.max(...r.warmSeconds))}`,
      `${s(r.newDaySeconds)} + ${s(r.newWindowSeconds)} + ${s(r.newDayCockpitSeconds)}`,
      r.peakRssMb.toFixed(0),
    ].join(' | '),
  );
  return [
    '## Cockpit of a large community (`bench/analytics`)',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${pgUrl ? `RUCHE_BENCH_POSTGRES_URL=${pgUrl} ` : ''}npm run bench:analytics\``,
    `- Commit: ${measured}`,
    `- Machine: ${machine()}`,
    `- Data: ${members.toLocaleString('en')} members, ${events.toLocaleString('en')} activity rows over ${days} days (\`bench/analytics/generate.ts\`); the cockpit of the community over the last 365 days (\`ruche report\`'s path: roll-up refresh, staff, facts, every indicator).`,
    '',
    '| Engine | generate s | cold: roll-ups rebuilt from the log, s | cold: first cockpit (stores the window), s | warm cockpit s (median / max of 5) | new day: fold 15,000 rows + store its window + cockpit, s | peak RSS MB |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows.map((l) => `| ${l} |`),
    '',
    "Target: warm cockpit under 2 s on SQLite and under 1 s on PostgreSQL. The cockpit stores each member's last 90 days, and their ladder rungs over 30, 90 and 365 days, once per window end (`src/analytics/rollup/recent.ts`; the server's job stores the next day's after midnight): the first cockpit after a rebuild pays for it, later ones and the next day's (once its window is stored) do not.",
    '',
    ...results.map(
      (r) =>
        `- ${r.engine}: ${median(r.warmSeconds) < (TARGET[r.engine] ?? 0) ? 'met' : 'not met'} — warm median ${s(median(r.warmSeconds))} s. Figures: ${r.check}.` +
        (r.settings ? ` Server settings: ${r.settings}.` : ''),
    ),
  ].join('\n');
}

const results = [await onSqlite()];
if (pgUrl) results.push(await onPostgres(pgUrl));
const body = report(results);
writeSection('analytics', body);
console.log(body);
process.exit(0);
