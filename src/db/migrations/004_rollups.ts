import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Roll-ups of the activity log for the cockpit (src/analytics/rollup). Everything here is
 * derived from activity_log and can be dropped and rebuilt by `ruche rollups rebuild`.
 *
 * A scope is (community_id, group_id): (0, 0) is the whole instance, (c, 0) a community and
 * (c, g) one of its groups. Days are whole UTC days since 1970-01-01.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  // How far the roll-ups have read the log.
  await db.schema
    .createTable('rollup_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_log_id', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into rollup_state (name, last_log_id) values ('analytics', 0)`.execute(db);

  // One row per member, scope and day, ISO week (its Monday) or month (its first day) they did
  // something there: long periods read months, their edges weeks and days.
  for (const grain of ['day', 'week', 'month'] as const) {
    await db.schema
      .createTable(`rollup_member_${grain}s`)
      .addColumn('community_id', 'bigint', (c) => c.notNull())
      .addColumn('group_id', 'bigint', (c) => c.notNull())
      .addColumn(grain, 'integer', (c) => c.notNull())
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('contributions', 'integer', (c) => c.notNull())
      .addColumn('reactions', 'integer', (c) => c.notNull())
      .addColumn('visits', 'integer', (c) => c.notNull())
      .addColumn('commitments', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`rollup_member_${grain}s_pk`, [
        'community_id',
        'group_id',
        grain,
        'member_id',
      ])
      .execute();
  }

  // Per scope and day, week or month: active members and totals (everyone, staff included: the
  // cockpit takes the few staff rows off), and for months the rung moves from the month before.
  await db.schema
    .createTable('rollup_buckets')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('contributions', 'integer', (c) => c.notNull())
    .addColumn('up', 'integer')
    .addColumn('held', 'integer')
    .addColumn('down', 'integer')
    .addPrimaryKeyConstraint('rollup_buckets_pk', ['community_id', 'group_id', 'grain', 'bucket'])
    .execute();
  // Buckets whose member rows changed since they were last counted.
  await db.schema
    .createTable('rollup_dirty')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_dirty_pk', ['community_id', 'group_id', 'grain', 'bucket'])
    .execute();

  // Each topic and reply with what the indicators ask of it: who answered first, and when.
  await db.schema
    .createTable('rollup_posts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'bigint', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('topic_id', 'bigint', (c) => c.notNull())
    .addColumn('in_reply_to', 'bigint')
    .addColumn('author_id', 'bigint', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('accepted_reply_id', 'bigint')
    // The first live reply by someone else (to the topic, or aimed at this reply).
    .addColumn('first_reply_id', 'bigint')
    .addColumn('first_reply_at', 'bigint')
    .addColumn('first_reply_by', 'bigint')
    // The first reaction by someone else aimed at this reply.
    .addColumn('first_reaction_at', 'bigint')
    .addColumn('first_reaction_by', 'bigint')
    .addPrimaryKeyConstraint('rollup_posts_pk', ['kind', 'id'])
    .execute();
  // Covers the cockpit's topic figures: a period's topics are read from the index alone.
  await db.schema
    .createIndex('rollup_posts_created_idx')
    .on('rollup_posts')
    .columns([
      'community_id',
      'kind',
      'created_at',
      'deleted',
      'group_id',
      'id',
      'author_id',
      'detail',
      'first_reply_at',
      'accepted_reply_id',
    ])
    .execute();
  await db.schema
    .createIndex('rollup_posts_topic_idx')
    .on('rollup_posts')
    .columns(['topic_id'])
    .execute();
  await db.schema
    .createIndex('rollup_posts_parent_idx')
    .on('rollup_posts')
    .columns(['in_reply_to'])
    .execute();
  await db.schema
    .createIndex('rollup_posts_author_idx')
    .on('rollup_posts')
    .columns(['author_id', 'created_at'])
    .execute();

  // Each member's first live topic or reply in a scope: who is a newcomer when.
  await db.schema
    .createTable('rollup_first_posts')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('post_kind', 'text', (c) => c.notNull())
    .addColumn('post_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_first_posts_pk', ['community_id', 'group_id', 'member_id'])
    .execute();
  await db.schema
    .createIndex('rollup_first_posts_time_idx')
    .on('rollup_first_posts')
    .columns(['community_id', 'group_id', 'created_at'])
    .execute();

  // Membership spells per scope: who was a member at a given time.
  await db.schema
    .createTable('rollup_memberships')
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('left_at', 'bigint')
    .addPrimaryKeyConstraint('rollup_memberships_pk', [
      'community_id',
      'group_id',
      'member_id',
      'joined_at',
    ])
    .execute();
}
