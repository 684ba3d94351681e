import { z } from 'zod';
import { idParam } from '../http/index.js';
import { frequencies } from './kinds.js';

export const settingsInput = z.object({
  frequency: z
    .enum(frequencies)
    .optional()
    .describe('daily: each day at 08:00; weekly (default): each Monday at 08:00; never.'),
  timeZone: z
    .string()
    .max(100)
    .optional()
    .describe('An IANA time zone ("Europe/Paris"): 08:00 is read there.'),
});

export const settings = z.object({
  frequency: z.enum(frequencies),
  timeZone: z.string().describe('The member’s time zone, or the instance’s default.'),
  isDefaultZone: z.boolean().describe('True while the member has not chosen a zone.'),
});

export const communityParams = z.object({ id: idParam('The community.') });
export const pickParams = communityParams.extend({ topicId: idParam('A topic of the community.') });
export const previewQuery = z.object({
  handle: z.string().min(1).max(100).describe('The member’s handle.'),
});

/** The animators' forms: a topic's number. */
export const topicForm = z.object({ topicId: idParam('A topic of the community.') });

export const picks = z.object({
  pins: z
    .array(
      z.object({
        topicId: z.number().int(),
        title: z.string(),
        group: z.string().nullable().describe('The group it is featured in; null: the community.'),
        pinnedAt: z.string().describe('ISO 8601; it shows in each member’s first pulse after it.'),
      }),
    )
    .describe('One featured topic per space at most.'),
  exclusions: z.array(
    z.object({ topicId: z.number().int(), title: z.string(), excludedAt: z.string() }),
  ),
});

export const preview = z.object({
  handle: z.string(),
  pulse: z
    .object({ subject: z.string(), text: z.string(), html: z.string() })
    .nullable()
    .describe('The member’s next pulse as it stands; null: nothing new, none would be sent.'),
});
