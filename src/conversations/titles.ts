import type { Reader } from '../communities/index.js';
import type { Db } from '../db/index.js';
import { replyPath, topicPath } from './paths.js';
import { filterReadable } from './readable.js';
import { toPlainText } from '../markdown/index.js';
import { bodiesOf, replyPlacesOf, titlesOf } from './store.js';

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

/**
 * The start of each topic and reply that `reader` may read, as plain text (for an email):
 * deleted posts and those of a space the reader may not read are left out, so a missing id
 * means "say nothing of it".
 */
export async function postExcerpts(
  db: Db,
  reader: Reader,
  ids: { topicIds: number[]; replyIds: number[] },
  length: number,
): Promise<{ topics: Map<number, string>; replies: Map<number, string> }> {
  const readable = await filterReadable(db, reader, ids);
  const bodies = await bodiesOf(db, {
    topicIds: [...readable.topicIds],
    replyIds: [...readable.replyIds],
  });
  return {
    topics: new Map(bodies.topics.map((t) => [t.id, toPlainText(t.body, length)])),
    replies: new Map(bodies.replies.map((r) => [r.id, toPlainText(r.body, length)])),
  };
}
