// `npm run bench:auth`: 300 sign-ups from distinct addresses in 30 s while signed-in members read
// topic pages and post replies (issue 21, item 18). On SQLite, and on PostgreSQL too when
// RUCHE_BENCH_POSTGRES_URL names a server. Target: members' reads p99 < 500 ms, posts p99 < 1 s,
// no member request failing.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openStore, type Store } from '../../src/db/index.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/index.js';
import { startTarget, type Target } from '../http/measure.js';
import { commit, machine, RESULTS_FILE, writeSection } from '../results.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';
import { cpuSeconds, openLoop, Series, type Summary } from './load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SIGN_UPS = Number(process.env.BENCH_SIGN_UPS ?? 300);
// Members alone first, on the same server: what the machine gives them without a flood.
const QUIET_SECONDS = 10;
const MEMBERS = 8;
const READS_PER_SECOND = 20;
const POSTS_PER_SECOND = 2;
const SIGN_INS_PER_SECOND = 0.5;
const outDir = fileURLToPath(new URL('../out/', import.meta.url));
const pgServer = process.env.RUCHE_BENCH_POSTGRES_URL;
const PG_DATABASE = 'ruche_bench_auth';

interface Scene {
  readPath: string;
  postTopics: number[];
  emails: string[];
}

/** The demo's busiest public community: a topic to read, others to reply in, its members. */
async function pickScene(store: Store): Promise<Scene> {
  const community = await store.db
    .selectFrom('communities as c')
    .innerJoin('topics as t', 't.community_id', 'c.id')
    .where('c.visibility', '=', 'public')
    .groupBy(['c.id', 'c.slug'])
    .select((eb) => ['c.id', 'c.slug', eb.fn.countAll<number>().as('n')])
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const topics = await store.db
    .selectFrom('topics')
    .where('community_id', '=', community.id)
    .where('group_id', 'is', null)
    .where('deleted_at', 'is', null)
    .where('reply_count', '>=', 10)
    .select('id')
    .orderBy('reply_count')
    .orderBy('id')
    .limit(11)
    .execute();
  const members = await store.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.community_id', '=', community.id)
    .where('m.status', '=', 'active')
    .where('m.role', '=', 'member')
    .select('u.email')
    .orderBy('u.id')
    .limit(MEMBERS * 3)
    .execute();
  const [read, ...post] = topics.map((t) => t.id);
  return {
    readPath: `/c/${community.slug}/t/${read}`,
    postTopics: post,
    emails: members.map((m) => m.email),
  };
}

async function seed(store: Store): Promise<Scene> {
  try {
    await migrateToLatest(store);
    await seedDemo(store, { log: (line) => console.log(line) });
    return await pickScene(store);
  } finally {
    await store.close();
  }
}

interface Member {
  email: string;
  address: string;
  cookie: string;
}

function post(target: Target, path: string, body: unknown, headers: Record<string, string>) {
  return (signal?: AbortSignal) =>
    fetch(target.base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
}

/** Members sign in before the flood; those whose test reply is refused (charter…) are left out. */
async function signInMembers(target: Target, scene: Scene): Promise<Member[]> {
  const members: Member[] = [];
  for (const [i, email] of scene.emails.entries()) {
    if (members.length === MEMBERS) break;
    const address = `192.168.${i}.1`;
    const creds = { email, password: DEMO_PASSWORD };
    const res = await post(target, '/api/v1/auth/signin', creds, { 'x-forwarded-for': address })();
    const session = res.headers.getSetCookie().find((c) => c.startsWith('ruche_session='));
    if (res.status !== 200 || !session) throw new Error(`${email}: sign-in answered ${res.status}`);
    const cookie = session.split(';')[0] ?? '';
    const topic = scene.postTopics[0];
    const probe = await post(
      target,
      `/api/v1/topics/${topic}/replies`,
      { body: 'Bonjour !' },
      {
        cookie,
      },
    )();
    if (probe.status === 201) members.push({ email, address, cookie });
  }
  if (members.length < MEMBERS) throw new Error(`only ${members.length} members may post`);
  return members;
}

const replyText = (i: number) =>
  `Merci pour ce fil, je reviens avec des nouvelles de notre antenne (message ${i}).`;

/** One phase of load: `signUps` strangers over `seconds` (maybe none) while members go on. */
async function phase(
  target: Target,
  scene: Scene,
  members: Member[],
  tag: string,
  signUps: number,
  seconds: number,
) {
  const series = {
    signUps: new Series('Sign-ups (strangers)'),
    reads: new Series('Members: topic page (HTML)'),
    posts: new Series('Members: reply (API)'),
    signIns: new Series('Members: sign-in'),
    health: new Series('`/healthz`'),
  };
  const member = (i: number) => members[i % members.length] as Member;
  const cpuBefore = cpuSeconds(target.pid);
  const started = performance.now();
  await Promise.all([
    openLoop(signUps / seconds, seconds, (i) => {
      const stranger = {
        email: `flood-${tag}-${i}@example.test`,
        password: `a-long-enough-password-${i}`,
        displayName: `Nouveau ${i}`,
      };
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      return series.signUps.time(
        post(target, '/api/v1/auth/signup', stranger, { 'x-forwarded-for': address }),
      );
    }),
    openLoop(READS_PER_SECOND, seconds, (i) =>
      series.reads.time((signal) =>
        fetch(target.base + scene.readPath, { headers: { cookie: member(i).cookie }, signal }),
      ),
    ),
    openLoop(POSTS_PER_SECOND, seconds, (i) => {
      const topic = scene.postTopics[1 + (i % (scene.postTopics.length - 1))];
      return series.posts.time(
        post(
          target,
          `/api/v1/topics/${topic}/replies`,
          { body: replyText(i) },
          {
            cookie: member(i).cookie,
          },
        ),
      );
    }),
    openLoop(SIGN_INS_PER_SECOND, seconds, (i) => {
      const { email, address } = member(i);
      return series.signIns.time(
        post(
          target,
          '/api/v1/auth/signin',
          { email, password: DEMO_PASSWORD },
          {
            'x-forwarded-for': address,
          },
        ),
      );
    }),
    openLoop(1, seconds, () =>
      series.health.time((signal) => fetch(`${target.base}/healthz`, { signal })),
    ),
  ]);
  const wall = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(target.pid) - cpuBefore;
  return { summaries: Object.values(series).map((s) => s.summary()), wall, cpu };
}

type Phase = Awaited<ReturnType<typeof phase>>;
type Run = { engine: string; quiet: Phase; flood: Phase };

async function runOn(engine: string, env: NodeJS.ProcessEnv, scene: Scene): Promise<Run> {
  const target = await startTarget([], env);
  try {
    const members = await signInMembers(target, scene);
    console.log(`${engine}: ${members.length} members signed in; ${QUIET_SECONDS} s quiet…`);
    const tag = engine.toLowerCase();
    const quiet = await phase(target, scene, members, `${tag}-quiet`, 0, QUIET_SECONDS);
    console.log(`${engine}: flooding for ${SECONDS} s…`);
    const flood = await phase(target, scene, members, tag, SIGN_UPS, SECONDS);
    return { engine, quiet, flood };
  } finally {
    await target.stop();
  }
}

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: '0',
  LOG_LEVEL: 'warn',
  RUCHE_DEMO: '0',
  TRUST_PROXY: '1',
  // Members' replies are not what is measured here: their per-minute limit stays out of the way.
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
};
delete baseEnv.DATABASE_URL;

async function sqliteRun(): Promise<Run> {
  mkdirSync(outDir, { recursive: true });
  const path = `${outDir}auth.db`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const scene = await seed(openStore({ kind: 'sqlite', path }));
  return runOn('SQLite', { ...baseEnv, SQLITE_PATH: path }, scene);
}

async function postgresRun(server: string): Promise<Run> {
  const url = await freshDatabase(server, PG_DATABASE);
  try {
    const scene = await seed(openStore({ kind: 'postgres', url }));
    return await runOn('PostgreSQL', { ...baseEnv, DATABASE_URL: url }, scene);
  } finally {
    await dropDatabase(server, PG_DATABASE);
  }
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');

function table(runs: Run[]): string {
  const head = [
    '| Engine | Phase | Requests | sent | 2xx | 503 | other failures | p50 ms | p99 ms | max ms |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const phases = (run: Run): [string, Phase][] => [
    [`members alone, ${QUIET_SECONDS} s`, run.quiet],
    [`flood, ${SECONDS} s`, run.flood],
  ];
  const rows = runs.flatMap((run) =>
    phases(run).flatMap(([label, p]) =>
      p.summaries
        .filter((s) => s.sent > 0)
        .map((s: Summary) =>
          [run.engine, label, s.name, s.sent, s.ok, s.busy, s.failed, ms(s.p50), ms(s.p99)]
            .concat(ms(s.max))
            .join(' | '),
        ),
    ),
  );
  return [...head, ...rows.map((r) => `| ${r} |`)].join('\n');
}

function verdicts(run: Run): string {
  const [, reads, posts] = run.flood.summaries as [Summary, Summary, Summary];
  const [, quietReads, quietPosts] = run.quiet.summaries as [Summary, Summary, Summary];
  const memberFailures = reads.failed + reads.busy + posts.failed + posts.busy;
  const met = reads.p99 < 500 && posts.p99 < 1000 && memberFailures === 0;
  return (
    `- ${run.engine}: ${met ? 'met' : 'not met'} — during the flood reads p99 ${ms(reads.p99)} ms, ` +
    `posts p99 ${ms(posts.p99)} ms, ${memberFailures} member requests failed (members alone: ` +
    `reads p99 ${ms(quietReads.p99)} ms, posts p99 ${ms(quietPosts.p99)} ms); the server used ` +
    `${run.flood.cpu.toFixed(1)} CPU s in the flood's ${run.flood.wall.toFixed(1)} s.`
  );
}

const loadBefore = os.loadavg()[0]?.toFixed(2);
const runs = [await sqliteRun()];
if (pgServer) runs.push(await postgresRun(pgServer));
const loadAfter = os.loadavg()[0]?.toFixed(2);

const command =
  (process.env.BENCH_SECONDS ? `BENCH_SECONDS=${SECONDS} ` : '') +
  (process.env.BENCH_SIGN_UPS ? `BENCH_SIGN_UPS=${SIGN_UPS} ` : '') +
  (pgServer ? `RUCHE_BENCH_POSTGRES_URL=${pgServer} ` : '') +
  'npm run bench:auth';
const body = [
  '## Sign-up flood (`bench/auth`)',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Command: \`${command}\``,
  `- Commit: ${commit()}`,
  `- Machine: ${machine()}`,
  `- Machine load average (1 min) before / after: ${loadBefore} / ${loadAfter} ` +
    `(${os.cpus().length} cores; the load generator shares them with the server).`,
  `- Load, open loop (requests leave on time whether or not earlier ones were answered), on ` +
    `127.0.0.1 against one server process over the seeded demo: members alone for ` +
    `${QUIET_SECONDS} s (what the machine gives them), then for ${SECONDS} s ${SIGN_UPS} sign-ups, each from its own address (\`TRUST_PROXY=1\`, \`X-Forwarded-For\`); ` +
    `meanwhile ${MEMBERS} signed-in members read a topic page ${READS_PER_SECOND} times a second ` +
    `and post ${POSTS_PER_SECOND} replies a second, one of them signs in again every ` +
    `${1 / SIGN_INS_PER_SECOND} s, and \`/healthz\` is asked once a second. Rate limits at their ` +
    'defaults except members’ writes; password hashing at its defaults (argon2id 19 MiB, 2 ' +
    `passes, 1 lane; ${Math.max(1, os.availableParallelism() - 1)} at a time on ` +
    `${os.availableParallelism()} cores, 2 s of queue before a 503).`,
  '',
  table(runs),
  '',
  'Target: members’ reads p99 < 500 ms, posts p99 < 1 s, no member request failing:',
  '',
  ...runs.map(verdicts),
].join('\n');
console.log(`\n${table(runs)}\n\n${runs.map(verdicts).join('\n')}`);
writeSection('auth', body);
console.log(`\nWritten to ${RESULTS_FILE}`);
