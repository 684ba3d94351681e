import { z } from 'zod';
import { idParam } from '../http/index.js';

export const topicKinds = ['discussion', 'question'] as const;
export type TopicKind = (typeof topicKinds)[number];
export const reactionKinds = ['merci', 'like', 'insightful', 'support'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

const title = z.string().trim().min(3).max(200).describe('Title of the topic.');
const body = z.string().trim().min(1).max(50_000).describe('Content in Markdown (CommonMark).');

export const topicInput = z.object({
  kind: z
    .enum(topicKinds)
    .default('discussion')
    .describe('discussion, or question (which can get an accepted answer).'),
  title,
  body,
  groupId: z.coerce
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('Group the topic belongs to, if any.'),
});
export type TopicInput = z.infer<typeof topicInput>;

export const topicPatch = z.object({ title: title.optional(), body: body.optional() });
export type TopicPatch = z.infer<typeof topicPatch>;

export const replyInput = z.object({
  body,
  parentReplyId: z.coerce
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('The reply this one answers, if any.'),
});
export type ReplyInput = z.infer<typeof replyInput>;

export const replyPatch = z.object({ body });

export const deletionInput = z.object({
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((r) => r || undefined)
    .describe('Why the post is deleted (optional), kept with the deletion.'),
});
export type DeletionInput = Partial<z.infer<typeof deletionInput>>;

export const acceptInput = z.object({
  replyId: z.coerce.number().int().positive().describe('The reply accepted as the answer.'),
});

export const reactionInput = z.object({
  kind: z.enum(reactionKinds).describe('merci (thanks), like, insightful or support.'),
});

export const idParams = z.object({
  id: idParam('Identifier.'),
});
export const reactionParams = idParams.extend({ kind: z.enum(reactionKinds) });

export const topicListQuery = z.object({
  groupId: idParam('Only topics of this group.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30).describe('Page size.'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Topics to skip.'),
});

export const searchQuery = z.object({
  q: z.string().max(500).default('').describe('Words to look for, in French or English.'),
  communityId: idParam('Only in this community.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size.'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0).describe('Results to skip.'),
});
