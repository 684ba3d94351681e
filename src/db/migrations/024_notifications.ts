import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * In-app notifications (issue 22), made from the activity log by a consumer that claims a
 * cursor like the roll-ups (docs/decisions/006-notifications-outbox.md), and what members choose
 * about them: watching levels per topic and per group, and per kind of notification, in the
 * page and by e-mail.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = 'bigint';
  // Every consumer of the activity log keeps how far it has read here (src/activity/consume.ts).
  // The roll-ups' cursor moves over from rollup_state, which keeps only their rebuild marker.
  await db.schema
    .createTable('log_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_log_id', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into log_cursors (name, last_log_id)
    select name, last_log_id from rollup_state where name = 'analytics'`.execute(db);
  await sql`delete from rollup_state where name = 'analytics'`.execute(db);
  // Notifications start now: an instance's past activity notifies nobody.
  await sql`insert into log_cursors (name, last_log_id)
    select 'notifications', coalesce(max(id), 0) from activity_log`.execute(db);

  // One row per member and subject ("post:reply:12", "thanks:topic:3", "invited:community:4"):
  // a later event on the same subject updates the row (grouped thanks, a mention after a
  // watched-topic notice) instead of adding one. `in_app` and `email` say where the member wants
  // it, as their preferences were when it was made; the e-mail slice reads `email`.
  await withId(dialect, db.schema.createTable('notifications'))
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_count', 'integer', (c) => c.notNull())
    .addColumn('community_id', 'bigint')
    .addColumn('group_id', 'bigint')
    .addColumn('topic_id', 'bigint')
    .addColumn('reply_id', 'bigint')
    .addColumn('conversation_id', 'bigint')
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('read_at', time)
    .addUniqueConstraint('notifications_subject_uq', ['user_id', 'subject'])
    .execute();
  // The list (newest first) and the header's unread count, both per member.
  await db.schema
    .createIndex('notifications_user_recent_idx')
    .on('notifications')
    .columns(['user_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('notifications_user_unread_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
  // A deleted topic or reply takes its notifications with it.
  await db.schema
    .createIndex('notifications_topic_idx')
    .on('notifications')
    .column('topic_id')
    .execute();
  await db.schema
    .createIndex('notifications_reply_idx')
    .on('notifications')
    .column('reply_id')
    .execute();
  // Who a grouped notification names ("Julie et 3 autres personnes"), each once.
  await db.schema
    .createTable('notification_actors')
    .addColumn('notification_id', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'bigint', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_actors_pk', ['notification_id', 'actor_id'])
    .addForeignKeyConstraint(
      'notification_actors_notification_fk',
      ['notification_id'],
      'notifications',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // Watching levels a member chose (or got by posting): 'watching', 'normal' or 'muted'. No row
  // means normal. The second index finds a topic's or a group's watchers for each new post.
  for (const place of ['topic', 'group'] as const) {
    await db.schema
      .createTable(`${place}_watches`)
      .addColumn('user_id', 'bigint', (c) => c.notNull())
      .addColumn(`${place}_id`, 'bigint', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${place}_watches_pk`, ['user_id', `${place}_id`])
      .execute();
    await db.schema
      .createIndex(`${place}_watches_place_idx`)
      .on(`${place}_watches`)
      .columns([`${place}_id`, 'level'])
      .execute();
  }

  // Who may read a post is asked for each recipient, admins included: finding the few admins
  // must not read every member's row (src/notifications/readable.ts).
  await db.schema.createIndex('users_admin_idx').on('users').column('is_admin').execute();

  // Per member and kind, only what differs from the defaults (src/notifications/kinds.ts).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();
}
