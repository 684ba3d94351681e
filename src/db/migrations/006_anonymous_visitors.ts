import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Anonymous visitors, for the ladder's "reached" rung (src/activity/anonymous-visitors.ts):
 * the day's random salt, the salted visitor hashes seen today (to log each visitor once a day
 * and scope), both forgotten after the day; and the roll-up of the log's anonymous visits.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('visitor_salts')
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
  // Scope as in the roll-ups: (0, 0) the instance, (c, 0) a community, (c, g) one of its groups.
  await db.schema
    .createTable('visitors_seen')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('visitors_seen_pk', ['day', 'community_id', 'group_id', 'visitor'])
    .execute();
  await db.schema
    .createTable('rollup_anonymous_days')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('visitors', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_anonymous_days_pk', ['community_id', 'group_id', 'day'])
    .execute();
}
