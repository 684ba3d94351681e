import { z } from 'zod';
import { idParam } from '../http/index.js';
import { auditActions } from './audit.js';
import { MAX_HIDE_THRESHOLD, MIN_HIDE_THRESHOLD } from './score.js';

export const flagReasons = ['off_topic', 'inappropriate', 'spam', 'harassment', 'other'] as const;
export const targetKinds = ['topic', 'reply', 'user', 'message'] as const;
export const decisions = ['agree', 'disagree', 'ignore'] as const;

export const communityParams = z.object({ id: idParam('The community.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });

export const flagInput = z.object({
  targetKind: z
    .enum(targetKinds)
    .describe('What is flagged: a topic, a reply, a profile, a private message received.'),
  targetId: z.coerce.number().int().positive().describe('Its id (a profile: the member’s id).'),
  communityId: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe(
      'For a profile or a private message: the community (shared with its author) whose staff handles it.',
    ),
  reason: z.enum(flagReasons).describe('Why.'),
  text: z.string().max(5000).optional().describe('Required for "other"; otherwise optional.'),
});

export const flagged = z.object({
  id: z.number().int(),
  hidden: z
    .boolean()
    .describe(
      'The post was hidden at once pending review: its score reached the community’s threshold.',
    ),
});

const person = z.object({
  id: z.number().int(),
  handle: z.string(),
  displayName: z.string(),
  href: z.string(),
});

export const queueItem = z.object({
  target: z.object({ kind: z.enum(targetKinds), id: z.number().int() }),
  score: z.number().describe('The sum of its open flags’ weights.'),
  hidden: z.boolean().describe('Hidden pending review.'),
  post: z
    .object({ title: z.string(), excerpt: z.string(), href: z.string(), deleted: z.boolean() })
    .nullable()
    .describe('A topic or reply in context.'),
  message: z
    .object({ bodyHtml: z.string(), at: z.string() })
    .nullable()
    .describe('A reported private message: this message only, never its conversation.'),
  author: person.nullable(),
  history: z
    .object({
      posts: z.number().int(),
      agreed: z.number().int(),
      disagreed: z.number().int(),
      ignored: z.number().int(),
    })
    .describe('The author in this community: live posts, and earlier flags by outcome.'),
  flags: z.array(
    z.object({
      id: z.number().int(),
      reason: z.enum(flagReasons),
      text: z.string(),
      at: z.string(),
      flagger: person.nullable(),
      weight: z
        .object({
          type: z.number(),
          trust: z.number(),
          accuracy: z.number(),
          total: z.number(),
        })
        .describe('Type bonus + flagger trust level + 2 × flagger accuracy (docs/moderation.md).'),
      trustLevel: z.number().int(),
      accuracy: z
        .number()
        .describe('(agreed + 1) / (agreed + disagreed + 2) of the flagger’s decided flags.'),
    }),
  ),
});

export const queue = z.object({
  threshold: z.number().describe('Score at which a post is hidden at once pending review.'),
  items: z.array(queueItem).describe('Highest score first.'),
});

export const decisionInput = z.object({
  decision: z.enum(decisions).describe('agree (hide), disagree (restore), ignore (close).'),
  items: z
    .array(z.object({ kind: z.enum(targetKinds), id: z.coerce.number().int().positive() }))
    .min(1)
    .max(200)
    .describe('The queue items to decide, in bulk.'),
  reason: z
    .string()
    .max(1000)
    .optional()
    .describe('Written in the audit log; default: the flags’ reasons.'),
});

export const decided = z.object({ decided: z.number().int() });

export const settingsInput = z.object({
  hideThreshold: z.coerce
    .number()
    .min(MIN_HIDE_THRESHOLD)
    .max(MAX_HIDE_THRESHOLD)
    .describe('Score at which a flagged post is hidden at once pending review.'),
});
export const settings = z.object({ hideThreshold: z.number() });

const period = z
  .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const auditQuery = z.object({
  action: z
    .union([z.literal(''), z.enum(auditActions)])
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe('Only this action.'),
  actor: z
    .string()
    .max(100)
    .optional()
    .describe('Only this staff member’s handle, or "auto" for automatic actions.'),
  from: period.describe('From this day (UTC, YYYY-MM-DD).'),
  to: period.describe('Up to this day included (UTC, YYYY-MM-DD).'),
});
export const adminAuditQuery = auditQuery.extend({
  communityId: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe('Only this community.'),
});

export const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  community: z.object({ id: z.number().int(), slug: z.string() }).nullable(),
  actor: z.object({ id: z.number().int(), handle: z.string(), displayName: z.string() }).nullable(),
  rule: z
    .string()
    .nullable()
    .describe('For an automatic action (actor null): the rule that acted.'),
  action: z.string(),
  target: z.object({ kind: z.string(), id: z.number().int() }),
  reason: z.string(),
  reverses: z.number().int().nullable().describe('The audit row this action undoes.'),
});
export const audit = z.object({
  entries: z.array(auditRow).describe('Newest first (500 at most).'),
});
