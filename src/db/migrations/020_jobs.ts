import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Background jobs (src/jobs/). `job_keys` holds the deterministic keys of the jobs enqueued
 * with one, on both engines: a key is taken once, in the transaction that queues its job, so two
 * instances never queue the same job twice. `jobs` is the in-process driver's queue, on SQLite
 * only: on PostgreSQL, jobs live in pg-boss's own schema (`pgboss`).
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('job_keys')
    .addColumn('key', 'text', (c) => c.notNull().primaryKey())
    .addColumn('job_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_keys_created').on('job_keys').column('created_at').execute();
  if (dialect !== 'sqlite') return;

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: { payload, scheduledFor }.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('backoff_ms', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    // A running job whose runner died is taken again once this has passed.
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addCheckConstraint('jobs_state_check', sql`state in ('queued', 'running', 'failed')`)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
}
