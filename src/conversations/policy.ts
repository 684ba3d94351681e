import {
  canModerateCommunity,
  canManageCommunity,
  canPostInCommunity,
  canPostInGroup,
  canReadCommunityContent,
  canReadGroupContent,
  isActiveMember,
  type CommunityAccess,
  type CommunityStanding,
  type GroupStanding,
  type Reader,
} from '../communities/index.js';

/**
 * The questions about topics and replies, built on the communities' questions about spaces.
 * A page, a service and a list (readable.ts) all ask these; none restates them.
 */

/** What reading a post depends on beside its space: deletion, and hiding pending review. */
interface PostState {
  deleted_at: number | null;
  hidden_at: number | null;
  author_id: number;
}

/**
 * A post hidden pending review (src/moderation) is for its author, who sees it marked, and for
 * the community's staff who review it; for everyone else it is as if it were not there.
 */
function canSeeHidden(
  access: CommunityStanding,
  readerId: number | null,
  post: PostState,
): boolean {
  return post.hidden_at === null || post.author_id === readerId || canModerateCommunity(access);
}

/** A topic: live, shown (or the reader's own, or staff), in a space the reader may read. */
export function canReadTopic(
  access: CommunityStanding,
  group: GroupStanding | undefined,
  topic: PostState,
  readerId: number | null,
): boolean {
  if (topic.deleted_at !== null || !canSeeHidden(access, readerId, topic)) return false;
  return group ? canReadGroupContent(access, group) : canReadCommunityContent(access);
}

/** A reply: live and shown (or the reader's own, or staff), in a topic the reader may read. */
export function canReadReply(
  access: CommunityStanding,
  group: GroupStanding | undefined,
  topic: PostState,
  reply: PostState,
  readerId: number | null,
): boolean {
  return (
    reply.deleted_at === null &&
    canSeeHidden(access, readerId, reply) &&
    canReadTopic(access, group, topic, readerId)
  );
}

/** Starting a topic, in a group or outside any. */
export function canPostIn(access: CommunityAccess, group: GroupStanding | undefined): boolean {
  return group ? canPostInGroup(access, group) : canPostInCommunity(access);
}

/** Replying to a topic one may read: the same as posting where it lives. */
export function canReply(access: CommunityAccess, group: GroupStanding | undefined): boolean {
  return canPostIn(access, group);
}

/** Reacting ("merci"…) to what one reads: members only. */
export function canReact(access: CommunityStanding): boolean {
  return isActiveMember(access);
}

/** Which reply answered a question: its asker (still a member), or an animator. */
export function canAcceptAnswer(
  access: CommunityStanding,
  viewer: Reader | null,
  topic: { author_id: number },
): boolean {
  if (viewer === null) return false;
  return (topic.author_id === viewer.id && isActiveMember(access)) || canManageCommunity(access);
}

/** Authors edit and delete their own posts; moderators and animators anyone's. */
export function canChangePost(
  access: CommunityStanding,
  viewer: Reader,
  authorId: number,
): boolean {
  return viewer.id === authorId
    ? isActiveMember(access) || viewer.isAdmin
    : canModerateCommunity(access);
}

/**
 * Earlier versions of a post are for its author and the community's staff: what an author took
 * back is not for every reader.
 */
export function canReadRevisions(
  access: CommunityStanding,
  viewer: Reader | null,
  authorId: number,
): boolean {
  return viewer !== null && (viewer.id === authorId || canModerateCommunity(access));
}
