import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Moderation (issue 24, first slice): members' flags, the audit log of every staff and automatic
 * action (separate from the activity log, never shown to members or sponsors), each community's
 * hiding threshold, and `hidden_at` on topics and replies (hidden pending review).
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await withId(dialect, db.schema.createTable('moderation_flags'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'bigint', (c) => c.notNull())
    .addColumn('flagger_id', 'bigint', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('moderation_flags_once', [
      'community_id',
      'target_kind',
      'target_id',
      'flagger_id',
    ])
    .execute();
  await db.schema
    .createIndex('moderation_flags_open_idx')
    .on('moderation_flags')
    .columns(['community_id', 'outcome', 'target_kind', 'target_id'])
    .execute();
  await db.schema
    .createIndex('moderation_flags_flagger_idx')
    .on('moderation_flags')
    .columns(['flagger_id', 'outcome'])
    .execute();

  await withId(dialect, db.schema.createTable('moderation_audit'))
    .addColumn('community_id', 'bigint', (c) => c.references('communities.id').onDelete('cascade'))
    .addColumn('actor_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rule', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('reverses_id', 'bigint', (c) =>
      c.references('moderation_audit.id').onDelete('set null'),
    )
    .execute();
  await db.schema
    .createIndex('moderation_audit_community_idx')
    .on('moderation_audit')
    .columns(['community_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('moderation_audit_time_idx')
    .on('moderation_audit')
    .columns(['created_at'])
    .execute();

  await db.schema
    .createTable('moderation_settings')
    .addColumn('community_id', 'bigint', (c) =>
      c.primaryKey().references('communities.id').onDelete('cascade'),
    )
    .addColumn('hide_threshold', 'real', (c) => c.notNull())
    .addColumn('updated_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  for (const table of ['topics', 'replies'])
    await db.schema.alterTable(table).addColumn('hidden_at', 'bigint').execute();
}
