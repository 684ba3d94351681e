import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Private messages (issue 22): conversations between a few members, who is in each with their
 * last-read pointer, the messages, and the blocks between members. Nothing here is indexed for
 * search, and no analytics reads these tables.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  await withId(dialect, db.schema.createTable('message_conversations'))
    .addColumn('created_by', 'bigint', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_message_at', time, (c) => c.notNull())
    .addColumn('last_message_id', 'bigint')
    .execute();
  // A new account's conversations of the last 24 hours, counted at each new one.
  await db.schema
    .createIndex('message_conversations_creator_idx')
    .on('message_conversations')
    .columns(['created_by', 'created_at'])
    .execute();

  await db.schema
    .createTable('message_participants')
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('message_conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', time, (c) => c.notNull())
    // Messages up to this id are read; 0: none yet.
    .addColumn('last_read_message_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('left_at', time)
    .addPrimaryKeyConstraint('message_participants_pk', ['conversation_id', 'user_id'])
    .execute();
  // One's conversations and unread count (the header's, on every page).
  await db.schema
    .createIndex('message_participants_user_idx')
    .on('message_participants')
    .columns(['user_id', 'conversation_id'])
    .execute();

  await withId(dialect, db.schema.createTable('messages'))
    .addColumn('conversation_id', 'bigint', (c) =>
      c.notNull().references('message_conversations.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    // Set when its author's account was deleted with its posts: the text is erased.
    .addColumn('deleted_at', time)
    .execute();
  await db.schema
    .createIndex('messages_conversation_idx')
    .on('messages')
    .columns(['conversation_id', 'id'])
    .execute();
  // A new account's messages of the last 24 hours; an account's messages at its deletion.
  await db.schema
    .createIndex('messages_author_idx')
    .on('messages')
    .columns(['author_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('member_blocks')
    .addColumn('blocker_id', 'bigint', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('blocked_id', 'bigint', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('member_blocks_pk', ['blocker_id', 'blocked_id'])
    .execute();
  await db.schema
    .createIndex('member_blocks_blocked_idx')
    .on('member_blocks')
    .columns(['blocked_id', 'blocker_id'])
    .execute();
}
