import { sql } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';

/**
 * After a bulk load on PostgreSQL: statistics for the planner, and the visibility map that
 * lets index-only scans skip the table (without it, reading a year of a large community's
 * topics fetched 200,000 heap rows). Autovacuum would get there, minutes later. Runs outside
 * any transaction; nothing to do on SQLite.
 */
export async function vacuumTables(
  db: Db,
  dialect: Dialect,
  tables: readonly string[],
): Promise<void> {
  if (dialect !== 'postgres' || tables.length === 0) return;
  await sql`vacuum (analyze) ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
