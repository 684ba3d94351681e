import { chunks, type Db } from '../db/index.js';
import { replyFactsOf, topicFactsOf } from './store.js';

/** What another feature may know of a topic it already has the id of, to check and name it. */
export interface TopicFacts {
  id: number;
  communityId: number;
  groupId: number | null;
  authorId: number;
  kind: string;
  title: string;
  acceptedReplyId: number | null;
  isDeleted: boolean;
  /** Hidden pending review (src/moderation): for its author and the staff only. */
  isHidden: boolean;
}

export interface ReplyFacts {
  id: number;
  topicId: number;
  parentReplyId: number | null;
  authorId: number;
  isDeleted: boolean;
  /** Hidden pending review (src/moderation): for its author and the staff only. */
  isHidden: boolean;
}

export interface PostFacts {
  topics: Map<number, TopicFacts>;
  replies: Map<number, ReplyFacts>;
}

/**
 * Topics and replies by id, with their authors and whether they were deleted (a missing id is
 * left out): for notifications, which must still ask whether each reader may read them. A
 * reply's topic is loaded with it.
 */
export async function postFacts(
  db: Db,
  ids: { topicIds: Iterable<number>; replyIds: Iterable<number> },
): Promise<PostFacts> {
  const replies = new Map<number, ReplyFacts>();
  for (const part of chunks([...new Set(ids.replyIds)], 500))
    for (const r of await replyFactsOf(db, part))
      replies.set(r.id, {
        id: r.id,
        topicId: r.topic_id,
        parentReplyId: r.parent_reply_id,
        authorId: r.author_id,
        isDeleted: r.deleted_at !== null,
        isHidden: r.hidden_at !== null,
      });
  const topicIds = new Set(ids.topicIds);
  for (const r of replies.values()) topicIds.add(r.topicId);
  const topics = new Map<number, TopicFacts>();
  for (const part of chunks([...topicIds], 500))
    for (const t of await topicFactsOf(db, part))
      topics.set(t.id, {
        id: t.id,
        communityId: t.community_id,
        groupId: t.group_id,
        authorId: t.author_id,
        kind: t.kind,
        title: t.title,
        acceptedReplyId: t.accepted_reply_id,
        isDeleted: t.deleted_at !== null,
        isHidden: t.hidden_at !== null,
      });
  return { topics, replies };
}
