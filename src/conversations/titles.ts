import type { Db } from '../db/index.js';
import { replyPlacesOf, titlesOf } from './store.js';

/** Titles and addresses of topics, for lists the caller is already allowed to show (the cockpit). */
export async function topicTitles(
  db: Db,
  ids: number[],
): Promise<Map<number, { title: string; href: string }>> {
  const rows = await titlesOf(db, ids);
  return new Map(rows.map((t) => [t.id, { title: t.title, href: `/c/${t.slug}/t/${t.id}` }]));
}

/** Addresses of replies on their topic's page, and that topic's title, for the same lists. */
export async function replyAddresses(
  db: Db,
  ids: number[],
): Promise<Map<number, { title: string; href: string }>> {
  const rows = await replyPlacesOf(db, ids);
  return new Map(
    rows.map((r) => [r.id, { title: r.title, href: `/c/${r.slug}/t/${r.topic_id}#reply-${r.id}` }]),
  );
}
