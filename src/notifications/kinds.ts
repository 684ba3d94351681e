/** What a member can be notified of; each can be switched off, in the page and by e-mail. */
export const notificationKinds = [
  'mention',
  'topic_reply',
  'reply_reply',
  'thanks',
  'answer_accepted',
  'message',
  'request_approved',
  'invited',
  'watched_topic',
  'watched_reply',
  'badge_awarded',
  'spotlight_proposed',
  'buddy_assigned',
  'buddy_introduced',
  'first_post_unanswered',
  'announcement',
  'crisis_started',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface Channels {
  inApp: boolean;
  byEmail: boolean;
}

/**
 * What a member gets before choosing: everything in the page; by e-mail, what is addressed to
 * them in person (the e-mail slice sends these, batched, when the member was away).
 */
export const defaultChannels: Record<NotificationKind, Channels> = {
  mention: { inApp: true, byEmail: true },
  topic_reply: { inApp: true, byEmail: true },
  reply_reply: { inApp: true, byEmail: true },
  thanks: { inApp: true, byEmail: false },
  answer_accepted: { inApp: true, byEmail: false },
  message: { inApp: true, byEmail: true },
  request_approved: { inApp: true, byEmail: false },
  invited: { inApp: true, byEmail: true },
  watched_topic: { inApp: true, byEmail: false },
  watched_reply: { inApp: true, byEmail: false },
  badge_awarded: { inApp: true, byEmail: false },
  // The member is asked to say yes or no: worth an e-mail.
  spotlight_proposed: { inApp: true, byEmail: true },
  // An introduction between two people who are to write to each other: worth an e-mail.
  buddy_assigned: { inApp: true, byEmail: true },
  buddy_introduced: { inApp: true, byEmail: true },
  // A newcomer waits for an answer: worth an e-mail to the animators and the buddy.
  first_post_unanswered: { inApp: true, byEmail: true },
  // To every member of the community: in the page, unless they choose e-mails too.
  announcement: { inApp: true, byEmail: false },
  // A troll wave: the animators and moderators must know at once.
  crisis_started: { inApp: true, byEmail: true },
};

/**
 * Watching levels of a topic or a group, as Discourse has them: watching notifies every new
 * post (and, for a group, every new topic); normal only replies to one's own posts and
 * mentions; muted nothing at all, not even those. A topic's level wins over its group's.
 */
export const watchLevels = ['watching', 'normal', 'muted'] as const;
export type WatchLevel = (typeof watchLevels)[number];

export function isWatchLevel(value: string): value is WatchLevel {
  return (watchLevels as readonly string[]).includes(value);
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (notificationKinds as readonly string[]).includes(value);
}

/**
 * When one post concerns a member in several ways, the one notification it makes says the most
 * personal: a mention, then a reply to their reply, to their topic, then a watched post.
 */
export const postRank: Partial<Record<NotificationKind, number>> = {
  mention: 4,
  reply_reply: 3,
  topic_reply: 2,
  watched_topic: 1,
  announcement: 1,
  watched_reply: 1,
};
