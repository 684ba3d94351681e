import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config/index.js';
import type { Dialect } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import { sqliteReadWorkers } from './read-workers.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** The store handle every feature receives: the query builder plus the engine it speaks to. */
export interface Store {
  db: Db;
  dialect: Dialect;
  /** On SQLite, the connection itself: bulk writes run prepared statements on it (src/db/bulk.ts). */
  sqlite?: SqliteDatabase.Database;
  /**
   * For long read-only queries (analytics): on a SQLite file, worker threads with their own
   * connections (src/db/read-workers.ts); otherwise `db` itself.
   */
  reads: Db;
  /** On PostgreSQL, where it is: live updates hold a connection of their own (src/live/). */
  postgresUrl?: string;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// bigint ids, times and counts stay far below 2^53: read them as numbers.
pg.types.setTypeParser(INT8_OID, Number);
pg.types.setTypeParser(NUMERIC_OID, Number);

// Twice the cores, 4 to 10: a self-hosted PostgreSQL usually shares Ruche's machine, and each
// extra connection is a server process to warm up (catalogues, memory) that adds no throughput
// past the cores. On 2 cores the bench cockpit's first runs after start took 0.77–0.80 s (median)
// with 10 connections, 0.56–0.63 s with 4.
const POOL_SIZE = Math.min(10, Math.max(4, 2 * availableParallelism()));

export function openStore(database: Config['database']): Store {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: POOL_SIZE,
      // JIT compiles the cockpit's grouped reads for longer than they run (0.6 s instead of
      // 0.26 s for the 90-day window of a 100,000-member community); nothing here gains from it.
      // Ruche's tables live in memory or on SSDs: index probes cost little more than sequential
      // reads (PostgreSQL's default of 4 assumes spinning disks and scanned 1.4 M roll-up posts
      // to join 30,000 of them). A cockpit already sends a dozen queries at once on this pool,
      // enough to keep the cores busy: parallel workers only add process launches (a group
      // count of the 100,000-member bench: 135–240 ms with two workers, 79 ms without).
      options: '-c jit=off -c random_page_cost=1.1 -c max_parallel_workers_per_gather=0',
    });
    // An idle client whose server connection dies must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      reads: db,
      postgresUrl: database.url,
      close: () => db.destroy(),
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  const sqlite = new SqliteDatabase(database.path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  const reads = database.path === ':memory:' ? db : sqliteReadWorkers(database.path);
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    reads,
    close: async () => {
      if (reads !== db) await reads.destroy();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs about as much as running a small
 * query. Statements are reused by their SQL text (Kysely runs one query at a time per
 * connection, so a statement is never used twice at once). Bounded, so odd queries cannot grow it.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = sqlite.prepare(sqlText);
        if (cache.size >= 500) cache.clear();
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.dialect),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
