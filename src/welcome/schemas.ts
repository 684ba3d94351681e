import { z } from 'zod';
import { buddyIdSchema } from '../buddies/index.js';
import { idParam } from '../http/index.js';
import { locales } from '../i18n/index.js';
import { MAX_BODY } from '../messages/index.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const newcomerParams = z.object({
  id: idParam('The community.'),
  userId: idParam('The newcomer.'),
});
export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const slugNewcomerParams = z.object({
  slug: z.string().min(1).max(100),
  userId: z.coerce.number().int().positive(),
});

const person = z.object({
  handle: z.string(),
  displayName: z.string(),
  href: z.string(),
});

export const newcomer = z.object({
  member: person.extend({
    id: z.number().int(),
    locale: z.enum(locales).describe('The language the welcome is drafted in.'),
  }),
  joinedAt: z.string().describe('ISO 8601.'),
  interests: z
    .string()
    .describe('What the member wrote about themselves (their bio); empty: nothing.'),
  posted: z.boolean().describe('They wrote a topic or a reply in the community.'),
  firstPost: z
    .object({
      kind: z.enum(['topic', 'reply']),
      id: z.number().int(),
      href: z.string(),
      at: z.string(),
    })
    .nullable(),
  answered: z
    .object({ by: person, at: z.string() })
    .nullable()
    .describe('The first reply by someone else to their first post; null: none yet.'),
  welcomed: z
    .object({ by: person, at: z.string() })
    .nullable()
    .describe('The latest welcome (a team voice names the team); null: not welcomed.'),
  buddy: person.nullable().describe('Their buddy (marraine, parrain); null: none yet.'),
});

export const welcomeQueue = z.object({
  days: z.number().int().describe('Newcomers: members who joined in these last days.'),
  newcomers: z.array(newcomer).describe('Newest first.'),
});

export const templates = z.object({
  templates: z
    .object({ fr: z.string(), en: z.string() })
    .describe('The community’s welcome templates; variables: {name}, {community}, {interests}.'),
});

export const templateInput = z.object({
  locale: z.enum(locales).describe('Which template.'),
  body: z
    .string()
    .max(20_000)
    .describe('The template; only {name}, {community} and {interests} may be used.'),
});

export const draft = z.object({
  newcomer,
  body: z.string().describe('The template of the newcomer’s language, filled in for them.'),
});

export const welcomeInput = z.object({
  body: z
    .string()
    .trim()
    .min(1)
    .max(MAX_BODY)
    .describe('The welcome message, in Markdown; edit the drafted text as you like.'),
  asTeam: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe('Welcome as this team voice of the community (an animator of the team).'),
  buddyId: z
    .union([z.literal(''), buddyIdSchema])
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .describe(
      'Also give the newcomer this buddy, a volunteer (see …/welcome-queue/:userId/buddy for the proposals).',
    ),
});

export const welcomed = z.object({
  conversationId: z.number().int(),
  messageId: z.number().int(),
  href: z.string().describe('The conversation with the newcomer.'),
});
