import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';

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
 * same rows, so they line up; their order is not guaranteed. On SQLite the rows come from a
 * read worker and are only turned into columns.
 */
export async function selectColumns<Row extends Record<string, unknown>>(
  db: Db,
  dialect: Dialect,
  query: RawBuilder<Row>,
  names: readonly (keyof Row & string)[],
): Promise<Columns<Row>> {
  const columns = {} as Columns<Row>['columns'];
  if (dialect === 'sqlite') {
    const { rows } = await query.execute(db);
    for (const name of names) columns[name] = rows.map((r) => r[name]);
    return { count: rows.length, columns };
  }
  const aggregates = names.map((c) => sql`json_agg(${sql.ref(`q.${c}`)}) as ${sql.ref(c)}`);
  const result = await sql<{ [K in keyof Row]: Row[K][] | null }>`
    select ${sql.join(aggregates)} from (${query}) as q`.execute(db);
  const first = result.rows[0];
  for (const name of names) columns[name] = first?.[name] ?? [];
  return { count: names[0] === undefined ? 0 : columns[names[0]].length, columns };
}
