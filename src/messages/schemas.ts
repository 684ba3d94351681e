import { z } from 'zod';
import { idParam } from '../http/index.js';

/** A message's longest text: a long letter, far under the request's 512 KB. */
export const MAX_BODY = 20_000;

const body = z
  .string()
  .trim()
  .min(1)
  .max(MAX_BODY)
  .describe('The message, in Markdown (CommonMark), rendered and sanitised as posts are.');

export const startInput = z.object({
  recipients: z
    .array(z.string().max(100))
    .max(1000)
    .describe(
      'Handles of the members to write to (with or without @), 10 at most; the writer is in the conversation too.',
    ),
  body,
  asTeam: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe(
      'Write as this team voice (an animator of the team): the team is in the conversation, not you.',
    ),
});
export type StartInput = z.infer<typeof startInput>;

export const replyInput = z.object({ body });

export const readInput = z.object({
  messageId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Read up to this message of the conversation; without it, up to its last one.'),
});

export const conversationParams = z.object({ id: idParam('The conversation.') });

export const handleParams = z.object({
  handle: z.string().min(1).max(100).describe('A member’s handle.'),
});

export const blockInput = z.object({
  handle: z.string().trim().min(1).max(100).describe('The handle of the member to block.'),
});

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Page size.'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Conversations to skip.'),
});

export const threadQuery = z.object({
  before: idParam('Only the messages before this one (the page of earlier messages).').optional(),
});
