import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * The cockpit's welcome figures (issue 23) read a community's `newcomer.welcomed` rows of a
 * period straight from the log: this index finds them without walking the period's other rows.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex('activity_log_welcomes_idx')
    .on('activity_log')
    .columns(['community_id', 'created_at'])
    .where(sql.ref('kind'), '=', 'newcomer.welcomed')
    .execute();
}
