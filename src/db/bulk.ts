import { sql } from 'kysely';
import type { Db, Store } from './connect.js';

export interface BulkColumn {
  name: string;
  type: 'bigint' | 'integer' | 'text';
}

/**
 * Many rows into one table, with what to do when a key is already there: `add` the new values
 * to the stored ones, `replace` some columns, or `ignore` the row. Keys must be distinct within
 * one call.
 */
export interface BulkUpsert {
  table: string;
  columns: BulkColumn[];
  key: string[];
  onConflict: 'add' | 'replace' | 'ignore';
  /** For `replace`: the columns to overwrite (default: every column not in the key). */
  replace?: string[];
}

const PG_ROWS_PER_STATEMENT = 20_000;
// Rows per statement run on SQLite: each run is a call into the driver, and 50 rows a call wrote
// an import's replies and activity a quarter faster than one (20 and 100 were no better).
const SQLITE_ROWS_PER_STATEMENT = 50;

/**
 * Writes rows (arrays in column order) inside the caller's transaction, as fast as each engine
 * allows: on SQLite prepared statements of 50 rows run on the connection (no SQL to build per
 * row), on PostgreSQL one `INSERT … SELECT FROM unnest(…)` per 20,000 rows. Roll-ups and
 * imports write hundreds of thousands of rows this way.
 */
export function bulkUpsert(s: Store, trx: Db, spec: BulkUpsert, rows: unknown[][]): Promise<void> {
  return writeRows(s, trx, spec, conflictClause(spec), rows);
}

/** Every column of a table's rows with its type: the type checker keeps the list complete. */
export type BulkColumns<Row> = { [K in keyof Row & string]-?: BulkColumn['type'] };

/** Rows (objects) that must be new, written as bulkUpsert writes: a key already there fails. */
export function bulkInsert<Row extends object>(
  s: Store,
  trx: Db,
  table: string,
  columns: BulkColumns<Row>,
  rows: Row[],
): Promise<void> {
  const names = Object.keys(columns) as (keyof Row & string)[];
  const spec = { table, columns: names.map((name) => ({ name, type: columns[name] })) };
  return writeRows(
    s,
    trx,
    spec,
    '',
    rows.map((row) => names.map((name) => row[name] ?? null)),
  );
}

async function writeRows(
  s: Store,
  trx: Db,
  spec: { table: string; columns: BulkColumn[] },
  conflict: string,
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  if (s.dialect === 'sqlite') {
    if (!s.sqlite) throw new Error('Bulk writes on SQLite need the store’s connection');
    const whole = rows.length - (rows.length % SQLITE_ROWS_PER_STATEMENT);
    if (whole > 0) {
      const many = prepared(s.sqlite, sqliteText(spec, conflict, SQLITE_ROWS_PER_STATEMENT));
      // One array of parameters, refilled for each run: Array.flat was a tenth of an import.
      const width = spec.columns.length;
      const values: unknown[] = new Array<unknown>(SQLITE_ROWS_PER_STATEMENT * width);
      for (let i = 0; i < whole; i += SQLITE_ROWS_PER_STATEMENT) {
        let k = 0;
        for (const row of rows.slice(i, i + SQLITE_ROWS_PER_STATEMENT)) {
          for (let j = 0; j < width; j++) values[k++] = row[j];
        }
        many.run(values);
      }
    }
    const one = prepared(s.sqlite, sqliteText(spec, conflict, 1));
    for (const row of rows.slice(whole)) one.run(row);
    return;
  }
  for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + PG_ROWS_PER_STATEMENT);
    const arrays = spec.columns.map(
      (c, j) => sql`${part.map((r) => r[j] ?? null)}::${sql.raw(c.type)}[]`,
    );
    await sql`insert into ${sql.table(spec.table)} (${sql.join(spec.columns.map((c) => sql.ref(c.name)))})
      select * from unnest(${sql.join(arrays)})
      ${sql.raw(conflict)}`.execute(trx);
  }
}

function conflictClause(spec: BulkUpsert): string {
  const key = spec.key.join(', ');
  if (spec.onConflict === 'ignore') return `on conflict (${key}) do nothing`;
  const others =
    spec.replace ?? spec.columns.map((c) => c.name).filter((n) => !spec.key.includes(n));
  const set = others.map((n) =>
    spec.onConflict === 'add'
      ? `${n} = ${spec.table}.${n} + excluded.${n}`
      : `${n} = excluded.${n}`,
  );
  return `on conflict (${key}) do update set ${set.join(', ')}`;
}

function sqliteText(
  spec: { table: string; columns: BulkColumn[] },
  conflict: string,
  rowCount: number,
): string {
  const names = spec.columns.map((c) => c.name);
  const row = `(${names.map(() => '?').join(', ')})`;
  return (
    `insert into ${spec.table} (${names.join(', ')}) values ${Array(rowCount).fill(row).join(', ')} ` +
    conflict
  );
}

type Prepared = ReturnType<NonNullable<Store['sqlite']>['prepare']>;
const statements = new WeakMap<NonNullable<Store['sqlite']>, Map<string, Prepared>>();

function prepared(db: NonNullable<Store['sqlite']>, text: string): Prepared {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
