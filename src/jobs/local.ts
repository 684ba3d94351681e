import type { Store } from '../db/index.js';
import type { JobDefinition } from './define.js';
import type { Driver, Envelope, Execute, JobSummary, RunnerOptions } from './driver.js';
import {
  claimLocalJob,
  failLocalJob,
  findLocalJob,
  finishLocalJob,
  forgetFailedLocalJobs,
  insertLocalJob,
  listLocalJobs,
  retryLocalJob,
  type LocalJobRow,
} from './store.js';

function summary(row: LocalJobRow): JobSummary {
  return {
    id: String(row.id),
    name: row.name,
    state: row.state,
    key: row.key,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    createdAt: row.created_at,
    startedAt: row.started_at,
    failedAt: row.state === 'failed' ? row.finished_at : null,
    lastError: row.last_error,
  };
}

function idOf(id: string): number | undefined {
  return /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : undefined;
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 2000) || 'Error';
}

/**
 * The in-process driver, for the embedded SQLite start: jobs wait in the `jobs` table of the
 * database file, so a job queued before a crash or a restart still runs after it. The runner
 * looks for due jobs every `pollMs`, and at once when a job is queued.
 */
export function inProcessDriver(store: Store): Driver {
  if (store.dialect !== 'sqlite') throw new Error('The in-process job driver runs on SQLite.');
  const { db } = store;
  let runner: { stop(): Promise<void>; wake(): void } | undefined;

  return {
    kind: 'in-process',
    prepare: () => Promise.resolve(),
    async insert(trx, job) {
      const { definition: d } = job;
      const id = await insertLocalJob(trx, {
        name: d.name,
        data: JSON.stringify(job.envelope),
        key: job.envelope.key,
        runAt: job.runAt,
        maxAttempts: d.retries + 1,
        backoffMs: d.backoffSeconds * 1000,
        timeoutMs: d.timeoutSeconds * 1000,
        at: Date.now(),
      });
      return String(id);
    },
    async list(states, limit) {
      return (await listLocalJobs(db, [...states], limit)).map(summary);
    },
    async find(id) {
      const n = idOf(id);
      const row = n === undefined ? undefined : await findLocalJob(db, n);
      return row && summary(row);
    },
    async retry(id) {
      const n = idOf(id);
      const done = n !== undefined && (await retryLocalJob(db, n, Date.now()));
      if (done) runner?.wake();
      return done;
    },
    start(definitions, execute, options) {
      runner = startRunner(store, definitions, execute, options);
      return Promise.resolve();
    },
    async stop() {
      await runner?.stop();
      runner = undefined;
    },
    wake() {
      runner?.wake();
    },
    forgetFailed: forgetFailedLocalJobs,
  };
}

function startRunner(
  store: Store,
  definitions: JobDefinition[],
  execute: Execute,
  options: RunnerOptions,
) {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const names = [...byName.keys()];
  const running = new Set<Promise<void>>();
  let stopped = false;
  let pumping: Promise<void> | undefined;
  let again = false;

  async function runOne(row: LocalJobRow, definition: JobDefinition) {
    const at = () => Date.now();
    try {
      const envelope = JSON.parse(row.data) as Envelope;
      await withTimeout(
        execute(definition, envelope, {
          id: String(row.id),
          attempt: row.attempts,
          maxAttempts: row.max_attempts,
        }),
        row.timeout_ms,
      );
      await finishLocalJob(store.db, row.id);
    } catch (err) {
      const retryAt =
        row.attempts < row.max_attempts ? at() + row.backoff_ms * 2 ** (row.attempts - 1) : null;
      await failLocalJob(store.db, row.id, messageOf(err), retryAt, at());
    }
  }

  // Takes due jobs while a slot is free; a wake-up during a pass makes one more pass.
  async function pump() {
    do {
      again = false;
      while (!stopped && running.size < options.concurrency) {
        const row = await claimLocalJob(store.db, names, Date.now());
        if (!row) break;
        const definition = byName.get(row.name);
        if (!definition) continue;
        const done: Promise<void> = runOne(row, definition)
          .catch((err: unknown) =>
            options.log.error({ err, job: row.name }, 'job bookkeeping failed'),
          )
          .finally(() => {
            running.delete(done);
            wake();
          });
        running.add(done);
      }
    } while (again && !stopped);
  }

  function wake() {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = pump()
      .catch((err: unknown) => options.log.error({ err }, 'looking for due jobs failed'))
      .finally(() => {
        pumping = undefined;
      });
  }

  const timer = setInterval(wake, options.pollMs);
  timer.unref();
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await pumping;
      // A job still running then is left to its lease: it runs again after the restart.
      await settleWithin(Promise.allSettled([...running]), STOP_WAIT_MS);
    },
  };
}

const STOP_WAIT_MS = 10_000;

async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([work, late]);
  clearTimeout(timer);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
