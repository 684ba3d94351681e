import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export type AnyDb = Kysely<unknown>;

/** An identity primary key: generated on PostgreSQL, autoincrement on SQLite. */
export function withId<T extends string>(dialect: Dialect, table: CreateTableBuilder<T>) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigint', (c) => c.generatedByDefaultAsIdentity().primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
