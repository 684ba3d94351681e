import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Rate-limit counters in the database, so that every Ruche instance sharing it counts the same
 * requests (src/db/rate-buckets.ts), and failed sign-ins per account or known device, for the
 * growing delay between guesses (src/accounts/sign-in-throttle.ts). Both are forgotten once
 * stale (src/server.ts).
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('rate_buckets')
    .addColumn('key', 'text', (c) => c.notNull().primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_buckets_resets')
    .on('rate_buckets')
    .column('resets_at')
    .execute();
  // `key` is a hash of the e-mail address typed (known or not) or of a device cookie's nonce.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.notNull().primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_last')
    .on('sign_in_failures')
    .column('last_failure_at')
    .execute();
}
