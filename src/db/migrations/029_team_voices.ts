import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Team voices (issue 23): a community's team identities, each speaking through an account of its
 * own (`account_id`), the animators who may speak as it with their signature, and the audit trail
 * of who really wrote each team post or message — read by instance admins only.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await withId(dialect, db.schema.createTable('team_voices'))
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'bigint', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('team_voices_account_uq', ['account_id'])
    .addUniqueConstraint('team_voices_name_uq', ['community_id', 'name'])
    .execute();

  await db.schema
    .createTable('team_voice_members')
    .addColumn('team_id', 'bigint', (c) =>
      c.notNull().references('team_voices.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // How they sign the team's posts: their first name, or their initials.
    .addColumn('signature_style', 'text', (c) => c.notNull())
    .addColumn('joined_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('team_voice_members_pk', ['team_id', 'user_id'])
    .addCheckConstraint(
      'team_voice_members_style_ck',
      sql`signature_style in ('first_name', 'initials')`,
    )
    .execute();
  // The teams an animator speaks for: asked on each post form and in their conversations.
  await db.schema
    .createIndex('team_voice_members_user_idx')
    .on('team_voice_members')
    .columns(['user_id', 'team_id'])
    .execute();

  // One row per team post or message, written in its transaction. `signature` is what readers
  // see under it; `author_id`, the real author, only instance admins.
  await withId(dialect, db.schema.createTable('team_voice_posts'))
    .addColumn('team_id', 'bigint', (c) =>
      c.notNull().references('team_voices.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'bigint', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('team_voice_posts_target_uq', ['target_kind', 'target_id'])
    .addCheckConstraint(
      'team_voice_posts_kind_ck',
      sql`target_kind in ('topic', 'reply', 'message')`,
    )
    .execute();
  await db.schema
    .createIndex('team_voice_posts_team_idx')
    .on('team_voice_posts')
    .columns(['team_id', 'created_at'])
    .execute();
}
