import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Per group of a stored window (src/analytics/rollup/recent.ts): how many of its members were
 * active in the window's last 30 days and in the 30 before, staff included. A community's
 * cockpit lists its groups' lifecycles; summing half a million member rows for them took longer
 * than the rest of the cockpit.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('rollup_recent_groups')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('to_day', 'integer', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('active30', 'integer', (c) => c.notNull())
    .addColumn('active60', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_recent_groups_pk', ['community_id', 'to_day', 'group_id'])
    .execute();
  // Windows already stored get their groups' figures from their member rows.
  await sql`insert into rollup_recent_groups (community_id, to_day, group_id, active30, active60)
    select community_id, to_day, group_id, sum(active30), sum(active60)
    from rollup_recent_members where group_id <> 0
    group by community_id, to_day, group_id`.execute(db);
}
