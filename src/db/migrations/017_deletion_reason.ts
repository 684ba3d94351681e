import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Why a post was deleted, when whoever deleted it said so (optional): kept with the deletion
 * for the moderation tools to come. Who deleted it and when are in the activity log.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('topics').addColumn('deletion_reason', 'text').execute();
  await db.schema.alterTable('replies').addColumn('deletion_reason', 'text').execute();
}
