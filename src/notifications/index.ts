/**
 * Notifications: made from the activity log by a consumer that claims a cursor (an outbox,
 * docs/decisions/006-notifications-outbox.md); watching levels per topic and group; per kind,
 * in the page and by e-mail.
 */
export { registerNotifications, type NotifierOptions } from './notifier.js';
export { watchControl } from './routes-pages.js';
export { notificationsMessages } from './messages.js';
export { processNotifications, type OnNotified, type ProcessOptions } from './consumer.js';
export { countUnread } from './service.js';
export { forgetMember as forgetMemberNotifications } from './store.js';
export { notificationKinds, watchLevels, type NotificationKind, type WatchLevel } from './kinds.js';
