import type { Reader } from '../communities/index.js';
import type { Db } from '../db/index.js';
import { replyPath, topicPath } from './paths.js';
import { filterReadable } from './readable.js';
import { replyPlacesOf, titlesOf } from './store.js';

/** A post named in a list: its topic's title, and where to read it. */
export interface PostLink {
  title: string;
  href: string;
}

/**
 * Titles and addresses of the topics among `ids` that `reader` may read, for lists (the
 * cockpit's): the others are left out, as they are of the reader's topic lists.
 */
export async function topicTitles(
  db: Db,
  reader: Reader | null,
  ids: number[],
): Promise<Map<number, PostLink>> {
  const { topicIds } = await filterReadable(db, reader, { topicIds: ids });
  const rows = await titlesOf(db, [...topicIds]);
  return new Map(rows.map((t) => [t.id, { title: t.title, href: topicPath(t.slug, t.id) }]));
}

/** Addresses of replies on their topic's page, and that topic's title, on the same terms. */
export async function replyAddresses(
  db: Db,
  reader: Reader | null,
  ids: number[],
): Promise<Map<number, PostLink>> {
  const { replyIds } = await filterReadable(db, reader, { replyIds: ids });
  const rows = await replyPlacesOf(db, [...replyIds]);
  return new Map(
    rows.map((r) => [r.id, { title: r.title, href: replyPath(r.slug, r.topic_id, r.id) }]),
  );
}
