import { z } from 'zod';

// What the API answers (its OpenAPI document describes it); the inputs are in schemas.ts.

const person = z.object({
  handle: z.string().nullable().describe('Null for a former member (deleted account).'),
  displayName: z.string().nullable(),
  isFormerMember: z.boolean(),
});

const participant = person.extend({
  hasLeft: z.boolean().describe('They left the conversation: they read nothing more of it.'),
});

/** A post or message written as a team: shown under the team, signed by its animator. */
export const teamVoice = z
  .object({
    team: z.string().describe('The team’s name (its account is the author).'),
    initials: z.string().describe('The team’s avatar: the initials of its name.'),
    signature: z.string().describe('How the animator signs: a first name or initials.'),
  })
  .nullable()
  .describe('Set when written as a team voice; the real author is never shown.');

const message = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  author: person,
  teamVoice,
  body: z.string().describe('Markdown; empty once erased with its author’s account.'),
  bodyHtml: z.string().describe('Sanitised HTML of the body.'),
  createdAt: z.string(),
  isDeleted: z.boolean(),
  isUnread: z.boolean().describe('Written by someone else after the reader’s last read.'),
});

const conversationSummary = z.object({
  id: z.number().int(),
  participants: z.array(participant).describe('Everyone in it, the reader included.'),
  lastMessageAt: z.string(),
  unread: z.number().int().describe('Messages of others the reader has not read.'),
  lastMessage: z.object({ author: person, excerpt: z.string(), isDeleted: z.boolean() }).nullable(),
});

export const conversationList = z.object({
  conversations: z.array(conversationSummary).describe('The most recently active first.'),
  unread: z.number().int().describe('Unread messages in all the reader’s conversations.'),
});

export const conversationOut = z.object({
  conversation: z.object({
    id: z.number().int(),
    participants: z.array(participant),
    createdAt: z.string(),
    lastMessageAt: z.string(),
  }),
  messages: z.array(message).describe('Oldest first: the latest 100, or those before `before`.'),
  hasEarlier: z.boolean().describe('Earlier messages exist: ask with `before` = the first id.'),
});

export const started = z.object({ conversationId: z.number().int(), message });
export const replied = z.object({ message });

export const blockList = z.object({
  blocks: z.array(z.object({ handle: z.string(), displayName: z.string(), blockedAt: z.string() })),
});

export const unreadCount = z.object({
  unread: z.number().int().describe('Unread messages in all the reader’s conversations.'),
});

export const done = z.null().describe('Done: no content.');
