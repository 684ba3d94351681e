import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

/**
 * Each stored window's member rows keep the last day with a contribution in days −28 to −7
 * (src/analytics/rollup/recent.ts): the date the cockpit's to-do list of recently inactive core
 * members shows, which it otherwise looked up day by day for each of them on every request.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('rollup_recent_members').addColumn('last_spoke', 'integer').execute();
  // Windows stored before this lack the day: the next cockpit stores them again, with it.
  for (const table of [
    'rollup_recent_members',
    'rollup_recent_rungs',
    'rollup_recent_groups',
    'rollup_recent_windows',
  ])
    await sql`delete from ${sql.table(table)}`.execute(db);
}
