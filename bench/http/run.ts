// `npm run bench:http`: seeds the demo into a fresh SQLite file, then measures Ruche's main
// anonymous read paths against a bare Fastify ceiling, each server in its own process.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openStore } from '../../src/db/index.js';
import { seedDemo } from '../../src/demo/index.js';
import { load, peakRssMb, startTarget } from './measure.js';
import { commit, machine, RESULTS_FILE, writeSection } from '../results.js';
import { loadAverage, table, verdicts, type Row } from './report.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Math.min(3, seconds);
const outDir = fileURLToPath(new URL('../out/', import.meta.url));
const dbPath = `${outDir}bench.db`;

/** Seeds the demo and picks the pages to load: the busiest public community, and a long topic. */
async function seed() {
  mkdirSync(outDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const store = openStore({ kind: 'sqlite', path: dbPath });
  try {
    await migrateToLatest(store);
    await seedDemo(store, { log: (line) => console.log(line) });
    const community = await store.db
      .selectFrom('communities as c')
      .innerJoin('topics as t', 't.community_id', 'c.id')
      .where('c.visibility', '=', 'public')
      .where('t.deleted_at', 'is', null)
      .groupBy(['c.id', 'c.slug'])
      .select((eb) => ['c.id', 'c.slug', eb.fn.countAll<number>().as('n')])
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    // Outside any group, so anonymous visitors see it; the shortest of the long ones, ~15 replies.
    const topic = await store.db
      .selectFrom('topics')
      .where('community_id', '=', community.id)
      .where('group_id', 'is', null)
      .where('deleted_at', 'is', null)
      .where('reply_count', '>=', 15)
      .select(['id', 'reply_count'])
      .orderBy('reply_count')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    console.log(`Community /c/${community.slug}: ${community.n} topics.`);
    console.log(`Topic ${topic.id}: ${topic.reply_count} replies.`);
    return { community, topic };
  } finally {
    await store.close();
  }
}

const rucheEnv = {
  ...process.env,
  SQLITE_PATH: dbPath,
  PORT: '0',
  LOG_LEVEL: 'warn',
  RUCHE_DEMO: '0',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
  // Seeded members are fresh accounts (trust level 0): the bench measures the server, not the
  // new-account limits.
  TRUST_LIMITS: '0',
};

/**
 * A fresh server process per scenario: RSS never shrinks back, so a shared process would carry
 * one scenario's peak into the next. Warm-up (JIT, SQLite pages) first; a failing path aborts.
 */
async function scenario(
  name: string,
  path: string,
  app: 'ceiling' | 'ruche',
  headers: Record<string, string> = {},
): Promise<Row> {
  const target = await (app === 'ceiling'
    ? startTarget(['ceiling'], process.env)
    : startTarget([], rucheEnv));
  try {
    const res = await fetch(target.base + path, { headers });
    if (!res.ok) throw new Error(`${name}: GET ${path} answered ${res.status}`);
    await load(target.base + path, warmup, headers);
    const measured = await load(target.base + path, seconds, headers);
    const rssMb = peakRssMb(target.pid);
    console.log(`${name}: ${measured.rps.toFixed(0)} req/s, p99 ${measured.p99} ms`);
    return { name, path, ...measured, rssMb, ratio: NaN };
  } finally {
    await target.stop();
  }
}

const { community, topic } = await seed();
const loadBefore = loadAverage();
const rows = [await scenario('Ceiling (bare Fastify)', '/ping', 'ceiling')];
const pages: [string, string][] = [
  ['Topic list, HTML', `/c/${community.slug}`],
  ['Topic page, HTML', `/c/${community.slug}/t/${topic.id}`],
  ['Topic list, API', `/api/v1/communities/${community.id}/topics`],
  ['Topic page, API', `/api/v1/topics/${topic.id}`],
];
for (const [name, path] of pages) rows.push(await scenario(name, path, 'ruche'));
// What a browser asks for: the same pages compressed (brotli), as a phone receives them.
const browser = { 'accept-encoding': 'gzip, deflate, br' };
for (const [name, path] of pages.slice(0, 2))
  rows.push(await scenario(`${name}, compressed`, path, 'ruche', browser));
const ceiling = rows[0]?.rps ?? NaN;
for (const row of rows) row.ratio = row.rps / ceiling;

const command = `${process.env.BENCH_SECONDS ? `BENCH_SECONDS=${seconds} ` : ''}npm run bench:http`;
const body = [
  '## HTTP throughput (`bench/http`)',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Command: \`${command}\``,
  `- Commit: ${commit()}`,
  `- Machine: ${machine()}`,
  `- Machine load average (1 min) before / after: ${loadBefore} / ${loadAverage()} ` +
    `(${os.cpus().length} cores; autocannon shares them with the server).`,
  `- Load: autocannon, 50 connections, ${warmup} s warm-up then ${seconds} s per scenario, ` +
    'anonymous GETs on 127.0.0.1; each server is its own process (peak RSS = VmHWM). ' +
    'Without `accept-encoding` unless the scenario says "compressed" (`gzip, deflate, br`, as ' +
    'a browser sends: Ruche answers in brotli).',
  `- Demo: /c/${community.slug} has ${community.n} topics; topic ${topic.id} has ` +
    `${topic.reply_count} replies.`,
  '',
  table(rows),
  '',
  'Target "≥ 50 % of the ceiling with p99 < 50 ms" (and no errors):',
  '',
  ...verdicts(rows.slice(1)),
].join('\n');
console.log(`\n${table(rows)}\n\n${verdicts(rows.slice(1)).join('\n')}`);
writeSection('http', body);
console.log(`\nWritten to ${RESULTS_FILE}`);
