import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { bulkInsert } from '../db/index.js';
import { recordActivities, type ActivityEntry } from './index.js';

const T0 = Date.UTC(2020, 0, 1);

describe.each(databases)('recordActivities on %s', (kind) => {
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

  // 130: two statements of 50 rows on SQLite, then 30 of one row each (src/db/bulk.ts).
  const entries = (tag: string): ActivityEntry[] =>
    Array.from({ length: 130 }, (_, n) => ({
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

  it('writes every entry as a row, in order, each field in its column', async () => {
    await db.store.db.transaction().execute((trx) => recordActivities(db.store, trx, entries('1')));
    expect(await rowsOf(1)).toEqual(
      entries('1').map((e) => ({
        actor_id: null,
        group_id: null,
        kind: e.kind,
        target_kind: e.targetKind,
        target_id: e.targetId,
        topic_id: e.topicId,
        in_reply_to: e.inReplyTo,
        detail: '1',
        created_at: e.at,
      })),
    );
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      db.store.db.transaction().execute(async (trx) => {
        await recordActivities(db.store, trx, entries('3'));
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
