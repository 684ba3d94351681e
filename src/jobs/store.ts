import type { Selectable } from 'kysely';
import type { Database, Db } from '../db/index.js';

export type LocalJobRow = Selectable<Database['jobs']>;

/**
 * Takes a job's key, in the transaction that queues the job; false if it was already taken. On
 * PostgreSQL, a second instance taking the same key waits for the first's transaction, then
 * finds the key there: one of the two queues the job.
 */
export async function takeJobKey(db: Db, key: string, jobName: string, at: number) {
  const row = await db
    .insertInto('job_keys')
    .values({ key, job_name: jobName, created_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Keys older than `before` may be taken again: their occurrence or period is long past. */
export async function forgetJobKeys(db: Db, before: number): Promise<void> {
  await db.deleteFrom('job_keys').where('created_at', '<', before).execute();
}

export interface NewLocalJob {
  name: string;
  data: string;
  key: string | null;
  runAt: number;
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
  at: number;
}

export async function insertLocalJob(db: Db, job: NewLocalJob): Promise<number> {
  const row = await db
    .insertInto('jobs')
    .values({
      name: job.name,
      data: job.data,
      key: job.key,
      state: 'queued',
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
      backoff_ms: job.backoffMs,
      timeout_ms: job.timeoutMs,
      locked_until: null,
      last_error: null,
      created_at: job.at,
      started_at: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Marks the next due job of these names as running and returns it: a queued job whose time has
 * come, or a running one whose runner stopped answering (its lease ran out). One statement, so
 * that two runners on one database never take the same job.
 */
export async function claimLocalJob(
  db: Db,
  names: string[],
  at: number,
): Promise<LocalJobRow | undefined> {
  if (names.length === 0) return undefined;
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      started_at: at,
      locked_until: eb('timeout_ms', '+', at),
    }))
    .where(
      'id',
      '=',
      db
        .selectFrom('jobs')
        .select('id')
        .where('name', 'in', names)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', at)]),
            eb.and([eb('state', '=', 'running'), eb('locked_until', '<', at)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(1),
    )
    .returningAll()
    .executeTakeFirst();
}

/** A job done leaves the queue; its key, if any, stays taken. */
export async function finishLocalJob(db: Db, id: number): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', id).where('state', '=', 'running').execute();
}

/** A failed run: queued again after `retryAt`, or failed for good when `retryAt` is null. */
export async function failLocalJob(
  db: Db,
  id: number,
  error: string,
  retryAt: number | null,
  at: number,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      retryAt === null
        ? { state: 'failed', last_error: error, locked_until: null, finished_at: at }
        : { state: 'queued', last_error: error, locked_until: null, run_at: retryAt },
    )
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/** A failed job gets one more run, at once; false if there is no such failed job. */
export async function retryLocalJob(db: Db, id: number, at: number): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'queued',
      run_at: at,
      max_attempts: eb('attempts', '+', 1),
      finished_at: null,
    }))
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listLocalJobs(
  db: Db,
  states: LocalJobRow['state'][],
  limit: number,
): Promise<LocalJobRow[]> {
  if (states.length === 0) return [];
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('state', 'in', states)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findLocalJob(db: Db, id: number): Promise<LocalJobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Failed jobs nobody retried are forgotten after a while. */
export async function forgetFailedLocalJobs(db: Db, before: number): Promise<void> {
  await db
    .deleteFrom('jobs')
    .where('state', '=', 'failed')
    .where('finished_at', '<', before)
    .execute();
}
