import { z } from 'zod';
import { idParam } from '../http/index.js';
import { MAX_TEXT } from './texts.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });

const link = z.object({ name: z.string(), href: z.string() });

export const firstSteps = z.object({
  community: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
  charter: z
    .object({
      version: z.number().int(),
      lines: z.array(z.string()).describe('The charter’s first lines.'),
      isLonger: z.boolean().describe('The charter goes on past these lines.'),
      href: z.string().describe('The whole charter.'),
    })
    .nullable(),
  welcome: z.string().describe('A few words of welcome, in the viewer’s language.'),
  introduce: z
    .object({
      topic: link.nullable().describe('The conversation where newcomers introduce themselves.'),
      group: link.nullable().describe('The group where newcomers introduce themselves.'),
    })
    .describe('Where to introduce oneself, as the animators chose (both null: not chosen).'),
  groups: z
    .array(
      link.extend({
        id: z.number().int(),
        slug: z.string(),
        description: z.string(),
        reason: z
          .enum(['interests', 'active'])
          .describe('Shares words with the viewer’s bio, or among the liveliest open groups.'),
      }),
    )
    .describe('Two or three groups for the viewer.'),
  ask: z.object({ text: z.string(), href: z.string().describe('Where to start a question.') }),
  editHref: z.string().nullable().describe('The animators’ form; null for everyone else.'),
});

const texts = z.object({ welcome: z.string(), ask: z.string() });

export const settings = z.object({
  texts: z
    .object({ fr: texts, en: texts })
    .describe('The page’s texts in each language: the animators’ or the default.'),
  edited: z
    .object({
      fr: z.object({ welcome: z.boolean(), ask: z.boolean() }),
      en: z.object({ welcome: z.boolean(), ask: z.boolean() }),
    })
    .describe('Which texts the animators wrote (false: the default).'),
  introduceTopicId: z.number().int().nullable(),
  introduceGroupId: z.number().int().nullable(),
});

const text = (what: string) =>
  z
    .string()
    .max(MAX_TEXT * 2)
    .nullable()
    .optional()
    .describe(`${what}; empty, null or missing: the default text.`);

export const settingsInput = z.object({
  welcomeFr: text('The welcome, in French'),
  welcomeEn: text('The welcome, in English'),
  askFr: text('How to ask a question, in French'),
  askEn: text('How to ask a question, in English'),
  introduceTopicId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('A conversation of the community where newcomers introduce themselves.'),
  introduceGroupId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('A group of the community where newcomers introduce themselves.'),
});
