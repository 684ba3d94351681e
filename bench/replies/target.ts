// One instance's server as its own process, and what the runner reads of its database.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config/index.js';
import { openStore, type Store } from '../../src/db/index.js';

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url));

export interface Target {
  base: string;
  stop(): Promise<void>;
}

/** Starts bench/replies/server.ts with `env` and waits until it listens. */
export function startTarget(env: NodeJS.ProcessEnv, execArgv: string[] = []): Promise<Target> {
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', serverScript], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench/replies: the server exited (${code})`)));
    child.once('message', (msg) => {
      const { port } = msg as { port: number };
      resolve({ base: `http://127.0.0.1:${port}`, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface Counts {
  replies: number;
  notifications: number;
  /** Log rows the notifications' consumer has not read yet. */
  behind: number;
}

/** Reads the instance's database beside its server (SQLite in WAL mode allows it). */
export function watchDatabase(database: Config['database']) {
  const s: Store = openStore(database);
  const count = async (table: 'replies' | 'notifications') =>
    Number(
      (
        await s.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async (): Promise<Counts> => {
    const end = await s.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max<number>('id').as('id'))
      .executeTakeFirstOrThrow();
    const cursor = await s.db
      .selectFrom('log_cursors')
      .select('last_log_id')
      .where('name', '=', 'notifications')
      .executeTakeFirstOrThrow();
    return {
      replies: await count('replies'),
      notifications: await count('notifications'),
      behind: Number(end.id ?? 0) - Number(cursor.last_log_id),
    };
  };
  return {
    counts,
    /** Waits until the consumer has read every row; returns the counts then and the wait (s). */
    async settled(timeoutMs = 120_000): Promise<Counts & { waitSeconds: number }> {
      const started = Date.now();
      for (;;) {
        const c = await counts();
        if (c.behind <= 0) return { ...c, waitSeconds: (Date.now() - started) / 1000 };
        if (Date.now() - started > timeoutMs)
          throw new Error(`bench/replies: the consumer is still ${c.behind} rows behind`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => s.close(),
  };
}
