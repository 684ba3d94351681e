import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Notification emails (issue 22): when a notification went out by email. The email job sets it
 * before sending (and clears it again if the send fails), so a job that runs twice, or a retry,
 * never mails the same notification twice; a later event on the same row clears it, since it
 * has something new to say.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('emailed_at', 'bigint').execute();
}
