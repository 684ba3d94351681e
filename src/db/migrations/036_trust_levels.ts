import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Trust levels (issue 24, src/trust/). One row per member: the level, whether staff locked it,
 * who set it by hand, and the lifetime counters the level job keeps up from the activity log so
 * that no run reads a member's whole history; per-day counts for the regular level's 100-day
 * window; the distinct topics a member entered or replied to (capped: only up to the largest
 * threshold). The job reads the log from its own cursor, which starts at the log's beginning:
 * the first run earns each member the level their past activity shows.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('trust_levels')
    .addColumn('user_id', 'bigint', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('set_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('visit_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_visit_day', 'integer', (c) => c.notNull().defaultTo(-1))
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topics_entered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topics_replied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions_received', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('trust_days')
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reactions_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('trust_days_pk', ['user_id', 'day'])
    .execute();
  await db.schema
    .createTable('trust_topics')
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('topic_id', 'bigint', (c) => c.notNull())
    // 'entered' (viewed) or 'replied'.
    .addColumn('how', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('trust_topics_pk', ['user_id', 'how', 'topic_id'])
    .execute();
  // The post limits ask for a member's posts of the last 24 hours, newest first.
  await db.schema
    .createIndex('activity_log_posts_idx')
    .on('activity_log')
    .columns(['actor_id', 'created_at'])
    .where(sql.ref('kind'), 'in', [sql.lit('topic.created'), sql.lit('reply.created')])
    .execute();
  // Members who were here before trust levels keep posting as they did: at least basic (TL1).
  const at = Date.now();
  await sql`insert into trust_levels (user_id, level, locked, updated_at)
    select id, 1, 0, ${sql.lit(at)} from users where is_system = 0 and deleted_at is null`.execute(
    db,
  );
  await sql`insert into log_cursors (name, last_log_id) values ('trust', 0)`.execute(db);
}
