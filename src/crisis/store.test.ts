// The raid detector's counters on both engines: each event updates one row of its scope and
// signal; a wave in one topic shows in that topic only; concurrent counts are all kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { countSignal, signalNow } from './store.js';

const MINUTE = 60_000;
const t0 = Date.UTC(2026, 11, 7, 20, 0);

describe.each(databases)('the raid detector’s counters on %s', (kind) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind);
  });
  afterAll(() => db.drop());

  const count = (scope: { topicId: number } | { communityId: number }, at: number, n = 1) =>
    db.store.db
      .transaction()
      .execute((trx) => countSignal(trx, db.store.dialect, scope, 'young_posts', at, n));

  it('sees a wave in the topic it hits, not in another', async () => {
    // 40 posts by young accounts in one minute into topic 1: past the floor of 30.
    let last;
    for (let i = 0; i < 40; i++) last = await count({ topicId: 1 }, t0 + i * 1_000);
    expect(last).toMatchObject({ count: 40, threshold: 30, wave: true });
    await count({ topicId: 2 }, t0 + 5_000, 3);
    expect(
      await signalNow(db.store.db, db.store.dialect, { topicId: 2 }, 'young_posts', t0 + 10_000),
    ).toMatchObject({ count: 3, wave: false });
    // Ten minutes later, the window has moved on: the wave is over.
    expect(
      await signalNow(
        db.store.db,
        db.store.dialect,
        { topicId: 1 },
        'young_posts',
        t0 + 10 * MINUTE,
      ),
    ).toMatchObject({ count: 0, wave: false });
    const rows = await db.store.db.selectFrom('crisis_signals').select('scope').execute();
    expect(rows.map((r) => r.scope).sort()).toEqual(['t1', 't2']);
  });

  it('keeps every count when several transactions count at once', async () => {
    const scope = { communityId: 7 };
    await count(scope, t0);
    await Promise.all(Array.from({ length: 20 }, (_, i) => count(scope, t0 + 1_000 + i)));
    expect(
      await signalNow(db.store.db, db.store.dialect, scope, 'young_posts', t0 + 30_000),
    ).toMatchObject({ count: 21 });
  });
});
