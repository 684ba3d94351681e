import { z } from 'zod';
import { idParam } from '../http/index.js';

export const topicKinds = ['discussion', 'question'] as const;
export type TopicKind = (typeof topicKinds)[number];
export const reactionKinds = ['merci', 'like', 'insightful', 'support'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

const title = z.string().trim().min(3).max(200).describe('Title of the topic.');
const body = z.string().trim().min(1).max(50_000).describe('Content in Markdown (CommonMark).');
// A form's "as myself" option sends an empty value.
const asTeam = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .describe(
    'Post as this team voice (an animator of the team): the team is shown as the author, with your signature.',
  );

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
  asTeam,
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
  asTeam,
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

/** A form's "all" option sends an empty value: no filter, as when the field is left out. */
function blankable<T extends z.ZodType>(schema: T) {
  return z
    .union([z.literal(''), schema])
    .optional()
    .transform((v) => (v === '' ? undefined : (v as z.output<T>)));
}

const searchId = idParam('An identifier.');
const searchDay = z.string().max(10);

export const searchQuery = z.object({
  q: z.string().max(500).default('').describe('Words to look for, in French or English.'),
  communityId: blankable(searchId).describe('Only in this community.'),
  groupId: blankable(searchId).describe(
    'Only in this group (no result for a group the viewer may not read).',
  ),
  kind: blankable(z.enum(topicKinds)).describe('Only topics of this kind.'),
  solved: blankable(z.enum(['true', 'false'])).describe(
    'true: only questions with an accepted answer; false: only questions without one.',
  ),
  from: blankable(searchDay).describe('Only posts written on or after this day, YYYY-MM-DD (UTC).'),
  to: blankable(searchDay).describe('Only posts written on or before this day, YYYY-MM-DD (UTC).'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Topics per page.'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0).describe('Topics to skip.'),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const textParts = z
  .array(z.object({ text: z.string(), mark: z.boolean() }))
  .describe('The same text in parts; a part with mark true is a word searched for.');

export const searchResults = z.object({
  total: z.number().int().describe('Matching topics, all pages together.'),
  results: z.array(
    z.object({
      topicId: z.number().int(),
      communityId: z.number().int(),
      groupId: z.number().int().nullable(),
      kind: z.string().describe('The topic kind: discussion, question.'),
      isSolved: z.boolean().describe('A question with an accepted answer.'),
      title: z.string(),
      titleParts: textParts,
      posts: z
        .array(
          z.object({
            docKind: z.enum(['topic', 'reply']).describe('topic: its first post; or a reply.'),
            docId: z.number().int().describe('The topic id, or the reply id.'),
            createdAt: z.string(),
            snippet: z.string().describe('Plain text around the words found (escape it).'),
            snippetParts: textParts,
          }),
        )
        .describe('Its best-matching posts, best first (3 at most).'),
      morePosts: z.number().int().describe('How many more of its posts matched.'),
    }),
  ),
});
