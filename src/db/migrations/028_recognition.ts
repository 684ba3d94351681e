import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Thanks and recognition (issue 23): the badges members earned, one per member, community and
 * badge; spotlights (an animator's portrait of a member, shown once the member accepts); and each
 * community's recognition settings (leaderboards, off unless its animators switch them on).
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  // The unique key is what makes the badge job idempotent: a second run inserts nothing.
  await withId(dialect, db.schema.createTable('badge_awards'))
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('badge', 'text', (c) => c.notNull())
    .addColumn('awarded_at', time, (c) => c.notNull())
    .addUniqueConstraint('badge_awards_member_badge_uq', ['user_id', 'community_id', 'badge'])
    .execute();
  await db.schema
    .createIndex('badge_awards_community_idx')
    .on('badge_awards')
    .columns(['community_id', 'awarded_at'])
    .execute();

  await withId(dialect, db.schema.createTable('spotlights'))
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('author_id', 'bigint', (c) => c.notNull())
    .addColumn('portrait', 'text', (c) => c.notNull())
    .addColumn('until_at', time, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('answered_at', time)
    .addCheckConstraint('spotlights_state_ck', sql`state in ('proposed', 'accepted', 'declined')`)
    .execute();
  await db.schema
    .createIndex('spotlights_community_idx')
    .on('spotlights')
    .columns(['community_id', 'state', 'until_at'])
    .execute();
  await db.schema
    .createIndex('spotlights_member_idx')
    .on('spotlights')
    .column('member_id')
    .execute();

  // No row: the defaults (no leaderboard). Seed 000 questions competition as a value.
  await db.schema
    .createTable('recognition_settings')
    .addColumn('community_id', 'bigint', (c) => c.primaryKey())
    .addColumn('leaderboard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
}
