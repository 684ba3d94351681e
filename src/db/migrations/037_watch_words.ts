import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Watch words (issue 24): each community's lists of words and phrases, with an action (flag,
 * hold, block) and, for block, the message its author reads; a version per community that every
 * change bumps, so each instance knows when its compiled lists are stale; and the flag and hold
 * matches of published posts, recorded in the post's transaction for the moderation gate.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await withId(dialect, db.schema.createTable('watch_lists'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // One entry per line, as the animator wrote it (tidied).
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('message_fr', 'text')
    .addColumn('message_en', 'text')
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', time, (c) => c.notNull())
    .addCheckConstraint('watch_lists_action_ck', sql`action in ('flag', 'hold', 'block')`)
    .execute();
  await db.schema
    .createIndex('watch_lists_community_idx')
    .on('watch_lists')
    .column('community_id')
    .execute();

  await db.schema
    .createTable('watch_word_versions')
    .addColumn('community_id', 'bigint', (c) =>
      c.primaryKey().references('communities.id').onDelete('cascade'),
    )
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('watch_word_matches'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('post_kind', 'text', (c) => c.notNull())
    .addColumn('post_id', 'bigint', (c) => c.notNull())
    // Kept when the list is deleted later: the match happened with the entry recorded here.
    .addColumn('list_id', 'bigint')
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addCheckConstraint('watch_word_matches_kind_ck', sql`post_kind in ('topic', 'reply')`)
    .addCheckConstraint('watch_word_matches_action_ck', sql`action in ('flag', 'hold')`)
    .execute();
  await db.schema
    .createIndex('watch_word_matches_post_idx')
    .on('watch_word_matches')
    .columns(['post_kind', 'post_id'])
    .execute();
  await db.schema
    .createIndex('watch_word_matches_community_idx')
    .on('watch_word_matches')
    .columns(['community_id', 'created_at'])
    .execute();
}
