/** Where notifications link to: each feature's own path helpers, and this feature's pages. */
export { communityPath, groupPath } from '../communities/index.js';
export { replyBoxPath, replyPath, topicPath } from '../conversations/index.js';
export { badgesPath, spotlightPath } from '../recognition/index.js';

/** A private conversation: the messages feature owns this address. */
export { conversationPath } from '../messages/index.js';

export const notificationsPath = '/notifications';
export const preferencesPath = '/notifications/preferences';
