import { sql } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';

/**
 * Takes `count` fresh ids of a table, in increasing order, before its rows are written: a
 * reply needs its topic's id, and a comment its answer's, without a round trip per row.
 * Nothing else will ever get these ids, even if the transaction rolls back.
 */
export async function reserveIds(
  db: Db,
  dialect: Dialect,
  table: 'topics' | 'replies' | 'users',
  count: number,
): Promise<number[]> {
  if (count <= 0) return [];
  switch (dialect) {
    case 'postgres': {
      const { rows } = await sql<{
        id: number;
      }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id
        from generate_series(1, ${count})`.execute(db);
      return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    }
    case 'sqlite': {
      // AUTOINCREMENT keeps the largest id ever given in sqlite_sequence and never reuses one;
      // moving it forward is what inserting `count` rows would do. The row exists once the table
      // has had a row; before that, the table's largest id is 0.
      await sql`insert into sqlite_sequence (name, seq)
        select ${table}, 0 where not exists (select 1 from sqlite_sequence where name = ${table})`.execute(
        db,
      );
      const { rows } = await sql<{ seq: number }>`update sqlite_sequence
        set seq = max(seq, (select coalesce(max(id), 0) from ${sql.table(table)})) + ${count}
        where name = ${table}
        returning seq`.execute(db);
      const last = Number(rows[0]?.seq);
      if (!Number.isSafeInteger(last)) throw new Error(`Could not reserve ids of ${table}`);
      return Array.from({ length: count }, (_, i) => last - count + 1 + i);
    }
  }
}
