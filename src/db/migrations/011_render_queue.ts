import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Posts written by an importer before their HTML and search entries exist
 * (src/conversations/render-queue.ts): the server renders and indexes them in the background,
 * and readers get them rendered on the fly until then.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('render_queue')
    .addColumn('post_kind', 'text', (c) => c.notNull())
    .addColumn('post_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('render_queue_pk', ['post_kind', 'post_id'])
    .addCheckConstraint('render_queue_kind_check', sql`post_kind in ('topic', 'reply')`)
    .execute();
}
