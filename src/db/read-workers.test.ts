import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../test/harness.js';
import { AS_COLUMNS } from './read-workers.js';

describe('read workers on a SQLite file', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore('sqlite', { file: true });
  });
  afterAll(() => db.drop());

  it('run reads on other connections that see what the main one committed', async () => {
    const { store } = db;
    expect(store.reads).not.toBe(store.db);
    await store.db.insertInto('rollup_state').values({ name: 'probe', last_log_id: 41 }).execute();
    const read = () =>
      store.reads
        .selectFrom('rollup_state')
        .select('last_log_id')
        .where('name', '=', 'probe')
        .executeTakeFirst();
    expect(await read()).toEqual({ last_log_id: 41 });
    await store.db
      .updateTable('rollup_state')
      .set({ last_log_id: 42 })
      .where('name', '=', 'probe')
      .execute();
    expect(await read()).toEqual({ last_log_id: 42 });
  });

  it('answer queries side by side, in any number', async () => {
    const counts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sql<{ n: number }>`select ${i} + count(*) as n from rollup_state`.execute(db.store.reads),
      ),
    );
    expect(counts.map((r) => r.rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('send a marked query back as one row of columns', async () => {
    const query = sql`select name, last_log_id from rollup_state order by name`;
    const { rows } = await sql`${sql.raw(AS_COLUMNS)} ${query}`.execute(db.store.reads);
    // (rollup_state holds nothing else but a rebuild's marker since migration 024.)
    expect(rows).toEqual([{ name: ['probe'], last_log_id: [42] }]);
    // The same statement unmarked still answers row by row.
    expect((await query.execute(db.store.reads)).rows).toEqual([
      { name: 'probe', last_log_id: 42 },
    ]);
  });

  it('refuse writes and report SQL errors as errors', async () => {
    await expect(
      db.store.reads.deleteFrom('rollup_state').where('name', '=', 'probe').execute(),
    ).rejects.toThrow(/read-only/);
    await expect(sql`select * from no_such_table`.execute(db.store.reads)).rejects.toThrow(
      /no such table/,
    );
    const still = await db.store.db.selectFrom('rollup_state').selectAll().execute();
    expect(still.map((r) => r.name).sort()).toEqual(['probe']);
  });

  it('let a process end without closing them, the used and the unused', () => {
    const module = fileURLToPath(new URL('./read-workers.ts', import.meta.url));
    const dir = mkdtempSync(join(os.tmpdir(), 'ruche-read-workers-'));
    // An empty file is an empty SQLite database.
    const path = join(dir, 'empty.db');
    writeFileSync(path, '');
    const script = `
      import { sql } from 'kysely';
      import { sqliteReadWorkers } from ${JSON.stringify(module)};
      const reads = sqliteReadWorkers(${JSON.stringify(path)});
      const { rows } = await sql\`select 6 * 7 as n\`.execute(reads);
      console.log(rows[0].n);`;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 30_000 },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(child.stderr).toBe('');
    expect([child.status, child.stdout]).toEqual([0, '42\n']);
  });
});
