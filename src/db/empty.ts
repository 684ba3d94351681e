import { sql } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';

/**
 * Deletes every row. On PostgreSQL a TRUNCATE: deleted rows would stay in the indexes until
 * vacuumed, and every insert of the same key would step over them (a rebuild's inserts ran
 * four times slower).
 */
export async function emptyTables(trx: Db, dialect: Dialect, tables: string[]): Promise<void> {
  if (dialect === 'postgres')
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
  else for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(trx);
}
