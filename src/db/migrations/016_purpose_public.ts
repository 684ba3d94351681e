import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Whether a private community shows its purpose to people who are not its members yet (issue
 * 21, item 19). On by default, as every community's purpose was shown until now.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('communities')
    .addColumn('purpose_public', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
