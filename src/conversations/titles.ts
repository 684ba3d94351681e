import type { Db } from '../db/index.js';
import { titlesOf } from './store.js';

/** Titles and addresses of topics, for lists the caller is already allowed to show (the cockpit). */
export async function topicTitles(
  db: Db,
  ids: number[],
): Promise<Map<number, { title: string; href: string }>> {
  const rows = await titlesOf(db, ids);
  return new Map(rows.map((t) => [t.id, { title: t.title, href: `/c/${t.slug}/t/${t.id}` }]));
}
