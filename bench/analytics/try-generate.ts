// `node --import tsx bench/analytics/try-generate.ts [--members N] [--events N] [--engine E]`:
// generates a history into a temporary SQLite file (and into a scratch PostgreSQL database when
// RUCHE_BENCH_POSTGRES_URL is set), then prints its shape and the generation rate.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateToLatest, openStore, type Store } from '../../src/db/index.js';
import { generate } from './generate.js';
import { measureShape } from './shape.js';

const SCRATCH = 'ruche_bench_gen';
const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '2000' },
    events: { type: 'string', default: '200000' },
    days: { type: 'string', default: '730' },
    engine: { type: 'string', default: 'both' },
  },
});
const options = {
  members: Number(args.members),
  events: Number(args.events),
  days: Number(args.days),
};

async function run(engine: string, store: Store): Promise<void> {
  await migrateToLatest(store);
  const started = performance.now();
  const made = await generate(store, {
    ...options,
    onProgress: (done, total) => {
      if (done % 1_000_000 < 100_000 || done === total) {
        const at = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `  ${engine}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} at ${at} s`,
        );
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${engine}: ${made.events.toLocaleString('en')} events in ${seconds.toFixed(1)} s = ` +
      `${Math.round(made.events / seconds).toLocaleString('en')} events/s ` +
      `(community ${made.communityId}, admin ${made.adminId}, staff ${made.staffIds.join(',')}, ` +
      `groups ${made.groupIds[0]}–${made.groupIds.at(-1)}, to ${new Date(made.to).toISOString()})`,
  );
  console.log(
    `  peak RSS after generating: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  const shape = await measureShape(store, made.communityId, options.members);
  const total = shape.kinds.reduce((s, k) => s + k.n, 0);
  for (const k of shape.kinds)
    console.log(`  ${k.kind.padEnd(18)} ${String(k.n).padStart(10)}  ${pct(k.n / total)}`);
  console.log(`  top 1 % of members: ${pct(shape.top1Share)} of members' contributions`);
  console.log(`  top 3 % of members: ${pct(shape.top3Share)} of members' contributions`);
  console.log(`  members who never posted: ${pct(shape.neverPosted)}`);
  console.log(`  staff share of contributions: ${pct(shape.staffShareOfContributions)}`);
  console.log(`  topics in groups: ${pct(shape.groupShareOfTopics)}`);
  console.log(
    `  topics answered by someone else: ${pct(shape.answeredShare)}, ` +
      `median first response ${shape.medianFirstResponseHours.toFixed(1)} h`,
  );
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

async function onSqlite(): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'ruche-bench-'));
  const store = openStore({ kind: 'sqlite', path: join(dir, 'bench.db') });
  try {
    await run('sqlite', store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${SCRATCH}`);
    await admin.query(`create database ${SCRATCH}`);
    const scratch = new URL(url);
    scratch.pathname = `/${SCRATCH}`;
    const store = openStore({ kind: 'postgres', url: scratch.toString() });
    try {
      await run('postgres', store);
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`drop database if exists ${SCRATCH}`);
    await admin.end();
  }
}

const url = process.env.RUCHE_BENCH_POSTGRES_URL;
if (args.engine !== 'postgres') await onSqlite();
if (args.engine !== 'sqlite') {
  if (url) await onPostgres(url);
  else console.log('postgres: skipped, RUCHE_BENCH_POSTGRES_URL is not set.');
}
