import { sql } from 'kysely';
import type { Db } from './connect.js';

/**
 * PostgreSQL's NOTIFY through the pool. Outside a transaction it goes out at once; callers send
 * it after their own transaction has committed.
 */
export async function notifyChannel(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
