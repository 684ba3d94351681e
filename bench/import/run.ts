// `npm run bench:import`: runs `ruche import stackexchange` on the French Language Meta dump, as
// its own process, into a fresh SQLite file and — when RUCHE_BENCH_POSTGRES_URL names a server —
// a fresh PostgreSQL database, BENCH_RUNS times each (3 by default); then, apart, imports it
// BENCH_RUNS + 1 times in one process (in-process.ts) for the warm rate; writes the figures to
// bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../src/db/index.js';
import type { ImportSummary } from '../../src/importers/index.js';
import { loadAverage } from '../http/report.js';
import { commit, machine, RESULTS_FILE, writeSection } from '../results.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';
import { table, TARGET_POSTS_PER_SECOND, type EngineResult, type Run } from './report.js';

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const postgresAdminUrl = process.env.RUCHE_BENCH_POSTGRES_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));
// The scratch database; the admin URL's own database is only used to create and drop it.
const SCRATCH_DATABASE = 'ruche_bench_import';

/** The dump where the importer's tests find it. */
const dumpDir =
  [process.env.RUCHE_SHARED_DATA, join(root, '../shared/data/'), '/work/shared/data/']
    .filter((d): d is string => Boolean(d))
    .map((d) => join(d, 'french.meta.stackexchange.com'))
    .find((d) => existsSync(join(d, 'Posts.xml'))) ??
  fail('The French Language Meta dump was not found: set RUCHE_SHARED_DATA.');

function fail(message: string): never {
  throw new Error(message);
}

/** Runs Node in the project with `args`; resolves with its standard output and wall time. */
function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ output: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ output, seconds });
      else reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/**
 * `node bin/ruche.js import stackexchange <dump>` on the given database; resolves with its wall
 * time in seconds.
 */
async function runCommand(
  database: { SQLITE_PATH: string } | { DATABASE_URL: string },
): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RUCHE_DEMO: '0',
    LOG_LEVEL: 'warn',
    ...database,
  };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  return (await runNode(['bin/ruche.js', 'import', 'stackexchange', dumpDir], env)).seconds;
}

/** The summary the import keeps in import_runs, read once the command is over. */
async function summaryIn(store: Store): Promise<ImportSummary> {
  try {
    const row = await store.db
      .selectFrom('import_runs')
      .select('summary')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.summary ?? 'null') as ImportSummary;
  } finally {
    await store.close();
  }
}

function toRun(commandSeconds: number, s: ImportSummary): Run {
  const run: Run = {
    posts: s.topics.imported + s.replies.answers + s.replies.comments,
    commandSeconds,
    importSeconds: s.seconds.total,
    postsSeconds: s.seconds.topics,
    readingSeconds: s.seconds.reading,
    membersSeconds: s.seconds.members,
  };
  console.log(
    `  ${run.posts} posts: command ${commandSeconds.toFixed(2)} s, import ` +
      `${run.importSeconds.toFixed(2)} s, posts phase ${run.postsSeconds.toFixed(2)} s ` +
      `(${(run.posts / run.postsSeconds).toFixed(0)} posts/s)`,
  );
  return run;
}

async function runSqlite(): Promise<Run> {
  const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-import-'));
  try {
    const path = join(dir, 'ruche.db');
    const seconds = await runCommand({ SQLITE_PATH: path });
    return toRun(seconds, await summaryIn(openStore({ kind: 'sqlite', path })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<Run> {
  const server = postgresAdminUrl ?? '';
  const url = await freshDatabase(server, SCRATCH_DATABASE);
  try {
    const seconds = await runCommand({ DATABASE_URL: url });
    return toRun(seconds, await summaryIn(openStore({ kind: 'postgres', url })));
  } finally {
    await dropDatabase(server, SCRATCH_DATABASE);
  }
}

/** Posts-phase seconds of imports 2 to runs + 1 in one process: the first one warms the JIT. */
async function measureWarm(engine: 'sqlite' | 'postgres'): Promise<number[]> {
  const { output } = await runNode(
    ['--import', 'tsx', 'bench/import/in-process.ts', dumpDir, String(runs + 1)],
    { ...process.env, RUCHE_BENCH_ENGINE: engine, LOG_LEVEL: 'warn' },
  );
  const lines = output.trim().split('\n');
  const seconds = lines.map((l) => (JSON.parse(l) as { seconds: { topics: number } }).seconds);
  const warm = seconds.slice(1).map((s) => s.topics);
  console.log(
    `  in one process, posts phase: first ${seconds[0]?.topics.toFixed(2)} s, then ` +
      warm.map((t) => `${t.toFixed(2)} s`).join(', '),
  );
  return warm;
}

async function measure(
  engine: string,
  once: () => Promise<Run>,
  kind: 'sqlite' | 'postgres',
): Promise<EngineResult> {
  console.log(`${engine}: ${runs} runs`);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  return { engine, runs: results, warmPostsSeconds: await measureWarm(kind) };
}

const loadBefore = loadAverage();
const results = [await measure('SQLite', runSqlite, 'sqlite')];
if (postgresAdminUrl) results.push(await measure('PostgreSQL', runPostgres, 'postgres'));

const command = [
  process.env.BENCH_RUNS ? `BENCH_RUNS=${runs}` : '',
  postgresAdminUrl ? `RUCHE_BENCH_POSTGRES_URL=${postgresAdminUrl}` : '',
  'npm run bench:import',
]
  .filter(Boolean)
  .join(' ');
const body = [
  '## Stack Exchange import (`bench/import`)',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Command: \`${command}\``,
  `- Commit: ${commit()}`,
  `- Machine: ${machine()}`,
  `- Machine load average (1 min) before / after: ${loadBefore} / ${loadAverage()} ` +
    `(${os.cpus().length} cores, shared with other work).`,
  `- Dump: \`${dumpDir}\`; each run is \`node bin/ruche.js import stackexchange <dump>\` in its ` +
    'own process, on a fresh database (a temporary SQLite file; PostgreSQL: a scratch ' +
    `database \`${SCRATCH_DATABASE}\`, created and dropped). Posts = questions + answers + comments.`,
  '- Command = the whole process (Node start, loading the sources through tsx, migrations, the ' +
    'import); import = `importStackExchange` alone; posts phase = writing topics, replies, ' +
    'reactions, search entries, activity rows and import map (the summary’s "topics" figure).',
  `- Warm = the posts phase of imports 2 to ${runs + 1} when the dump is imported ${runs + 1} ` +
    'times in one process (`bench/import/in-process.ts`), each into a fresh database: the JIT ' +
    'is warm and the search stems of these words are cached, as deep into a large dump. The ' +
    'other columns are cold: one import per process, as a real run of the command.',
  '',
  table(results),
  '',
  `Target ≥ ${TARGET_POSTS_PER_SECOND.toLocaleString('en-US')} posts/s: ` +
    results
      .map(({ engine, runs: rs, warmPostsSeconds }) => {
        const best = Math.max(...rs.map((r) => r.posts / r.postsSeconds));
        const warm = (rs[0]?.posts ?? 0) / Math.min(...warmPostsSeconds);
        return `${engine} ${best >= TARGET_POSTS_PER_SECOND ? 'met' : 'not met'} (best posts phase ${best.toFixed(0)} posts/s cold, ${warm.toFixed(0)} warm)`;
      })
      .join('; ') +
    '.',
].join('\n');
console.log(`\n${table(results)}`);
writeSection('import', body);
console.log(`\nWritten to ${RESULTS_FILE}`);
