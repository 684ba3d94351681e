/**
 * SEAM (addresses): where a notification links to. Issue 22 has each feature export its path
 * helpers (`topicPath`, `groupPath`…); they replace these, which build today's addresses.
 */
export function topicPath(communitySlug: string, topicId: number): string {
  return `/c/${communitySlug}/t/${topicId}`;
}

export function replyPath(communitySlug: string, topicId: number, replyId: number): string {
  return `${topicPath(communitySlug, topicId)}#reply-${replyId}`;
}

export function communityPath(communitySlug: string): string {
  return `/c/${communitySlug}`;
}

export function groupPath(communitySlug: string, groupSlug: string): string {
  return `/c/${communitySlug}/g/${groupSlug}`;
}

/** A private conversation: the messages feature owns this address. */
export { conversationPath } from '../messages/index.js';

export const notificationsPath = '/notifications';
export const preferencesPath = '/notifications/preferences';
