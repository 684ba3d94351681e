import { sql } from 'kysely';
import type { Db, Store } from './connect.js';

/**
 * A transaction of a bulk load that is redone when lost (an import, which resumes from its last
 * committed batch): its commit does not wait for the disk. A power cut just after may lose it,
 * never corrupt the database. SQLite runs it with `synchronous = NORMAL` (safe in WAL mode),
 * PostgreSQL with `synchronous_commit = off`; both go back to full durability after.
 */
export async function redoableTransaction<T>(s: Store, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (s.dialect === 'postgres') {
    return s.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return fn(trx);
    });
  }
  // Set around the transaction: SQLite has one connection, restored once it is over.
  const before: unknown = s.sqlite?.pragma('synchronous', { simple: true });
  s.sqlite?.pragma('synchronous = NORMAL');
  try {
    return await s.db.transaction().execute(fn);
  } finally {
    s.sqlite?.pragma(`synchronous = ${Number(before)}`);
  }
}
