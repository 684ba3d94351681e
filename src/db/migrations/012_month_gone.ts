import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Each month's members gone (active the month before, not in it), stored beside the rung moves
 * for the cockpit's monthly churn. Every stored month is marked to be counted again: the next
 * roll-up refresh fills the column in.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('rollup_buckets').addColumn('gone', 'integer').execute();
  await sql`
    insert into rollup_dirty (community_id, group_id, grain, bucket)
    select community_id, group_id, grain, bucket from rollup_buckets where grain = 'month'
    on conflict do nothing`.execute(db);
}
