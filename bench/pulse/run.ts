// `npm run bench:pulse`: the weekly pulse of 100,000 members with a week of activity, built as
// the schedule builds it (claims, builder, subject, text and HTML, records) with the mail left
// out; reports pulses built per second and the peak RSS (issue 22, item 5: ≥ 1,000 per second).
// On SQLite, and on PostgreSQL when RUCHE_BENCH_POSTGRES_URL names a server.
// BENCH_MEMBERS (100,000), BENCH_ROUNDS (1), BENCH_ENGINES (sqlite,postgres),
// BENCH_CPU_PROF=<dir> (a CPU profile of each run).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Config } from '../../src/config/index.js';
import { migrateToLatest, openStore } from '../../src/db/index.js';
import { commit, machine, writeSection } from '../results.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';
import type { RoundRequest, RoundsReport } from './round.js';
import { seedWorld } from './seed.js';
import { PULSE_AT } from './shape.js';
import { generateWorld, type World } from './world.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CPU_PROF = process.env.BENCH_CPU_PROF;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const TARGET = 1_000;
const pgServer = process.env.RUCHE_BENCH_POSTGRES_URL;
const PG_DATABASE = 'ruche_bench_pulse';
const roundScript = fileURLToPath(new URL('./round.ts', import.meta.url));
// The schedule's first look after the moment: Monday 08:05 in Paris.
const RUN_AT = PULSE_AT + 5 * 60_000;

type Engine = 'sqlite' | 'postgres';

interface Row {
  engine: Engine;
  seedSeconds: number;
  report: RoundsReport;
}

async function seed(engine: Engine, database: Config['database'], world: World) {
  const store = openStore(database);
  try {
    await migrateToLatest(store);
    const started = performance.now();
    await seedWorld(store, world);
    // What autovacuum would have done on a live instance after these rows came in.
    if (engine === 'postgres') await sql`vacuum analyze`.execute(store.db);
    return (performance.now() - started) / 1000;
  } finally {
    await store.close();
  }
}

function runRounds(engine: Engine, database: Config['database']): Promise<RoundsReport> {
  const execArgv = ['--import', 'tsx'];
  if (CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`);
  const child = fork(roundScript, [], { execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on(
      'message',
      (m: { kind: string; round?: number; seconds?: number; counts?: unknown }) => {
        if (m.kind === 'round')
          console.log(
            `${engine}: round ${m.round}: ${m.seconds?.toFixed(1)} s, load ${os.loadavg()[0]?.toFixed(2)}`,
            m.counts,
          );
        if (m.kind === 'done') resolve(m as RoundsReport);
      },
    );
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the round process ended with ${code}`));
    });
    const request: RoundRequest = { database, at: RUN_AT, rounds: ROUNDS };
    child.send(request);
  });
}

async function measure(engine: Engine, database: Config['database'], world: World): Promise<Row> {
  console.log(`${engine}: seeding…`);
  const seedSeconds = await seed(engine, database, world);
  console.log(`${engine}: seeded in ${seedSeconds.toFixed(1)} s; building the pulses…`);
  return { engine, seedSeconds, report: await runRounds(engine, database) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function describe(world: World): string {
  const at = (kind: string) =>
    world.log.filter((r) => r.kind === kind && r.created_at >= PULSE_AT - 7 * 86_400_000).length;
  const privateGroups = world.groups.filter((g) => g.visibility === 'private').length;
  const weekTopics = world.topics.filter((t) => t.created_at >= PULSE_AT - 7 * 86_400_000);
  const open = weekTopics.filter((t) => t.kind === 'question' && t.reply_count === 0).length;
  return (
    `${world.users.length} members (${world.memberships.length} memberships of ${world.communities.length} communities, one private; ` +
    `${world.groupMembers.length} group memberships of ${world.groups.length} groups, ${privateGroups} private); ` +
    `before the week ${world.topics.length - weekTopics.length} topics and ${world.replies.length - at('reply.created')} replies (the members' past answers); ` +
    `in the week ${weekTopics.length} topics (${open} questions still open), ${at('reply.created')} replies, ${at('reaction.added')} "Merci" (${at('reaction.removed')} taken back), ` +
    `${at('content.viewed')} reads, ${at('community.joined')} newcomers and ${at('group.joined')} group arrivals; ${world.log.length} activity-log rows in all`
  );
}

function report(rows: Row[], world: World): string {
  const command = [
    MEMBERS !== 100_000 ? `BENCH_MEMBERS=${MEMBERS}` : '',
    ROUNDS !== 1 ? `BENCH_ROUNDS=${ROUNDS}` : '',
    pgServer ? 'RUCHE_BENCH_POSTGRES_URL=…' : '',
    'npm run bench:pulse',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [
    '## The weekly pulse (`bench/pulse`)',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\``,
    `- Commit: ${commit()}`,
    `- Machine: ${machine()}`,
    `- Instance: ${describe(world)}.`,
    `- A run is what the schedule does at Monday 08:05 (\`runPulses\`): find the due members, claim each one's pulse, build them 500 at a time, compose subject, text and HTML in the member's language, record each as sent or empty. The delivery keeps the message instead of mailing it (no SMTP). ${ROUNDS === 1 ? 'One round per engine' : `${ROUNDS} rounds per engine (the records forgotten between rounds); the median shown`}, in a process of its own: its peak RSS (\`process.resourceUsage().maxRSS\`) is the run's. Load average (1 min) before / after each run, on ${os.cpus().length} cores shared with other work.`,
    '',
    '| Engine | members due | pulses with content / empty | run s (CPU s) | pulses per s (per CPU s) | with content per s | text / HTML KB per pulse | peak RSS MB | load before / after | target ≥ 1,000/s |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map((r) => {
      const rounds = r.report.rounds;
      const seconds = median(rounds.map((x) => x.seconds));
      const mid = rounds.find((x) => x.seconds === seconds) ?? rounds[0];
      if (!mid) return `| ${r.engine} | no round |`;
      const c = mid.counts;
      const perSecond = c.due / seconds;
      const kb = (bytes: number) => (c.sent === 0 ? 0 : bytes / c.sent / 1024).toFixed(1);
      return `| ${r.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} | ${c.due} | ${c.sent} / ${c.empty} | ${seconds.toFixed(1)} (${mid.cpuSeconds.toFixed(1)}) | ${perSecond.toFixed(0)} (${(c.due / mid.cpuSeconds).toFixed(0)}) | ${(c.sent / seconds).toFixed(0)} | ${kb(mid.textBytes)} / ${kb(mid.htmlBytes)} | ${r.report.peakRssMb.toFixed(0)} | ${mid.loadBefore.toFixed(2)} / ${mid.loadAfter.toFixed(2)} | ${perSecond >= TARGET ? 'yes' : 'no'} |`;
    }),
  ];
  return lines.join('\n');
}

console.log(`Generating ${MEMBERS} members and their week…`);
const world = generateWorld(MEMBERS);
console.log(describe(world));
const rows: Row[] = [];
const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-pulse-'));
try {
  if (ENGINES.includes('sqlite'))
    rows.push(await measure('sqlite', { kind: 'sqlite', path: join(dir, 'pulse.db') }, world));
  if (pgServer && ENGINES.includes('postgres')) {
    const url = await freshDatabase(pgServer, PG_DATABASE);
    rows.push(await measure('postgres', { kind: 'postgres', url }, world));
    await dropDatabase(pgServer, PG_DATABASE);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const section = report(rows, world);
writeSection('pulse', section);
console.log(`\n${section}`);
const sample = rows[0]?.report.sample;
if (sample) console.log(`\nA pulse (SQLite):\n${sample.subject}\n\n${sample.text}`);
