import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { migrateToLatest } from '../db/index.js';
import { consumeLog, readCursor, recordActivities, type LogRow } from './index.js';

const NAME = 'test-consumer';

describe.each(databases)('a consumer of the activity log on %s', (kind) => {
  let db: TestStore;

  beforeAll(async () => {
    db = await createTestStore(kind);
    await db.store.db.insertInto('log_cursors').values({ name: NAME, last_log_id: 0 }).execute();
  });
  afterAll(() => db.drop());

  const log = (n: number) =>
    db.store.db.transaction().execute((trx) =>
      recordActivities(
        db.store,
        trx,
        Array.from({ length: n }, (_, i) => ({
          actorId: i + 1,
          communityId: null,
          kind: 'user.signed_in' as const,
          at: Date.now(),
        })),
      ),
    );

  /** Writes a row per log row it handles, in the batch's transaction: a second time would fail. */
  const handle = (trx: Parameters<Parameters<typeof consumeLog>[3]>[0], rows: LogRow[]) =>
    rows.length === 0
      ? Promise.resolve(0)
      : trx
          .insertInto('instance_settings')
          .values(rows.map((r) => ({ key: `seen:${r.id}`, value: '1' })))
          .execute()
          .then(() => rows.length);

  const seen = async () =>
    (
      await db.store.db
        .selectFrom('instance_settings')
        .select('key')
        .where('key', 'like', 'seen:%')
        .execute()
    ).length;

  it('loses nothing when a batch fails after writing: its writes and the cursor roll back', async () => {
    await log(5);
    const before = await readCursor(db.store.db, NAME);
    await expect(
      consumeLog(db.store, NAME, { batch: 2 }, async (trx, rows) => {
        await handle(trx, rows);
        throw new Error('the process dies here');
      }),
    ).rejects.toThrow('the process dies here');
    expect(await readCursor(db.store.db, NAME)).toBe(before);
    expect(await seen()).toBe(0);
  });

  it('hands every row once, in batches, even to two passes at once, and tells each commit', async () => {
    await log(7);
    const committed: number[] = [];
    const pass = () =>
      consumeLog(
        db.store,
        NAME,
        { batch: 3, afterCommit: (n: number) => void committed.push(n) },
        handle,
      );
    const [a, b] = await Promise.all([pass(), pass()]);
    // The rows are read once between them, whichever pass read which batch.
    expect(a.read + b.read).toBe(12);
    expect(await seen()).toBe(12);
    expect(committed.reduce((x, y) => x + y, 0)).toBe(12);
    expect(Math.max(...committed)).toBeLessThanOrEqual(3);
    // Nothing new: a third pass reads nothing and writes nothing.
    expect((await pass()).read).toBe(0);
    expect(await seen()).toBe(12);
  });

  it('hands the rows a second pass saw, when a first pass holding the cursor took an earlier end', async () => {
    await log(3);
    let entered = (): void => undefined;
    const inFirst = new Promise<void>((resolve) => (entered = resolve));
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = consumeLog(db.store, NAME, { batch: 100 }, async (trx, rows) => {
      entered();
      await gate;
      return handle(trx, rows);
    });
    await inFirst;
    // A write commits while the first pass holds the cursor; its nudge starts a second pass,
    // whose end is further. (On SQLite one connection runs one transaction at a time, so the
    // write and the second pass come after the first pass: the same result, without the race.)
    const written = log(2);
    const second = written.then(() =>
      consumeLog(db.store, NAME, { batch: 100 }, (trx, rows) => handle(trx, rows)),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const [a, b] = await Promise.all([first, second]);
    const end = await db.store.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    expect(await readCursor(db.store.db, NAME)).toBe(Number(end.id));
    expect(a.read + b.read).toBe(5);
    expect(await seen()).toBe(17);
  });
});

describe.each(databases)('migration 024 on %s', (kind) => {
  it('moves the roll-ups’ cursor to log_cursors and starts the notifications at the log’s end', async () => {
    const db = await createTestStore(kind, { migrateTo: '019_own_data' });
    try {
      await db.store.db.transaction().execute((trx) =>
        recordActivities(
          db.store,
          trx,
          [1, 2, 3].map((actorId) => ({
            actorId,
            communityId: null,
            kind: 'user.signed_in' as const,
            at: Date.now(),
          })),
        ),
      );
      await db.store.db
        .updateTable('rollup_state')
        .set({ last_log_id: 2 })
        .where('name', '=', 'analytics')
        .execute();
      await migrateToLatest(db.store);
      expect(await readCursor(db.store.db, 'analytics')).toBe(2);
      expect(await readCursor(db.store.db, 'notifications')).toBe(3);
      const left = await db.store.db.selectFrom('rollup_state').select('name').execute();
      expect(left).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
