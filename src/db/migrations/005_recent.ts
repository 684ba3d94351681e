import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * The cockpit's trailing 90 days per member, stored once per day the window ends on
 * (src/analytics/rollup/recent.ts): derived from the member roll-ups, dropped when the days
 * they cover change, rebuilt on demand. And two indexes for the newcomers' figures.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  // A newcomer's return (another post in the scope on days 7–30, 30–90) is probed once per first
  // post: with these columns in the index, the probe never reads the table.
  await db.schema.dropIndex('rollup_posts_author_idx').execute();
  await db.schema
    .createIndex('rollup_posts_author_idx')
    .on('rollup_posts')
    .columns(['author_id', 'created_at', 'deleted', 'community_id', 'group_id'])
    .execute();
  // A period's first posts, without reading every member's.
  await db.schema
    .createIndex('rollup_first_posts_created_idx')
    .on('rollup_first_posts')
    .columns(['community_id', 'group_id', 'created_at'])
    .execute();

  // A stored window: for a community (and its groups) or the instance (0), ending on `to_day`.
  await db.schema
    .createTable('rollup_recent_windows')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('to_day', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_recent_windows_pk', ['community_id', 'to_day'])
    .execute();
  // Per scope and member: counts over [to_day - 90, to_day - 1), the last ISO week with a
  // contribution, and whether they were active or contributed in the ranges the cockpit reads.
  await db.schema
    .createTable('rollup_recent_members')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('to_day', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('contributions', 'integer', (c) => c.notNull())
    .addColumn('reactions', 'integer', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('weeks', 'integer', (c) => c.notNull())
    .addColumn('last_week', 'integer')
    .addColumn('active30', 'integer', (c) => c.notNull())
    .addColumn('active60', 'integer', (c) => c.notNull())
    .addColumn('spoke21', 'integer', (c) => c.notNull())
    .addColumn('spoke7', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_recent_members_pk', [
      'community_id',
      'group_id',
      'to_day',
      'member_id',
    ])
    .execute();
}
