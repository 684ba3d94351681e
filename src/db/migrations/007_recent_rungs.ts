import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Each member's best rung on the ladder over the 30, 90 and 365 days before a stored window's
 * last day, stored with the window of a community or the instance (src/analytics/rollup/recent.ts):
 * the cockpit's periods.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('rollup_recent_rungs')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('to_day', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    // 0 nothing, 1 reached, 2 interacting, 3 engaged, over [to_day - n, to_day - 1).
    .addColumn('rung30', 'integer', (c) => c.notNull())
    .addColumn('rung90', 'integer', (c) => c.notNull())
    .addColumn('rung365', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_recent_rungs_pk', [
      'community_id',
      'group_id',
      'to_day',
      'member_id',
    ])
    .execute();
  // Windows stored before this have no rungs: the next cockpit stores them again, with rungs.
  await sql`delete from rollup_recent_members`.execute(db);
  await sql`delete from rollup_recent_windows`.execute(db);
}
