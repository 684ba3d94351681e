import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Buddies (issue 23): the members who volunteer as a buddy (marraine, parrain) in a community,
 * and each newcomer's current buddy. The assignment is also a `buddy.assigned` log row (actor:
 * the buddy; target: the newcomer), written in the same transaction; analytics read the log.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('buddy_volunteers')
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('buddy_volunteers_pk', ['community_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('buddy_assignments')
    .addColumn('community_id', 'bigint', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('newcomer_id', 'bigint', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('buddy_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_by', 'bigint', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('buddy_assignments_pk', ['community_id', 'newcomer_id'])
    .execute();
  await db.schema
    .createIndex('buddy_assignments_buddy_idx')
    .on('buddy_assignments')
    .columns(['community_id', 'buddy_id'])
    .execute();
}
