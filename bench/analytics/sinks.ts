import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from '../../src/db/index.js';
import { DETAILS, KINDS, TARGET_KINDS, type RowBuffer } from './rows.js';

/** Where chunks of rows go; `write` may return before the database is done with the chunk. */
export interface Sink {
  write(rows: RowBuffer): Promise<void>;
  finish(): Promise<void>;
  /** After a failure: release what the sink holds, without finishing the load. */
  abandon(): Promise<void>;
}

const COLUMNS =
  'actor_id, community_id, group_id, kind, target_kind, target_id, topic_id, in_reply_to, detail, created_at';

const ROWS_PER_INSERT = 50;

export function openSink(store: Store, communityId: number): Promise<Sink> {
  return store.dialect === 'sqlite'
    ? openSqliteSink(store, communityId)
    : Promise.resolve(openPostgresSink(store, communityId));
}

/**
 * A second, raw connection on the same file: prepared multi-row inserts in one transaction per
 * chunk, hundreds of thousands of rows a second where Kysely would build an object per row.
 */
async function openSqliteSink(store: Store, communityId: number): Promise<Sink> {
  const { rows: files } = await sql<{
    name: string;
    file: string;
  }>`pragma database_list`.execute(store.db);
  const file = files.find((f) => f.name === 'main')?.file;
  if (!file) throw new Error('generate: the SQLite database must be a file, not in memory.');
  const db = new SqliteDatabase(file);
  // A crash mid-load loses a benchmark database, never a member's post: no fsync per chunk.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -65536');
  const values = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  const insert = (rows: number) =>
    db.prepare(
      `insert into activity_log (${COLUMNS}) values ${Array<string>(rows).fill(values).join(', ')}`,
    );
  // Fifty rows a statement: the call into SQLite costs as much as the insert itself.
  const insertMany = insert(ROWS_PER_INSERT);
  const insertOne = insert(1);
  const many: unknown[] = [];
  const one: unknown[] = [];
  const bind = (args: unknown[], at: number, r: RowBuffer, i: number) => {
    args[at] = r.actor[i];
    args[at + 1] = communityId;
    args[at + 2] = r.group[i] || null;
    args[at + 3] = KINDS[r.kind[i] ?? 0];
    args[at + 4] = TARGET_KINDS[r.targetKind[i] ?? 0];
    args[at + 5] = r.target[i] || null;
    args[at + 6] = r.topic[i] || null;
    args[at + 7] = r.inReplyTo[i] || null;
    args[at + 8] = DETAILS[r.detail[i] ?? 0];
    args[at + 9] = r.at[i];
  };
  const writeChunk = db.transaction((r: RowBuffer) => {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= r.length; i += ROWS_PER_INSERT) {
      for (let j = 0; j < ROWS_PER_INSERT; j++) bind(many, j * 10, r, i + j);
      insertMany.run(many);
    }
    for (; i < r.length; i++) {
      bind(one, 0, r, i);
      insertOne.run(one);
    }
  });
  return {
    write(rows) {
      writeChunk(rows);
      return Promise.resolve();
    },
    finish() {
      // The benchmark then reads a checkpointed file, not a 1 GB write-ahead log.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return Promise.resolve();
    },
    abandon() {
      db.close();
      return Promise.resolve();
    },
  };
}

/**
 * One `insert … select from unnest(…)` per chunk, columns sent as array literals (0 → NULL,
 * codes → text on the server). The next chunk is generated while this one is inserted; chunks
 * stay in order so ids keep following time.
 */
function openPostgresSink(store: Store, communityId: number): Sink {
  let inFlight: Promise<unknown> = Promise.resolve();
  const list = (a: Int32Array | Uint8Array | Float64Array, n: number) =>
    `{${a.subarray(0, n).join(',')}}`;
  return {
    async write(r) {
      const n = r.length;
      const query = sql`insert into activity_log (${sql.raw(COLUMNS)})
        select u.actor, ${communityId}::bigint, nullif(u.grp, 0),
          (${[...KINDS]}::text[])[u.kind + 1], (${TARGET_KINDS.slice(1)}::text[])[u.tk],
          nullif(u.target, 0), nullif(u.topic, 0), nullif(u.irt, 0),
          (${DETAILS.slice(1)}::text[])[u.detail], u.at
        from unnest(${list(r.actor, n)}::bigint[], ${list(r.group, n)}::bigint[],
          ${list(r.kind, n)}::int[], ${list(r.targetKind, n)}::int[],
          ${list(r.target, n)}::bigint[], ${list(r.topic, n)}::bigint[],
          ${list(r.inReplyTo, n)}::bigint[], ${list(r.detail, n)}::int[],
          ${list(r.at, n)}::bigint[])
          with ordinality as u(actor, grp, kind, tk, target, topic, irt, detail, at, n)
        order by u.n`;
      await inFlight;
      inFlight = query.execute(store.db);
      // Seen again by the next write or by finish; never an unhandled rejection meanwhile.
      void inFlight.catch(() => undefined);
    },
    async finish() {
      await inFlight;
      // Settled statistics and visibility map, so autovacuum does not start during timing.
      await sql`vacuum (analyze) activity_log`.execute(store.db);
    },
    async abandon() {
      await inFlight.catch(() => undefined);
    },
  };
}
