// `npm run bench:import`: runs `ruche import stackexchange` on the French Language Meta dump, as
// its own process, into a fresh SQLite file and — when RUCHE_BENCH_POSTGRES_URL names a server —
// a fresh PostgreSQL database, BENCH_RUNS times each (3 by default); then, apart, imports it
// BENCH_RUNS + 1 times in one process (in-process.ts) for the warm rate; writes the figures to
// bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../../src/db/index.js';
import type { ImportSummary } from '../../src/importers/index.js';
import { loadAverage } from '../http/report.js';
import { commit, machine, RESULTS_FILE, writeSection } from '../results.js';
import { frenchMetaDump } from '../../test/shared-data.js';
import { writeScaledDump } from './scaled-dump.js';
import { dropDatabase, freshDatabase } from '../scratch-database.js';
import {
  median,
  largeTable,
  scaledTable,
  table,
  TARGET_POSTS_PER_SECOND,
  type EngineResult,
  type Run,
  type WarmRuns,
} from './report.js';

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const postgresAdminUrl = process.env.RUCHE_BENCH_POSTGRES_URL;
const root = fileURLToPath(new URL('../../', import.meta.url));
// The scratch database; the admin URL's own database is only used to create and drop it.
const SCRATCH_DATABASE = 'ruche_bench_import';

/** The dump where the importer's tests find it. */
const dumpDir = frenchMetaDump;

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
  dir: string,
): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RUCHE_DEMO: '0',
    LOG_LEVEL: 'warn',
    ...database,
  };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  return (await runNode(['bin/ruche.js', 'import', 'stackexchange', dir], env)).seconds;
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

async function runSqlite(dump: string): Promise<Run> {
  const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-import-'));
  try {
    const path = join(dir, 'ruche.db');
    const seconds = await runCommand({ SQLITE_PATH: path }, dump);
    return toRun(seconds, await summaryIn(openStore({ kind: 'sqlite', path })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(dump: string): Promise<Run> {
  const server = postgresAdminUrl ?? '';
  const url = await freshDatabase(server, SCRATCH_DATABASE);
  try {
    const seconds = await runCommand({ DATABASE_URL: url }, dump);
    return toRun(seconds, await summaryIn(openStore({ kind: 'postgres', url })));
  } finally {
    await dropDatabase(server, SCRATCH_DATABASE);
  }
}

/**
 * Seconds of the whole import, and of rendering its posts after it, for imports 2 to runs + 1
 * in one process: the first one warms the JIT.
 */
async function measureWarm(
  engine: 'sqlite' | 'postgres',
  dir: string,
  times: number,
): Promise<WarmRuns> {
  const { output } = await runNode(
    ['--import', 'tsx', 'bench/import/in-process.ts', dir, String(times + 1)],
    { ...process.env, RUCHE_BENCH_ENGINE: engine, LOG_LEVEL: 'warn' },
  );
  const lines = output
    .trim()
    .split('\n')
    .map(
      (l) => JSON.parse(l) as { posts: number; seconds: { total: number }; renderSeconds: number },
    );
  const imports = lines.slice(1).map((l) => l.seconds.total);
  const renders = lines.slice(1).map((l) => l.renderSeconds);
  const list = (xs: number[]) => xs.map((t) => `${t.toFixed(3)} s`).join(', ');
  console.log(
    `  ${lines[0]?.posts} posts in one process, import: first ${lines[0]?.seconds.total.toFixed(3)} s, then ${list(imports)}; ` +
      `render + index: first ${lines[0]?.renderSeconds.toFixed(3)} s, then ${list(renders)}`,
  );
  return { posts: lines[0]?.posts ?? 0, imports, renders };
}

async function measure(
  engine: string,
  once: (dump: string) => Promise<Run>,
  kind: 'sqlite' | 'postgres',
): Promise<EngineResult> {
  console.log(`${engine}: ${runs} runs`);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(dumpDir));
  const warm = await measureWarm(kind, dumpDir, runs);
  const scaled = await measureWarm(kind, scaledDir, SCALED_RUNS);
  console.log(`${engine}: ${LARGE_RUNS} runs on the dump ×${LARGE_SCALE}`);
  const large: Run[] = [];
  for (let i = 0; i < LARGE_RUNS; i++) large.push(await once(largeDir));
  return {
    engine,
    runs: results,
    warmImportSeconds: warm.imports,
    warmRenderSeconds: warm.renders,
    scaled,
    large,
  };
}

// The same dump SCALE times over (bench/import/scaled-dump.ts): the rate on more than a small site.
const SCALE = 10;
const SCALED_RUNS = 3;
const scaledParent = mkdtempSync(join(os.tmpdir(), 'ruche-bench-scaled-'));
const scaledDir = writeScaledDump(dumpDir, SCALE, scaledParent);
// And LARGE_SCALE times over, imported by the command itself: a real run on a large site
// (about 100,000 posts), where the import starts its text thread.
const LARGE_SCALE = 50;
const LARGE_RUNS = 2;
const largeParent = mkdtempSync(join(os.tmpdir(), 'ruche-bench-large-'));
const largeDir = writeScaledDump(dumpDir, LARGE_SCALE, largeParent);
process.once('exit', () => {
  rmSync(scaledParent, { recursive: true, force: true });
  rmSync(largeParent, { recursive: true, force: true });
});

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
    'import); import = `importStackExchange` alone, from the first byte read to the summary; ' +
    'posts phase = writing topics, replies, reactions, activity rows, import map and render ' +
    'queue (the summary’s "topics" figure). An import leaves the posts’ HTML and search entries ' +
    'to the render queue, which the server empties in the background (`ruche render` at once).',
  `- Warm = imports 2 to ${runs + 1} when the dump is imported ${runs + 1} times in one process ` +
    '(`bench/import/in-process.ts`), each into a fresh database, each followed by emptying the ' +
    'render queue (render + index): the JIT is warm and the text thread runs (started before ' +
    'the first import), as deep into a large dump. The other ' +
    'columns are cold: one import per process, as a real run of the command on this small dump.',
  '',
  table(results),
  '',
  `The same, warm, on the dump ${SCALE} times over (\`bench/import/scaled-dump.ts\`: each row ` +
    `repeated ${SCALE} times with its ids shifted, ${SCALED_RUNS} imports after a first one), ` +
    'for the rate beyond a small site:',
  '',
  scaledTable(results),
  '',
  `The command itself on the dump ${LARGE_SCALE} times over, each run its own process (cold, ` +
    'as a real run on a large site: this size of dump starts the text thread, ' +
    '`src/importers/body-texts.ts`):',
  '',
  largeTable(results),
  '',
  `Target ≥ ${TARGET_POSTS_PER_SECOND.toLocaleString('en-US')} posts/s for the import, ` +
    'judged on the median of the warm imports: ' +
    results
      .map(({ engine, runs: rs, warmImportSeconds, scaled, large }) => {
        const posts = rs[0]?.posts ?? 0;
        const warm = posts / median(warmImportSeconds);
        const cold = posts / median(rs.map((r) => r.importSeconds));
        const bigger = scaled.posts / median(scaled.imports);
        const largest = (large[0]?.posts ?? 0) / median(large.map((r) => r.importSeconds));
        const verdict = warm >= TARGET_POSTS_PER_SECOND ? 'met' : 'not met';
        return (
          `${engine} ${verdict} (${warm.toFixed(0)} posts/s warm, ${cold.toFixed(0)} cold, ` +
          `${bigger.toFixed(0)} warm on the dump ×${SCALE}, ${largest.toFixed(0)} by the ` +
          `command on the dump ×${LARGE_SCALE})`
        );
      })
      .join('; ') +
    '.',
].join('\n');
console.log(`\n${table(results)}`);
writeSection('import', body);
console.log(`\nWritten to ${RESULTS_FILE}`);
