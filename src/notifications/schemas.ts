import { z } from 'zod';
import { idParam } from '../http/index.js';
import { notificationKinds, watchLevels } from './kinds.js';

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Page size.'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Notifications to skip.'),
});

export const idParams = z.object({ id: idParam('Identifier.') });

const level = z
  .enum(watchLevels)
  .describe(
    'watching: every new post (and, for a group, every new topic); normal: replies to your posts and mentions; muted: nothing, not even those.',
  );

export const watchInput = z.object({ level });

/** The watching form of a topic's or a group's page. */
export const watchForm = z.object({
  place: z.enum(['topic', 'group']).describe('What the level is for.'),
  id: idParam('The topic or the group.'),
  level,
});

const kind = z.enum(notificationKinds).describe('The kind of notification.');

export const preferencesInput = z.object({
  preferences: z
    .array(
      z.object({
        kind,
        inApp: z.boolean().optional().describe('Shown on the site (left out: unchanged).'),
        byEmail: z.boolean().optional().describe('Sent by e-mail (left out: unchanged).'),
      }),
    )
    .min(1)
    .max(notificationKinds.length)
    .describe('The kinds to change; the others keep their channels.'),
});

// ---- Answers ---------------------------------------------------------------------------------

const nullableId = z.number().int().nullable();

export const notification = z.object({
  id: z.number().int(),
  kind,
  read: z.boolean().describe('Marked read (or its topic opened) by the member.'),
  at: z.string().describe('When it last changed (ISO 8601): a new "Merci" brings it back up.'),
  text: z.string().describe('The sentence to show, in the reader’s language (plain text).'),
  href: z.string().describe('Where it leads, on this site.'),
  actor: z
    .object({ handle: z.string(), displayName: z.string() })
    .nullable()
    .describe('Who did it, the latest one for grouped thanks; null: nobody named.'),
  others: z.number().int().describe('How many more people did the same ("Julie and 3 others").'),
  communityId: nullableId,
  groupId: nullableId,
  topicId: nullableId,
  replyId: nullableId,
  conversationId: nullableId.describe('The private conversation, for a message.'),
});

const unread = z.number().int().describe('Unread notifications, as the page header counts them.');

export const notificationList = z.object({
  notifications: z.array(notification).describe('Newest first.'),
  unread,
  hasMore: z.boolean().describe('Another page follows.'),
});

export const unreadCount = z.object({ unread });

export const watching = z.object({
  level: z.enum(watchLevels),
  via: z
    .enum(['topic', 'group', 'default'])
    .describe('Where the level comes from: the topic itself, its group, or neither (normal).'),
});

export const preferences = z.object({
  preferences: z.array(z.object({ kind, inApp: z.boolean(), byEmail: z.boolean() })),
});
