import {
  canReadCommunityContent,
  canReadGroupContent,
  loadReaderStandings,
  loadStandings,
  loadStandingsOfMany,
  type CommunityStanding,
  type GroupStanding,
  type Reader,
  type Standings,
} from '../communities/index.js';
import type { Db } from '../db/index.js';
import { canReadReply, canReadTopic } from './policy.js';
import { replyPlacesWithTopicOf, topicPlacesOf } from './store.js';

/** Ids of things someone might read, of any kind; each list is optional. */
export interface ReadableIds {
  topicIds?: readonly number[];
  replyIds?: readonly number[];
  groupIds?: readonly number[];
  communityIds?: readonly number[];
}

/** The subset of each list that the reader may read. */
export interface Readable {
  topicIds: Set<number>;
  replyIds: Set<number>;
  groupIds: Set<number>;
  communityIds: Set<number>;
}

/** One thing, for the many-readers question. */
export type ReadableItem =
  { topicId: number } | { replyId: number } | { groupId: number } | { communityId: number };

function spaceOf(post: { community_id: number; group_id: number | null }) {
  return { communityId: post.community_id, groupId: post.group_id };
}

/** The reader's standing where a post lives, or undefined when that place is unknown to them. */
function placeOf(
  standings: Standings,
  post: { community_id: number; group_id: number | null },
): { access: CommunityStanding; group: GroupStanding | undefined } | undefined {
  const access = standings.communities.get(post.community_id);
  if (!access) return undefined;
  if (post.group_id === null) return { access, group: undefined };
  const group = standings.groups.get(post.group_id);
  return group?.communityId === post.community_id ? { access, group } : undefined;
}

/**
 * What `reader` may read among these topics, replies, groups and communities: the batch form of
 * canReadTopic, canReadReply, canReadGroupContent and canReadCommunityContent, asked of the same
 * rows, in six indexed queries at most whatever the number of ids. Lists (notifications, the
 * pulse, search, feeds, the cockpit) filter through it; deleted posts, posts in a space the
 * reader may not read, and unknown ids are left out.
 */
export async function filterReadable(
  db: Db,
  reader: Reader | null,
  ids: ReadableIds,
): Promise<Readable> {
  const [unsafeTopics, unsafeReplies] = await Promise.all([
    topicPlacesOf(db, ids.topicIds ?? []),
    replyPlacesWithTopicOf(db, ids.replyIds ?? []),
  ]);
  const standings = await loadStandings(db, reader, spacesOf(ids, unsafeTopics, unsafeReplies));
  return readableOf(standings, reader?.id ?? null, ids, unsafeTopics, unsafeReplies);
}

/**
 * The same question for many readers at once, each with their own ids: what each may read, in
 * a few indexed queries per thousand readers rather than six per reader (the pulse asks it for a
 * batch of members). The answer for each is the one filterReadable gives.
 */
export async function filterReadableForMany(
  db: Db,
  asks: readonly { reader: Reader; ids: ReadableIds }[],
): Promise<Map<number, Readable>> {
  const all = {
    topicIds: asks.flatMap((a) => a.ids.topicIds ?? []),
    replyIds: asks.flatMap((a) => a.ids.replyIds ?? []),
    groupIds: asks.flatMap((a) => a.ids.groupIds ?? []),
    communityIds: asks.flatMap((a) => a.ids.communityIds ?? []),
  };
  const [unsafeTopics, unsafeReplies] = await Promise.all([
    topicPlacesOf(db, all.topicIds),
    replyPlacesWithTopicOf(db, all.replyIds),
  ]);
  const standingsOf = await loadStandingsOfMany(
    db,
    asks.map((a) => a.reader),
    spacesOf(all, unsafeTopics, unsafeReplies),
  );
  const topicById = new Map(unsafeTopics.map((t) => [t.id, t]));
  const replyById = new Map(unsafeReplies.map((r) => [r.id, r]));
  const out = new Map<number, Readable>();
  for (const { reader, ids } of asks) {
    const standings = standingsOf.get(reader.id);
    if (!standings) continue;
    out.set(
      reader.id,
      readableOf(
        standings,
        reader.id,
        ids,
        (ids.topicIds ?? []).flatMap((id) => topicById.get(id) ?? []),
        (ids.replyIds ?? []).flatMap((id) => replyById.get(id) ?? []),
      ),
    );
  }
  return out;
}

/** A reply's topic, as the reading questions need it. */
function topicStateOf(r: ReplyPlace) {
  return {
    deleted_at: r.topic_deleted_at,
    hidden_at: r.topic_hidden_at,
    author_id: r.topic_author_id,
  };
}

type TopicPlace = Awaited<ReturnType<typeof topicPlacesOf>>[number];
type ReplyPlace = Awaited<ReturnType<typeof replyPlacesWithTopicOf>>[number];

/** The communities and groups whose standing answers for these ids. */
function spacesOf(ids: ReadableIds, unsafeTopics: TopicPlace[], unsafeReplies: ReplyPlace[]) {
  const places = [...unsafeTopics, ...unsafeReplies];
  return {
    communityIds: [...(ids.communityIds ?? []), ...places.map((p) => p.community_id)],
    groupIds: [
      ...(ids.groupIds ?? []),
      ...places.flatMap((p) => (p.group_id === null ? [] : [p.group_id])),
    ],
  };
}

/** The questions themselves, asked of one reader's standings for each id. */
function readableOf(
  standings: Standings,
  readerId: number | null,
  ids: ReadableIds,
  unsafeTopics: TopicPlace[],
  unsafeReplies: ReplyPlace[],
): Readable {
  const readable: Readable = {
    topicIds: new Set(),
    replyIds: new Set(),
    groupIds: new Set(),
    communityIds: new Set(),
  };
  for (const t of unsafeTopics) {
    const place = placeOf(standings, t);
    if (place && canReadTopic(place.access, place.group, t, readerId)) readable.topicIds.add(t.id);
  }
  for (const r of unsafeReplies) {
    const place = placeOf(standings, r);
    const topic = topicStateOf(r);
    if (place && canReadReply(place.access, place.group, topic, r, readerId))
      readable.replyIds.add(r.id);
  }
  for (const id of ids.groupIds ?? []) {
    const group = standings.groups.get(id);
    const access = group && standings.communities.get(group.communityId);
    if (group && access && canReadGroupContent(access, group)) readable.groupIds.add(id);
  }
  for (const id of ids.communityIds ?? []) {
    const access = standings.communities.get(id);
    if (access && canReadCommunityContent(access)) readable.communityIds.add(id);
  }
  return readable;
}

/**
 * Who among these members may read one topic, reply, group or community: the many-readers form
 * of the same questions, for the people a post concerns (its watchers, those it mentions). A few
 * indexed queries whatever their number; deleted accounts are nobody.
 */
export async function filterReaders(
  db: Db,
  userIds: readonly number[],
  item: ReadableItem,
): Promise<Set<number>> {
  const out = new Set<number>();
  if ('communityId' in item || 'groupId' in item) {
    const space = 'communityId' in item ? { communityId: item.communityId, groupId: null } : item;
    for (const [id, s] of await loadReaderStandings(db, userIds, space)) {
      const isReader = s.group
        ? canReadGroupContent(s.access, s.group)
        : canReadCommunityContent(s.access);
      if (isReader) out.add(id);
    }
    return out;
  }
  if ('topicId' in item) {
    const [unsafeTopic] = await topicPlacesOf(db, [item.topicId]);
    if (!unsafeTopic) return out;
    for (const [id, s] of await loadReaderStandings(db, userIds, spaceOf(unsafeTopic)))
      if (canReadTopic(s.access, s.group, unsafeTopic, id)) out.add(id);
    return out;
  }
  const [unsafeReply] = await replyPlacesWithTopicOf(db, [item.replyId]);
  if (!unsafeReply) return out;
  const topic = topicStateOf(unsafeReply);
  for (const [id, s] of await loadReaderStandings(db, userIds, spaceOf(unsafeReply)))
    if (canReadReply(s.access, s.group, topic, unsafeReply, id)) out.add(id);
  return out;
}
