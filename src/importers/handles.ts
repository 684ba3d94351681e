import { findUsersByHandles, handleBase } from '../accounts/index.js';
import type { Db } from '../db/index.js';

/**
 * Gives everyone a handle unique both among them and in the database: the base from the
 * display name, else base-2, base-3… Existing handles are looked up in bulk, one query a round.
 */
export async function assignHandles(
  db: Db,
  people: { key: number; name: string }[],
): Promise<Map<number, string>> {
  const bases = new Map(people.map((p) => [p.key, handleBase(p.name)]));
  // The next number to try, per base: a name shared by thousands of accounts must not make
  // each of them try every number its namesakes already took.
  const next = new Map<string, number>();
  const blocked = new Set<string>();
  const chosen = new Map<number, string>();
  let pending = people.map((p) => p.key);
  while (pending.length > 0) {
    for (const key of pending) {
      const base = bases.get(key) ?? 'membre';
      let n = next.get(base) ?? 1;
      let handle = n === 1 ? base : `${base}-${n}`;
      while (blocked.has(handle)) handle = `${base}-${++n}`;
      next.set(base, n + 1);
      blocked.add(handle);
      chosen.set(key, handle);
    }
    const taken = new Set<string>();
    const candidates = pending.map((key) => chosen.get(key) ?? '');
    for (let i = 0; i < candidates.length; i += 500) {
      const rows = await findUsersByHandles(db, candidates.slice(i, i + 500));
      for (const r of rows) taken.add(r.handle);
    }
    pending = pending.filter((key) => taken.has(chosen.get(key) ?? ''));
  }
  return chosen;
}
