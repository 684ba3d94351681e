import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * What an account needs to stay in its owner's hands: personal access tokens that can expire,
 * and an email change that waits for a link sent to the new address. The user indexes serve
 * "every token (reset link) of this member", read or revoked at once.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await db.schema.alterTable('api_tokens').addColumn('expires_at', time).execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
  await db.schema
    .createIndex('password_resets_user_idx')
    .on('password_resets')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('email_changes')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('new_email', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_changes_user_idx')
    .on('email_changes')
    .column('user_id')
    .execute();
}
