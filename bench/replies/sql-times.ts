// BENCH_SQL_TIMES: time spent in each SQLite statement of the server (better-sqlite3 runs them
// synchronously, so the CPU profile cannot tell which query its time went to). Written as
// JSON to the file named, when the server stops.
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

interface Spent {
  calls: number;
  ms: number;
}

export function timeStatements(file: string): () => void {
  const spent = new Map<string, Spent>();
  const proto = Database.prototype as unknown as {
    prepare: (this: Database.Database, source: string) => Database.Statement;
  };
  const prepare = proto.prepare;
  proto.prepare = function (source: string) {
    const statement = prepare.call(this, source);
    for (const method of ['run', 'all', 'get', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const started = performance.now();
        try {
          return original(...args);
        } finally {
          const s = spent.get(source) ?? { calls: 0, ms: 0 };
          s.calls += 1;
          s.ms += performance.now() - started;
          spent.set(source, s);
        }
      };
    }
    return statement;
  };
  return () => {
    const rows = [...spent].sort((a, b) => b[1].ms - a[1].ms);
    writeFileSync(
      file,
      JSON.stringify(
        rows.map(([sql, s]) => ({ ...s, sql })),
        null,
        1,
      ),
    );
  };
}
