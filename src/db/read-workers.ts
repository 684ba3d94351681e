import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Database } from './schema.js';

// Plain JavaScript evaluated in the worker: no TypeScript loader is needed there.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters, asColumns }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= 200) statements.clear();
      statements.set(sql, statement);
    }
    if (!statement.reader) throw new Error('read-only connection: ' + sql.slice(0, 40));
    if (!asColumns) return parentPort.postMessage({ id, rows: statement.all(parameters) });
    // One array per column: copied to the main thread far faster than one object per row.
    const names = statement.columns().map((c) => c.name);
    const columns = names.map(() => []);
    for (const values of statement.raw(true).all(parameters))
      for (let j = 0; j < names.length; j++) columns[j].push(values[j]);
    statement.raw(false);
    const row = {};
    names.forEach((name, j) => (row[name] = columns[j]));
    parentPort.postMessage({ id, rows: [row] });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * A query whose SQL starts with this comment comes back as one row holding an array per column,
 * as PostgreSQL's `json_agg` gives it (`selectColumns`).
 */
export const AS_COLUMNS = '/* as columns */';

interface Reply {
  id: number;
  rows?: unknown[];
  error?: string;
}

/** One worker thread with its own read-only connection to the database file. */
class WorkerConnection implements DatabaseConnection {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void }>();

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    // Idle workers must not keep a command-line run alive. After the listener: adding a
    // 'message' listener refs the worker again.
    worker.unref();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.next++;
    // Referenced while a query is out: a command-line run waiting on it must not exit.
    if (this.pending.size === 0) this.worker.ref();
    const reply = await new Promise<Reply>((resolve) => {
      this.pending.set(id, { resolve });
      this.worker.postMessage({
        id,
        sql: query.sql,
        parameters: query.parameters,
        asColumns: query.sql.startsWith(AS_COLUMNS),
      });
    });
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error !== undefined) throw new Error(reply.error);
    return { rows: (reply.rows ?? []) as R[] };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on the read workers');
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

const noTransactions = () => Promise.reject(new Error('the read workers do not run transactions'));

/** Hands out the worker connections one query runner at a time; started on first use. */
class WorkerDriver implements Driver {
  private connections: WorkerConnection[] = [];
  private idle: WorkerConnection[] = [];
  private readonly waiting: ((c: WorkerConnection) => void)[] = [];

  constructor(
    private readonly path: string,
    private readonly size: number,
  ) {}

  init(): Promise<void> {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.connections = Array.from({ length: this.size }, () => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        // Not the process's flags: `--import tsx` would load the TypeScript hooks for nothing,
        // and `--input-type=module` would make this CommonJS source a module.
        execArgv: [],
        workerData: { driver, path: this.path },
      });
      return new WorkerConnection(worker);
    });
    this.idle = [...this.connections];
    return Promise.resolve();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    const free = this.idle.pop();
    if (free) return Promise.resolve(free);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as WorkerConnection;
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
    return Promise.resolve();
  }

  beginTransaction = noTransactions;
  commitTransaction = noTransactions;
  rollbackTransaction = noTransactions;

  async destroy(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.terminate()));
    this.connections = [];
    this.idle = [];
  }
}

/**
 * A query builder whose queries run on worker threads, each with its own read-only connection
 * to the SQLite file (WAL lets them read while the main connection writes). Long analytics
 * reads then use both cores and leave the main thread free to serve requests.
 */
export function sqliteReadWorkers(path: string): Kysely<Database> {
  const size = Math.max(1, Math.min(4, os.availableParallelism()));
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new WorkerDriver(path, size),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
