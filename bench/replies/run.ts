// `npm run bench:replies`: replies per second with notifications on, in an instance of 1,000
// members and in one of 100,000, measured in one run (issue 22, item 5: the second at least
// 80 % of the first). Both instances hold the same community, groups, active topics and people
// concerned by the replies (bench/replies/shape.ts); only the number of members, and what
// grows with it, differ. Rounds alternate between the two. SQLite, and PostgreSQL when
// RUCHE_BENCH_POSTGRES_URL names a server.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config/index.js';
import { commit, machine, writeSection } from '../results.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';
import { postReplies, repliesToPost } from './requests.js';
import { seedInstance, type Instance } from './seed.js';
import { startTarget, watchDatabase } from './target.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
/** A directory: each server writes a CPU profile there (`node --cpu-prof`). */
const CPU_PROF = process.env.BENCH_CPU_PROF;
const TARGET_RATIO = 0.8;
const pgServer = process.env.RUCHE_BENCH_POSTGRES_URL;

type Engine = 'SQLite' | 'PostgreSQL';

interface Measure {
  engine: Engine;
  members: number;
  round: number;
  load: number;
  repliesPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  replies: number;
  notifications: number;
  /** Seconds the consumer needed after the last reply to have read everything. */
  catchUp: number;
}

interface Built {
  engine: Engine;
  database: Config['database'];
  env: Record<string, string>;
  instance: Instance;
}

const loadAverage = () => os.loadavg()[0] ?? NaN;

async function measure(built: Built, round: number): Promise<Measure> {
  const { instance } = built;
  const target = await startTarget(
    {
      ...process.env,
      ...built.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      RUCHE_DEMO: '0',
      // Seeded members are fresh accounts (trust level 0): measured is the server, not the
      // new-account limits.
      TRUST_LIMITS: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '1000000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
    },
    CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [],
  );
  const database = watchDatabase(built.database);
  try {
    const posts = repliesToPost(instance);
    await postReplies(target.base, posts, WARMUP_SECONDS, CONNECTIONS);
    const before = await database.settled();
    const load = loadAverage();
    const posted = await postReplies(target.base, posts, SECONDS, CONNECTIONS);
    const after = await database.settled();
    const m: Measure = {
      engine: built.engine,
      members: instance.members,
      round,
      load,
      repliesPerSecond: posted.perSecond,
      p50: posted.p50,
      p99: posted.p99,
      failed: posted.failed,
      replies: after.replies - before.replies,
      notifications: after.notifications - before.notifications,
      catchUp: after.waitSeconds,
    };
    console.log(
      `${m.engine}, ${m.members} members, round ${round}: ${m.repliesPerSecond.toFixed(1)} replies/s, ` +
        `${m.notifications} notifications for ${m.replies} replies (caught up ${m.catchUp.toFixed(2)} s after), ` +
        `p99 ${m.p99} ms, ${m.failed} failed, load ${load.toFixed(2)}`,
    );
    return m;
  } finally {
    await database.close();
    await target.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function build(engine: Engine, members: number, dir: string): Promise<Built> {
  let database: Config['database'];
  let env: Record<string, string>;
  if (engine === 'SQLite') {
    const path = join(dir, `replies-${members}.db`);
    database = { kind: 'sqlite', path };
    env = { SQLITE_PATH: path };
  } else {
    const url = await freshDatabase(pgServer ?? '', `ruche_bench_replies_${members}`);
    database = { kind: 'postgres', url };
    env = { DATABASE_URL: url };
  }
  console.log(`${engine}: building the instance of ${members} members…`);
  const instance = await seedInstance(database, members);
  console.log(`${engine}: ${members} members built in ${instance.seedSeconds.toFixed(1)} s`);
  return { engine, database, env, instance };
}

async function runEngine(engine: Engine, dir: string): Promise<Measure[]> {
  const built: Built[] = [];
  for (const members of SIZES) built.push(await build(engine, members, dir));
  const out: Measure[] = [];
  // Alternating which size goes first, so that a drift of the machine's load weighs on both.
  for (let round = 1; round <= ROUNDS; round++)
    for (const b of round % 2 === 1 ? built : [...built].reverse())
      out.push(await measure(b, round));
  return out;
}

function report(rows: Measure[], loadBefore: number, loadAfter: number): string {
  const command = [
    SECONDS !== 15 ? `BENCH_SECONDS=${SECONDS}` : '',
    ROUNDS !== 3 ? `BENCH_ROUNDS=${ROUNDS}` : '',
    CONNECTIONS !== 10 ? `BENCH_CONNECTIONS=${CONNECTIONS}` : '',
    process.env.BENCH_SIZES ? `BENCH_SIZES=${process.env.BENCH_SIZES}` : '',
    pgServer ? 'RUCHE_BENCH_POSTGRES_URL=…' : '',
    'npm run bench:replies',
  ]
    .filter(Boolean)
    .join(' ');
  const engines = [...new Set(rows.map((r) => r.engine))];
  const table = engines.flatMap((engine) =>
    SIZES.map((members) => {
      const mine = rows.filter((r) => r.engine === engine && r.members === members);
      const rates = mine.map((r) => r.repliesPerSecond);
      const perReply =
        mine.reduce((n, r) => n + r.notifications, 0) / mine.reduce((n, r) => n + r.replies, 0);
      return (
        `| ${engine} | ${members.toLocaleString('en')} | ${rates.map((r) => r.toFixed(0)).join(' / ')} | ` +
        `**${median(rates).toFixed(0)}** | ${median(mine.map((r) => r.notifications / (SECONDS + r.catchUp))).toFixed(0)} | ` +
        `${perReply.toFixed(2)} | ${median(mine.map((r) => r.catchUp)).toFixed(2)} | ` +
        `${median(mine.map((r) => r.p50))} / ${median(mine.map((r) => r.p99))} | ` +
        `${mine.reduce((n, r) => n + r.failed, 0)} | ${mine.map((r) => r.load.toFixed(2)).join(' / ')} |`
      );
    }),
  );
  const verdicts = engines.map((engine) => {
    const at = (members: number) =>
      median(
        rows
          .filter((r) => r.engine === engine && r.members === members)
          .map((r) => r.repliesPerSecond),
      );
    const [small = 0, large = 0] = [SIZES[0] ?? 0, SIZES.at(-1) ?? 0];
    const ratio = at(large) / at(small);
    return `- ${engine}: ${at(large).toFixed(0)} / ${at(small).toFixed(0)} = **${(ratio * 100).toFixed(0)} %** — target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? 'met' : 'not met'}.`;
  });
  return [
    '## Replies per second with notifications on (`bench/replies`)',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Command: \`${command}\``,
    `- Commit: ${commit()}`,
    `- Machine: ${machine()}`,
    `- Machine load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} (${os.cpus().length} cores, shared by the server, the database and autocannon); each round's is in the table.`,
    `- Instances (\`bench/replies/shape.ts\`, \`seed.ts\`): one public community with 4 groups (one private), 24 active topics (6 in the community, 6 in each of 3 groups), one old topic per 20 members (2 replies each), each member's 3 past notifications (most read); a tenth of members changed a kind's channels, one in a hundred blocked someone, a tenth watch an old topic, one in twenty muted one, 2 % watch the quiet group. Members 0–999 are the same people in both instances (same groups, watches, mutes, blocks): each active topic has its author and repliers, 15 more watchers and 2 muters; each active group 10 watchers and 1 muter. What grows with the instance is everything else: members, memberships, group members, old topics, watches, preferences, blocks, past notifications.`,
    `- Load: \`ruche start\`'s server (\`startServer\`, notifications consumer on, nudged after each write) in its own process; autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s, \`POST /api/v1/topics/{id}/replies\` with the API tokens of 40 members in turn, over the 24 topics; 30 % of replies mention one member (10 % two), some of whom may not read the topic; 25 % answer an earlier reply. Write rate limits raised out of the way. Rounds alternate which instance goes first; the median of ${ROUNDS} rounds.`,
    '- Notifications/s: notifications made for the run’s replies (rows added, counted once the consumer had read the whole log), per second from the first reply until then (the run, plus the seconds the consumer needed after the last reply: "caught up s").',
    '',
    '| Engine | members | replies/s per round | median replies/s | notifications/s | notifications per reply | caught up s | p50 / p99 ms | failed | load avg per round |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...table,
    '',
    `Target: with ${(SIZES.at(-1) ?? 0).toLocaleString('en')} members, at least ${TARGET_RATIO * 100} % of the replies per second with ${(SIZES[0] ?? 0).toLocaleString('en')}:`,
    '',
    ...verdicts,
  ].join('\n');
}

const loadBefore = loadAverage();
const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-replies-'));
const rows: Measure[] = [];
try {
  rows.push(...(await runEngine('SQLite', dir)));
  if (pgServer) {
    rows.push(...(await runEngine('PostgreSQL', dir)));
    for (const members of SIZES) await dropDatabase(pgServer, `ruche_bench_replies_${members}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const section = report(rows, loadBefore, loadAverage());
if (!process.env.BENCH_NO_WRITE) writeSection('replies', section);
console.log(`\n${section}`);
