import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { bulkInsert } from '../db/index.js';
import { recordActivities, recordManyActivities, type ActivityEntry } from './index.js';

const T0 = Date.UTC(2020, 0, 1);

describe.each(databases)('recordManyActivities on %s', (kind) => {
  let db: TestStore;

  beforeAll(async () => {
    db = await createTestStore(kind);
  });
  afterAll(() => db.drop());

  const rowsOf = (tag: number) =>
    db.store.db
      .selectFrom('activity_log')
      .select([
        'actor_id',
        'group_id',
        'kind',
        'target_kind',
        'target_id',
        'topic_id',
        'in_reply_to',
        'detail',
        'created_at',
      ])
      .where('detail', '=', String(tag))
      .orderBy('id')
      .execute();

  const entries = (tag: string): ActivityEntry[] =>
    Array.from({ length: 30 }, (_, n) => ({
      actorId: null,
      communityId: null,
      kind: n % 2 ? 'reply.created' : 'topic.created',
      targetKind: n % 3 ? 'reply' : null,
      targetId: n,
      topicId: n % 5 ? n * 10 : null,
      inReplyTo: n % 4 ? null : n + 1,
      detail: tag,
      at: T0 + n,
    }));

  it('writes the rows recordActivities writes, in order', async () => {
    await db.store.db.transaction().execute((trx) => recordActivities(trx, entries('1')));
    await db.store.db
      .transaction()
      .execute((trx) => recordManyActivities(db.store, trx, entries('2')));
    const one = await rowsOf(1);
    expect(one).toHaveLength(30);
    expect(await rowsOf(2)).toEqual(one.map((r) => ({ ...r, detail: '2' })));
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      db.store.db.transaction().execute(async (trx) => {
        await recordManyActivities(db.store, trx, entries('3'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rowsOf(3)).toEqual([]);
  });

  it('makes bulkInsert fail on a key already there, writing none of its rows', async () => {
    const insert = (ids: number[]) =>
      db.store.db.transaction().execute((trx) =>
        bulkInsert(
          db.store,
          trx,
          'import_runs_test',
          { id: 'bigint', label: 'text' },
          ids.map((id) => ({ id, label: `run ${id}` })),
        ),
      );
    await db.store.db.schema
      .createTable('import_runs_test')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('label', 'text')
      .execute();
    await insert([1, 2]);
    await expect(insert([3, 1])).rejects.toThrow();
    const rows = await db.store.db
      .withTables<{ import_runs_test: { id: number; label: string | null } }>()
      .selectFrom('import_runs_test')
      .select(['id', 'label'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [Number(r.id), r.label])).toEqual([
      [1, 'run 1'],
      [2, 'run 2'],
    ]);
  });
});
