import { sql, type Selectable } from 'kysely';
import type { Database, Db, Store } from '../db/index.js';

/** One row of the activity log, as its consumers read it. */
export type LogRow = Selectable<Database['activity_log']>;

export interface ConsumeProgress {
  done: number;
  total: number;
}

export interface ConsumeOptions<T> {
  /** Log rows per transaction. */
  batch: number;
  onProgress?: ((p: ConsumeProgress) => void) | undefined;
  /** Called with what a batch's handler returned, once that batch is committed (live pushes). */
  afterCommit?: ((result: T) => Promise<void> | void) | undefined;
}

export interface Consumed {
  /** Log rows this call read. */
  read: number;
  /** The settled end of the log when the call started: every row up to it was there. */
  end: number;
}

/**
 * Hands the log rows written since consumer `name` last read to `handler`, in batches, each in
 * its own transaction with the cursor: what the handler writes and the cursor's move commit
 * together, so a crash loses nothing and nothing is handled twice. The cursor row is claimed by
 * compare-and-set, so two processes (or two calls) never handle the same rows: the second one
 * waits, sees the cursor moved, and goes on from there up to its own end, which may be further
 * (rows committed after the first took its end). Its row must exist in log_cursors (a migration
 * adds it, starting where that consumer should).
 */
export async function consumeLog<T>(
  s: Store,
  name: string,
  options: ConsumeOptions<T>,
  handler: (trx: Db, rows: LogRow[]) => Promise<T>,
): Promise<Consumed> {
  const end = await settledLogEnd(s);
  let cursor = await readCursor(s.db, name);
  const start = cursor;
  let read = 0;
  while (cursor < end) {
    const from = cursor;
    const moved = await s.db.transaction().execute(async (trx) => {
      // Taking the cursor row first makes a second process wait, then see it moved.
      const claimed = await trx
        .updateTable('log_cursors')
        .set({ last_log_id: from })
        .where('name', '=', name)
        .where('last_log_id', '=', from)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      const rows = await readLog(trx, from, end, options.batch);
      const last = rows.at(-1)?.id ?? end;
      const result = await handler(trx, rows);
      await moveCursor(trx, name, last);
      return { last, result };
    });
    if (moved === null) {
      // Another pass moved the cursor meanwhile. It may have taken the log's end before rows
      // this pass must handle (the rows of the write that nudged it): go on from where it
      // stopped, up to this pass's end. A cursor moved back (a rebuild) is its owner's to read.
      const now = await readCursor(s.db, name);
      if (now <= from) break;
      cursor = now;
      continue;
    }
    read += moved.last - from;
    cursor = moved.last;
    await options.afterCommit?.(moved.result);
    options.onProgress?.({ done: cursor - start, total: end - start });
  }
  return { read, end };
}

/** The id of the last log row consumer `name` has handled (0 before the first). */
export async function readCursor(db: Db, name: string): Promise<number> {
  const row = await db
    .selectFrom('log_cursors')
    .select('last_log_id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.last_log_id ?? 0;
}

/**
 * Takes the cursor row's lock for the rest of the transaction: work that must not run beside
 * the consumer's batches (the roll-ups' settling) then waits for them, across processes too.
 */
export async function holdCursor(trx: Db, name: string): Promise<void> {
  await trx
    .updateTable('log_cursors')
    .set((eb) => ({ last_log_id: eb.ref('last_log_id') }))
    .where('name', '=', name)
    .execute();
}

/** Sets the cursor (to 0 for a rebuild that reads the whole log again). */
export async function moveCursor(trx: Db, name: string, to: number): Promise<void> {
  await trx.updateTable('log_cursors').set({ last_log_id: to }).where('name', '=', name).execute();
}

/**
 * The last log id every earlier id is committed under. On PostgreSQL ids are handed out
 * before commit, so a slow transaction could commit a smaller id later: a brief SHARE lock
 * waits for writers in flight, after which no smaller id can appear.
 */
async function settledLogEnd(s: Store): Promise<number> {
  const max = (db: Db) =>
    db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.id ?? 0));
  if (s.dialect === 'sqlite') return max(s.db);
  return s.db.transaction().execute(async (trx) => {
    await sql`lock table activity_log in share mode`.execute(trx);
    return max(trx);
  });
}

function readLog(trx: Db, after: number, upTo: number, limit: number): Promise<LogRow[]> {
  return trx
    .selectFrom('activity_log')
    .selectAll()
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .orderBy('id')
    .limit(limit)
    .execute();
}
