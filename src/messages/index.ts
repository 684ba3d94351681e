/**
 * Private messages: conversations between a few members, their messages and read pointers, and
 * blocks between members (which also silence a blocked member's mentions).
 */
export { registerMessagesApi } from './routes-api.js';
export { importConversation, type ImportedConversation } from './imports.js';
export { registerMessagesPages, profileMessaging } from './routes-pages.js';
export { messagesMessages } from './messages.js';
export type { MessageLimits } from './limits.js';
export { countUnreadMessages, startConversation, type Started } from './service.js';
export { messageWriteLimit } from './limits.js';
export { MAX_BODY } from './schemas.js';
export { MAX_RECIPIENTS } from './recipients.js';
export { isBlocked, whoBlocked } from './blocks.js';
export {
  conversationsStillIn,
  latestUnreadFor,
  messagesForNotification,
  unreadAmong,
} from './notifications.js';
export { conversationPath, messagePath, newMessagePath } from './paths.js';
export { forgetMessagesOf, messagesForExport, type ExportedConversation } from './member-data.js';
export { receivedMessage, reportedMessages, type ReportedMessage } from './reported.js';
