import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Db, Store } from '../db/index.js';
import type { JobDefinition, JobLog } from './define.js';
import type { Driver, Envelope, JobState, JobSummary } from './driver.js';

// pg-boss keeps its tables in a schema of its own, beside Ruche's.
const SCHEMA = 'pgboss';
// Failed jobs stay listed (and retryable) this long; pg-boss then archives them.
const FAILED_KEPT_SECONDS = 30 * 86_400;
// Any number of Ruche's own: the advisory lock around starting pg-boss and creating a queue.
const SETUP_LOCK = 7_265_811_402;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const pgStates: Record<JobState, string[]> = {
  queued: ['created', 'retry'],
  running: ['active'],
  failed: ['failed'],
};

interface PgBossRow {
  id: string;
  name: string;
  state: string;
  data: Envelope | null;
  retry_count: number;
  retry_limit: number;
  start_after: Date;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: { message?: unknown; value?: unknown } | null;
}

/** pg-boss stores a failure as the serialised error, or `{ value }` for its own failures. */
function errorOf(output: PgBossRow['output']): string | null {
  if (!output) return null;
  const inner = output.value as { message?: unknown } | string | undefined;
  const message = output.message ?? (typeof inner === 'string' ? inner : inner?.message);
  return typeof message === 'string' ? message : JSON.stringify(output);
}

function summary(row: PgBossRow): JobSummary {
  const state: JobState =
    row.state === 'active' ? 'running' : row.state === 'failed' ? 'failed' : 'queued';
  return {
    id: row.id,
    name: row.name,
    state,
    key: row.data?.key ?? null,
    // The count grows when a retry starts, so a job waiting for its first run has none yet.
    attempts: row.state === 'created' ? 0 : row.retry_count + 1,
    maxAttempts: row.retry_limit + 1,
    runAt: row.start_after.getTime(),
    createdAt: row.created_on.getTime(),
    startedAt: row.started_on?.getTime() ?? null,
    failedAt: state === 'failed' ? (row.completed_on?.getTime() ?? null) : null,
    lastError: errorOf(row.output),
  };
}

/**
 * The PostgreSQL driver: pg-boss (docs/decisions/005-jobs.md), through Ruche's own connection
 * pool, so that a job is queued in the caller's transaction (with its key) and nothing opens a
 * second pool. Each definition is a pg-boss queue; retries, back-off, time-outs, expiry and
 * archiving are pg-boss's.
 */
export function pgBossDriver(store: Store, fallbackLog: JobLog): Driver {
  if (store.dialect !== 'postgres') throw new Error('The pg-boss job driver runs on PostgreSQL.');
  let log = fallbackLog;
  // Every query pg-boss sends, so that stopping waits for the last (it does not await all).
  const inflight = new Set<Promise<unknown>>();
  const running = new Set<Promise<unknown>>();
  let stopping = false;

  const through = (db: Db): PgBoss.Db => ({
    executeSql(text: string, values: unknown[] = []) {
      const done = db.executeQuery(CompiledQuery.raw(text, values));
      inflight.add(done);
      const forget = () => inflight.delete(done);
      done.then(forget, forget);
      return done;
    },
  });

  const boss = new PgBoss({
    db: through(store.db),
    schema: SCHEMA,
    // Ruche's own scheduler (./scheduler.ts) runs schedules, on both drivers alike.
    schedule: false,
    supervise: true,
    migrate: true,
    archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
  });
  boss.on('error', (err) => log.error({ err }, 'pg-boss reported an error'));

  let started: Promise<void> | undefined;
  const queues = new Map<string, Promise<void>>();
  // Taken around pg-boss's start and around a queue's creation: two instances starting at once
  // on a new database both install pg-boss's schema, and one fails ("current transaction is
  // aborted"); two creating one queue deadlock inside pg-boss (each inserts the queue's row, then
  // wants a lock the other's insert holds). One at a time, across instances.
  const oneAtATime = (work: () => Promise<unknown>) =>
    store.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${SETUP_LOCK})`.execute(conn);
      try {
        await work();
      } finally {
        await sql`select pg_advisory_unlock(${SETUP_LOCK})`.execute(conn);
      }
    });
  const open = () => {
    started ??= oneAtATime(() => boss.start()).then(
      () => undefined,
      (err: unknown) => {
        started = undefined;
        throw err;
      },
    );
    return started;
  };
  const prepare = (definition: JobDefinition) => {
    let queue = queues.get(definition.name);
    if (!queue) {
      queue = open().then(() => createQueue(definition.name));
      queue.catch(() => queues.delete(definition.name));
      queues.set(definition.name, queue);
    }
    return queue;
  };
  const createQueue = async (name: string) => {
    if (await boss.getQueue(name)) return;
    await oneAtATime(() => boss.createQueue(name));
  };
  const rows = async (where: ReturnType<typeof sql>, limit: number) => {
    await open();
    const result = await sql<PgBossRow>`
      select id, name, state::text as state, data, retry_count, retry_limit, start_after,
        created_on, started_on, completed_on, output
      from ${sql.table(`${SCHEMA}.job`)}
      where ${where}
      order by created_on desc, id
      limit ${limit}`.execute(store.db);
    return result.rows;
  };

  return {
    kind: 'pg-boss',
    prepare,
    async insert(trx, job) {
      const d = job.definition;
      const id = await boss.send(d.name, job.envelope as object, {
        db: through(trx),
        startAfter: new Date(job.runAt),
        retryLimit: d.retries,
        retryDelay: d.backoffSeconds,
        retryBackoff: true,
        expireInSeconds: d.timeoutSeconds,
      });
      if (!id) throw new Error(`pg-boss did not queue a ${d.name} job.`);
      return id;
    },
    async list(states, limit) {
      if (states.length === 0) return [];
      const wanted = states.flatMap((s) => pgStates[s]);
      return (await rows(sql`state::text = any(${wanted})`, limit)).map(summary);
    },
    async find(id) {
      if (!UUID.test(id)) return undefined;
      // Completed and cancelled jobs wait in pg-boss's table for their archiving: done, here.
      const listed = Object.values(pgStates).flat();
      const [row] = await rows(sql`id = ${id}::uuid and state::text = any(${listed})`, 1);
      return row && summary(row);
    },
    async retry(id) {
      const job = await this.find(id);
      if (job?.state !== 'failed') return false;
      // pg-boss's own `retry` gives a failed job one more run (its retry limit + 1).
      await boss.retry(job.name, id);
      return true;
    },
    async start(definitions, execute, options) {
      log = options.log;
      stopping = false;
      await open();
      for (const definition of definitions) await prepare(definition);
      for (const definition of definitions) {
        for (let i = 0; i < options.concurrency; i++) {
          await boss.work<Envelope>(
            definition.name,
            {
              pollingIntervalSeconds: Math.max(0.5, options.pollMs / 1000),
              batchSize: 1,
              includeMetadata: true,
            },
            async ([job]) => {
              if (!job) return;
              // Fetched as the server stops: failed now, it runs again after the restart.
              if (stopping) throw new Error('Ruche stopped before this job ran');
              const run = execute(definition, job.data, {
                id: job.id,
                attempt: job.retryCount + 1,
                maxAttempts: job.retryLimit + 1,
              });
              running.add(run);
              const forget = () => running.delete(run);
              run.then(forget, forget);
              await run;
            },
          );
        }
      }
    },
    async stop() {
      stopping = true;
      await started?.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      // A worker may still be fetching, or completing its last job: until nothing moves.
      while (inflight.size > 0 || running.size > 0) {
        await Promise.allSettled([...inflight, ...running]);
        await new Promise((resolve) => setImmediate(resolve));
      }
      started = undefined;
      queues.clear();
    },
    wake() {
      // pg-boss's workers poll; a job waits `pollMs` at most.
    },
    forgetFailed: () => Promise.resolve(),
  };
}
