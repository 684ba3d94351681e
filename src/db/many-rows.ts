import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';
import { AS_COLUMNS } from './read-workers.js';

/** Rows read as columns: `columns[name][i]` is row i's value; `count` rows in all. */
export interface Columns<Row> {
  count: number;
  columns: { [K in keyof Row]: Row[K][] };
}

/**
 * Reads a query that returns many rows (tens of thousands and more) as columns. node-pg decodes
 * every row as a message and builds an object from each field's text: on a large community's
 * cockpit that was most of the time (about a second for a million values). On PostgreSQL the
 * rows are therefore sent as one JSON array per column, which V8 parses at memory speed; no
 * object is made per row on either engine. All the arrays come from one aggregation over the
 * same rows, so they line up; their order is not guaranteed. On SQLite the read worker sends
 * columns the same way (src/db/read-workers.ts): copying them from its thread costs a fraction
 * of copying row objects.
 */
export async function selectColumns<Row extends Record<string, unknown>>(
  db: Db,
  dialect: Dialect,
  query: RawBuilder<Row>,
  names: readonly (keyof Row & string)[],
): Promise<Columns<Row>> {
  const columns = {} as Columns<Row>['columns'];
  const count = (n: number) => ({ count: n, columns });
  if (dialect === 'sqlite') {
    const { rows } = await sql<Row>`${sql.raw(AS_COLUMNS)} ${query}`.execute(db);
    const first = rows[0];
    // The read workers send columns; the main connection (an in-memory database) sends rows.
    if (rows.length === 1 && names[0] !== undefined && Array.isArray(first?.[names[0]])) {
      for (const name of names) columns[name] = first[name] as Row[typeof name][];
      return count(columns[names[0]].length);
    }
    for (const name of names) columns[name] = rows.map((r) => r[name]);
    return count(rows.length);
  }
  const aggregates = names.map((c) => sql`json_agg(${sql.ref(`q.${c}`)}) as ${sql.ref(c)}`);
  const result = await sql<{ [K in keyof Row]: Row[K][] | null }>`
    select ${sql.join(aggregates)} from (${query}) as q`.execute(db);
  const first = result.rows[0];
  for (const name of names) columns[name] = first?.[name] ?? [];
  return count(names[0] === undefined ? 0 : columns[names[0]].length);
}
