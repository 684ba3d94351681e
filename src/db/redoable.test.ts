import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import type { Db } from './connect.js';
import { redoableTransaction } from './redoable.js';
import { getSetting, setSetting } from './settings.js';

describe.each(databases)('redoableTransaction on %s', (kind) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
  });
  afterAll(() => db.drop());

  /** Whether commits wait for the disk, in the engine's own words. */
  async function durability(trx: Db): Promise<string> {
    if (kind === 'postgres') {
      const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(
        trx,
      );
      return rows[0]?.synchronous_commit ?? '';
    }
    return String(db.store.sqlite?.pragma('synchronous', { simple: true }));
  }

  it('commits without waiting for the disk, then gives full durability back', async () => {
    const full = kind === 'postgres' ? 'on' : '2';
    const relaxed = kind === 'postgres' ? 'off' : '1';
    expect(await durability(db.store.db)).toBe(full);
    const inside = await redoableTransaction(db.store, async (trx) => {
      await setSetting(trx, 'redoable', 'written');
      return durability(trx);
    });
    expect(inside).toBe(relaxed);
    expect(await durability(db.store.db)).toBe(full);
    expect(await getSetting(db.store.db, 'redoable')).toBe('written');
  });

  it('writes nothing when it fails, and still gives full durability back', async () => {
    const failed = redoableTransaction(db.store, async (trx) => {
      await setSetting(trx, 'lost', 'never');
      throw new Error('crash');
    });
    await expect(failed).rejects.toThrow('crash');
    expect(await getSetting(db.store.db, 'lost')).toBeUndefined();
    expect(await durability(db.store.db)).toBe(kind === 'postgres' ? 'on' : '2');
  });
});
