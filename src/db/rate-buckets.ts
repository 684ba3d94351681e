import { sql } from 'kysely';
import type { Db } from './connect.js';

/**
 * Counts one hit of `key` in its fixed window and returns the count so far and when the window
 * ends. One statement, so that concurrent hits from several instances are all counted.
 */
export async function hitRateBucket(
  db: Db,
  key: string,
  windowMs: number,
  at: number,
): Promise<{ hits: number; resetsAt: number }> {
  const row = await db
    .insertInto('rate_buckets')
    .values({ key, hits: 1, resets_at: at + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_buckets.resets_at <= ${at} then 1 else rate_buckets.hits + 1 end`,
        resets_at: sql<number>`case when rate_buckets.resets_at <= ${at} then ${at + windowMs} else rate_buckets.resets_at end`,
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetsAt: Number(row.resets_at) };
}

/** Drops the buckets whose window has ended: they would start again from zero anyway. */
export async function forgetEndedRateBuckets(db: Db, at: number): Promise<void> {
  await db.deleteFrom('rate_buckets').where('resets_at', '<=', at).execute();
}
