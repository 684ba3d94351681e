import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';

/**
 * Reads a query that returns many rows (tens of thousands and more). node-pg decodes every row
 * as a message and builds an object from each field's text: on a large community's cockpit that
 * was most of the time (about a second for a million values). On PostgreSQL the rows are
 * therefore sent as one JSON array per column, which V8 parses at memory speed, and put back
 * together here. All the arrays come from one aggregation over the same rows, so they line up;
 * their order is not guaranteed: sort the result where order matters. On SQLite the rows come
 * from a read worker and are read as they are.
 */
export async function selectMany<Row extends Record<string, unknown>>(
  db: Db,
  dialect: Dialect,
  query: RawBuilder<Row>,
  columns: readonly (keyof Row & string)[],
): Promise<Row[]> {
  if (dialect === 'sqlite') return (await query.execute(db)).rows;
  const aggregates = columns.map((c) => sql`json_agg(${sql.ref(`q.${c}`)}) as ${sql.ref(c)}`);
  const result = await sql<Record<string, unknown[] | null>>`
    select ${sql.join(aggregates)} from (${query}) as q`.execute(db);
  const first = result.rows[0];
  const arrays = columns.map((c) => first?.[c] ?? []);
  const count = arrays[0]?.length ?? 0;
  const rows = new Array<Row>(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < columns.length; j++) row[columns[j] as string] = arrays[j]?.[i];
    rows[i] = row as Row;
  }
  return rows;
}
