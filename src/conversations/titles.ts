import type { Db } from '../db/index.js';
import { replyPlacesOf, titlesOf, type ReadableGroups } from './store.js';

/** A post named in a list: its topic's title, and where to read it. */
export interface PostLink {
  title: string;
  href: string;
}

/**
 * Titles and addresses of topics, for lists the caller may show (the cockpit's): a topic in a
 * group outside `readable` is left out, as it is of the reader's topic lists.
 */
export async function topicTitles(
  db: Db,
  ids: number[],
  readable: ReadableGroups,
): Promise<Map<number, PostLink>> {
  const rows = await titlesOf(db, ids, readable);
  return new Map(rows.map((t) => [t.id, { title: t.title, href: `/c/${t.slug}/t/${t.id}` }]));
}

/** Addresses of replies on their topic's page, and that topic's title, on the same terms. */
export async function replyAddresses(
  db: Db,
  ids: number[],
  readable: ReadableGroups,
): Promise<Map<number, PostLink>> {
  const rows = await replyPlacesOf(db, ids, readable);
  return new Map(
    rows.map((r) => [r.id, { title: r.title, href: `/c/${r.slug}/t/${r.topic_id}#reply-${r.id}` }]),
  );
}
