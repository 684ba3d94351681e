import { z } from 'zod';
import { idParam } from '../http/index.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const listParams = z.object({ id: idParam('The watch word list.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const slugListParams = z.object({
  slug: z.string().min(1).max(100),
  listId: z.coerce.number().int().positive(),
});

const action = z
  .enum(['flag', 'hold', 'block'])
  .describe(
    'flag: the post is published and flagged for review; hold: it waits for review before it is shown; block: it is refused with the list’s message.',
  );

export const listInput = z.object({
  name: z.string().max(1_000).describe('What the list is for, for the staff (“Insults”).'),
  action,
  entries: z
    .array(z.string().max(1_000))
    .max(10_000)
    .describe(
      'Words or phrases; accents and case folded, whole words only; `*` at the start or end of a word (`arnaq*`). One invalid entry refuses the whole list.',
    ),
  messageFr: z
    .string()
    .max(10_000)
    .optional()
    .describe(
      'block: what the author reads in French; `{word}` is the matched words. Empty: the default.',
    ),
  messageEn: z
    .string()
    .max(10_000)
    .optional()
    .describe('block: what the author reads in English. Empty: the default.'),
});

export const list = z.object({
  id: z.number().int(),
  name: z.string(),
  action,
  entries: z.array(z.string()).describe('As the staff wrote them, repeated ones kept once.'),
  messageFr: z.string().nullable().describe('null: the default message.'),
  messageEn: z.string().nullable().describe('null: the default message.'),
  updatedAt: z.string().describe('ISO 8601.'),
});

export const lists = z.object({
  lists: z.array(list).describe('Oldest first.'),
  defaultMessages: z
    .object({ fr: z.string(), en: z.string() })
    .describe('What a blocked author reads when the list has no message of its own.'),
});

export const oneList = z.object({ list });

export const done = z.null().describe('Done: no content.');
