import type { Db } from '../db/index.js';
import { titlesOf } from './store.js';

/** Titles of topics, for lists of topics the caller is already allowed to show (the cockpit). */
export async function topicTitles(db: Db, ids: number[]): Promise<Map<number, string>> {
  return new Map((await titlesOf(db, ids)).map((t) => [t.id, t.title]));
}
