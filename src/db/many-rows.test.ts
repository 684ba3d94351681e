import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { selectColumns } from './many-rows.js';

describe.each(databases)('rows read as columns, %s', (kind) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    await db.store.db
      .insertInto('rollup_state')
      .values([
        { name: 'a', last_log_id: 3 },
        { name: 'b', last_log_id: 5 },
        { name: 'c', last_log_id: 8 },
      ])
      .execute();
  });
  afterAll(() => db.drop());

  const read = (from: number) =>
    selectColumns(
      db.store.reads,
      db.store.dialect,
      sql<{ name: string; n: number; half: number | null }>`
        select name, last_log_id as n,
          case when last_log_id % 2 = 0 then last_log_id / 2 end as half
        from rollup_state where last_log_id >= ${from}`,
      ['name', 'n', 'half'],
    );

  it('line the columns up row by row, nulls and texts included', async () => {
    const { count, columns } = await read(3);
    expect(count).toBe(3);
    const rows = columns.name.map((name, i) => [name, columns.n[i], columns.half[i]]);
    expect(rows.sort()).toEqual([
      ['a', 3, null],
      ['b', 5, null],
      ['c', 8, 4],
    ]);
  });

  it('read no rows as empty columns', async () => {
    expect(await read(100)).toEqual({ count: 0, columns: { name: [], n: [], half: [] } });
  });
});
