import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Announcements and the editorial calendar (issue 23): each community's time zone (schedules
 * are typed in it), and the announcements its animators write, schedule and pin. Publication
 * turns an announcement into a topic of kind "announcement"; the state's guarded update is what
 * makes it go out once with several instances.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await db.schema
    .alterTable('communities')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
    .execute();

  await withId(dialect, db.schema.createTable('announcements'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'bigint', (c) => c.references('groups.id').onDelete('cascade'))
    .addColumn('author_id', 'bigint', (c) => c.notNull())
    .addColumn('team_id', 'bigint')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', time)
    .addColumn('pin_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topic_id', 'bigint')
    .addColumn('published_at', time)
    .addColumn('pinned_until', time)
    .addColumn('failure', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addCheckConstraint('announcements_state_ck', sql`state in ('draft', 'scheduled', 'published')`)
    .addCheckConstraint(
      'announcements_scheduled_ck',
      sql`state <> 'scheduled' or scheduled_at is not null`,
    )
    .execute();
  await db.schema
    .createIndex('announcements_due_idx')
    .on('announcements')
    .columns(['state', 'scheduled_at'])
    .execute();
  await db.schema
    .createIndex('announcements_community_idx')
    .on('announcements')
    .columns(['community_id', 'state'])
    .execute();
}
