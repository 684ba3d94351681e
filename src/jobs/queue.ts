import { z } from 'zod';
import type { Db, Store } from '../db/index.js';
import { defineJob, type JobDefinition, type JobLog } from './define.js';
import type { Driver, Envelope, Execute, JobState, JobSummary } from './driver.js';
import { jobStates } from './driver.js';
import { inProcessDriver } from './local.js';
import { pgBossDriver } from './pg-boss.js';
import { occurrenceKey } from './schedule.js';
import { startScheduler, tickFor } from './scheduler.js';
import { forgetJobKeys, takeJobKey } from './store.js';

const DAY = 86_400_000;
// A key outlives its job by far: a period's or an occurrence's duplicate comes within hours.
const KEYS_KEPT_MS = 90 * DAY;
const FAILED_KEPT_MS = 30 * DAY;

export interface EnqueueOptions {
  /**
   * A deterministic key (`pulse:<userId>:<period>`): the job is queued once for a key, however
   * many times and from however many instances it is enqueued; later calls return null.
   */
  key?: string;
  /** Not before this time (epoch ms or a Date); default now. */
  runAt?: number | Date;
  /** The caller's transaction: the job is queued if, and when, it commits. */
  db?: Db;
}

export interface StartOptions {
  log: JobLog;
  /** How often an idle runner looks for due jobs; default 2 s. */
  pollMs?: number;
  /** How often the scheduler looks for due occurrences; default 30 s (less for short intervals). */
  tickMs?: number;
  /** Jobs at once: in all, in-process; per job name, on pg-boss. Default 2. */
  concurrency?: number;
}

/** Ruche's background jobs, whichever driver runs them. */
export interface Jobs {
  readonly driver: Driver['kind'];
  /** Makes definitions known: they can be enqueued, and run once `start` is called. */
  register(...definitions: JobDefinition[]): void;
  /** Queues a job; returns its id, or null when its key was already taken. */
  enqueue<P>(job: JobDefinition<P>, payload: P, options?: EnqueueOptions): Promise<string | null>;
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<string | null>;
  /** Jobs in these states (default all three), newest first. */
  list(options?: { states?: readonly JobState[]; limit?: number }): Promise<JobSummary[]>;
  find(id: string): Promise<JobSummary | undefined>;
  /** One more run for a failed job; false if `id` names no failed job. */
  retry(id: string): Promise<boolean>;
  /** Runs the registered jobs and their schedules in this process, until `close`. */
  start(options: StartOptions): Promise<void>;
  close(): Promise<void>;
}

const consoleLog: JobLog = {
  info: () => undefined,
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

function messageOf(err: unknown) {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The jobs of a store: in-process on SQLite, pg-boss on PostgreSQL. Opening connects nothing;
 * the first use does. The `jobs.prune` job (daily) is always there: it forgets keys after 90
 * days, and failed jobs nobody retried after 30.
 */
export function openJobs(store: Store): Jobs {
  const driver: Driver =
    store.dialect === 'postgres' ? pgBossDriver(store, consoleLog) : inProcessDriver(store);
  const definitions = new Map<string, JobDefinition>();
  let log = consoleLog;
  let scheduler: { stop(): Promise<void> } | undefined;
  let started = false;

  async function queue(
    definition: JobDefinition,
    envelope: Envelope,
    runAt: number,
    db: Db | undefined,
  ): Promise<string | null> {
    const { key } = envelope;
    if (key !== null && (key.length === 0 || key.length > 500))
      throw new Error(`Job ${definition.name}: a key has 1 to 500 characters.`);
    await driver.prepare(definition);
    const write = async (trx: Db) => {
      if (key !== null && !(await takeJobKey(trx, key, definition.name, Date.now()))) return null;
      return driver.insert(trx, { definition, envelope, runAt });
    };
    const id = db ? await write(db) : await store.db.transaction().execute(write);
    if (id !== null && !db) driver.wake();
    return id;
  }

  const execute: Execute = async (definition, envelope, run) => {
    try {
      const payload = definition.payload.parse(envelope.payload);
      await definition.handler(payload, {
        store,
        attempt: run.attempt,
        key: envelope.key,
        scheduledFor: envelope.scheduledFor,
        log,
      });
    } catch (err) {
      const isLast = run.attempt >= run.maxAttempts;
      log[isLast ? 'error' : 'warn'](
        { err, job: definition.name, id: run.id, attempt: run.attempt, error: messageOf(err) },
        isLast ? 'job failed, and has no retry left' : 'job failed, and will be retried',
      );
      throw err;
    }
  };

  const jobs: Jobs = {
    driver: driver.kind,
    register(...added) {
      for (const d of added) {
        const known = definitions.get(d.name);
        if (known === d) continue;
        if (known) throw new Error(`Two jobs are named ${d.name}.`);
        if (started) throw new Error(`Job ${d.name} is registered after the jobs started.`);
        definitions.set(d.name, d);
      }
    },
    async enqueue(job: JobDefinition | string, payload: unknown, options: EnqueueOptions = {}) {
      const name = typeof job === 'string' ? job : job.name;
      const definition = definitions.get(name);
      if (!definition) throw new Error(`No job named ${name} is registered.`);
      // A payload that does not fit is the caller's mistake: refused now, not at run time.
      definition.payload.parse(payload);
      const runAt = options.runAt === undefined ? Date.now() : Number(options.runAt);
      return queue(
        definition,
        { payload, key: options.key ?? null, scheduledFor: null },
        runAt,
        options.db,
      );
    },
    list(options = {}) {
      return driver.list(options.states ?? jobStates, options.limit ?? 100);
    },
    find: (id) => driver.find(id),
    retry: (id) => driver.retry(id),
    async start(options) {
      if (started) return;
      started = true;
      log = options.log;
      const all = [...definitions.values()];
      await driver.start(all, execute, {
        log,
        pollMs: options.pollMs ?? 2000,
        concurrency: options.concurrency ?? 2,
      });
      scheduler = startScheduler(
        all,
        (definition, occurrence) =>
          queue(
            definition,
            {
              payload: definition.schedulePayload,
              key: occurrenceKey(definition.name, occurrence),
              scheduledFor: occurrence,
            },
            occurrence,
            undefined,
          ),
        options.tickMs ?? tickFor(all),
        log,
      );
    },
    async close() {
      await scheduler?.stop();
      scheduler = undefined;
      await driver.stop();
    },
  };

  jobs.register(
    defineJob({
      name: 'jobs.prune',
      payload: z.object({}),
      schedule: { everyMs: DAY },
      async handler(_payload, { store: s }) {
        const at = Date.now();
        await forgetJobKeys(s.db, at - KEYS_KEPT_MS);
        await driver.forgetFailed(s.db, at - FAILED_KEPT_MS);
      },
    }),
  );
  return jobs;
}
