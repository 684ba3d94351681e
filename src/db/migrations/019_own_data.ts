import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * A member's own data (issue 21, item 31): an account's deletion, asked for and carried out 14
 * days later, and the date a member accepted the charter version they hold. The indexes serve
 * the export, which reads one member's posts, reactions and activity rows page by page.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await db.schema.alterTable('users').addColumn('deletion_requested_at', time).execute();
  // 'keep': posts stay, signed "former member"; 'delete': they go with the account.
  await db.schema.alterTable('users').addColumn('deletion_posts', 'text').execute();
  // Set once the account is anonymised: the row stays as the tombstone of its activity rows.
  await db.schema.alterTable('users').addColumn('deleted_at', time).execute();
  await db.schema
    .createIndex('users_deletion_idx')
    .on('users')
    .column('deletion_requested_at')
    .execute();
  await db.schema.alterTable('memberships').addColumn('charter_accepted_at', time).execute();

  await db.schema.createIndex('topics_author_idx').on('topics').column('author_id').execute();
  await db.schema.createIndex('replies_author_idx').on('replies').column('author_id').execute();
  await db.schema.createIndex('reactions_user_idx').on('reactions').column('user_id').execute();
  await db.schema
    .createIndex('activity_log_actor_idx')
    .on('activity_log')
    .columns(['actor_id', 'id'])
    .execute();
}
