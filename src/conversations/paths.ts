import { communityPath } from '../communities/index.js';

/** A topic's page; its edit, delete, replies and accept actions hang below it. */
export function topicPath(communitySlug: string, topicId: number): string {
  return `${communityPath(communitySlug)}/t/${topicId}`;
}

/** The id of a reply's element on its topic's page. */
export function replyAnchor(replyId: number): string {
  return `reply-${replyId}`;
}

/** A reply, on its topic's page. */
export function replyPath(communitySlug: string, topicId: number, replyId: number): string {
  return `${topicPath(communitySlug, topicId)}#${replyAnchor(replyId)}`;
}

/** A topic's reply box (the form's heading), to answer at once. */
export function replyBoxPath(communitySlug: string, topicId: number): string {
  return `${topicPath(communitySlug, topicId)}#reply-title`;
}

/** Where a reply's own edit and delete pages hang. */
export function replyActionsPath(communitySlug: string, replyId: number): string {
  return `${communityPath(communitySlug)}/r/${replyId}`;
}
