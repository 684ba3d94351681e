import { findLiveUsersByHandles } from '../accounts/index.js';
import { recordActivity } from '../activity/index.js';
import type { Db } from '../db/index.js';
import { extractMentions } from '../markdown/index.js';

// Members one post can notify by mentioning them, the first ones named (Discourse: 10).
const MAX_MENTIONED = 20;

/**
 * The members `body` mentions that `before` (the text an edit replaces) did not, other than the
 * author: live accounts only. Whether each may read the post is the notifications' question.
 */
export async function newlyMentioned(
  db: Db,
  authorId: number,
  body: string,
  before = '',
): Promise<number[]> {
  const known = new Set(before ? extractMentions(before) : []);
  const handles = extractMentions(body)
    .filter((h) => !known.has(h))
    .slice(0, MAX_MENTIONED);
  const users = await findLiveUsersByHandles(db, handles);
  return users.map((u) => u.id).filter((id) => id !== authorId);
}

/**
 * One `member.mentioned` row per member, in the post's own transaction: the notifications
 * consumer works from the log alone. `replyId` null: the topic's own text mentions them.
 */
export async function recordMentions(
  trx: Db,
  post: { communityId: number; groupId: number | null; topicId: number; replyId: number | null },
  actorId: number,
  userIds: number[],
  at: number,
): Promise<void> {
  for (const userId of userIds)
    await recordActivity(trx, {
      actorId,
      communityId: post.communityId,
      groupId: post.groupId,
      topicId: post.topicId,
      kind: 'member.mentioned',
      targetKind: 'user',
      targetId: userId,
      inReplyTo: post.replyId,
      detail: post.replyId === null ? 'topic' : 'reply',
      at,
    });
}
