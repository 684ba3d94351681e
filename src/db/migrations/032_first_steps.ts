import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * First steps and the first-post alert (issue 23). Each community's first-steps page as its
 * animators edited it (no row, or a null text: the default of src/first-steps/texts.ts); the
 * first-post alert's setting (no row: on, after 24 hours); and the first posts already alerted.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('first_steps_pages')
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('welcome', 'text')
    .addColumn('ask', 'text')
    .addColumn('updated_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('first_steps_pages_pk', ['community_id', 'locale'])
    .execute();
  // Where newcomers introduce themselves: a topic or a group of the community, or nowhere.
  await db.schema
    .createTable('first_steps_places')
    .addColumn('community_id', 'bigint', (c) =>
      c.primaryKey().references('communities.id').onDelete('cascade'),
    )
    .addColumn('introduce_topic_id', 'bigint', (c) =>
      c.references('topics.id').onDelete('set null'),
    )
    .addColumn('introduce_group_id', 'bigint', (c) =>
      c.references('groups.id').onDelete('set null'),
    )
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('first_post_alert_settings')
    .addColumn('community_id', 'bigint', (c) =>
      c.primaryKey().references('communities.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('hours', 'integer', (c) => c.notNull().defaultTo(24))
    .addColumn('updated_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  // The unique key is what makes the alert job send each first post's alert once: a second run,
  // or a second instance, inserts nothing and so notifies nobody.
  await withId(dialect, db.schema.createTable('first_post_alerts'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('post_kind', 'text', (c) => c.notNull())
    .addColumn('post_id', 'bigint', (c) => c.notNull())
    .addColumn('alerted_at', time, (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addUniqueConstraint('first_post_alerts_member_uq', ['community_id', 'member_id'])
    .execute();
}
