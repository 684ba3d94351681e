import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Crisis mode (issue 24): each community's prepared set of restrictions (no row: the defaults of
 * src/crisis/settings.ts), and the crises themselves, on a topic or on the whole community. A
 * partial unique index keeps one active crisis per scope on both engines: `topic_key` is the
 * topic's id, or 0 for the whole community, so that it is never null.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('crisis_settings')
    .addColumn('community_id', 'bigint', (c) =>
      c.primaryKey().references('communities.id').onDelete('cascade'),
    )
    .addColumn('auto_start', 'integer', (c) => c.notNull())
    .addColumn('hold_young', 'integer', (c) => c.notNull())
    .addColumn('slow_minutes', 'integer', (c) => c.notNull())
    .addColumn('approve_signups', 'integer', (c) => c.notNull())
    .addColumn('young_links_off', 'integer', (c) => c.notNull())
    .addColumn('calm_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'bigint')
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('crises'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('topic_id', 'bigint')
    .addColumn('topic_key', 'bigint', (c) => c.notNull())
    .addColumn('started_at', time, (c) => c.notNull())
    .addColumn('started_by', 'bigint')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('last_trigger_at', time, (c) => c.notNull())
    .addColumn('renewed_until', time)
    .addColumn('ended_at', time)
    .addColumn('ended_by', 'bigint')
    .execute();
  await sql`create unique index crises_active_uq on crises (community_id, topic_key) where ended_at is null`.execute(
    db,
  );
  await db.schema.createIndex('crises_open_idx').on('crises').columns(['ended_at']).execute();
}
