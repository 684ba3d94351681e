import { z } from 'zod';
import { idParam } from '../http/index.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const crisisParams = z.object({ id: idParam('The crisis.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const crisisFormParams = z.object({
  slug: z.string().min(1).max(100),
  id: idParam('The crisis.'),
});

export const crisisSettings = z.object({
  autoStart: z.boolean().describe('Whether the raid detector may start crisis mode by itself.'),
  holdYoungPosts: z.boolean().describe('Posts by young accounts are held for review.'),
  slowModeMinutes: z
    .number()
    .int()
    .describe(
      'Slow mode in the affected topic: one post per member per this many minutes (0: off).',
    ),
  approveSignups: z.boolean().describe('New sign-ups to the community wait for approval.'),
  youngLinksOff: z.boolean().describe('Young accounts cannot post links.'),
  calmMinutes: z
    .number()
    .int()
    .describe('Minutes without a trigger after which a crisis ends by itself.'),
});

export const crisisSettingsInput = z.object({
  autoStart: z.boolean().optional().describe('Default: unchanged.'),
  holdYoungPosts: z.boolean().optional().describe('Default: unchanged.'),
  slowModeMinutes: z.number().optional().describe('0 to 60; default: unchanged.'),
  approveSignups: z.boolean().optional().describe('Default: unchanged.'),
  youngLinksOff: z.boolean().optional().describe('Default: unchanged.'),
  calmMinutes: z.number().optional().describe('5 to 1440; default: unchanged.'),
});

export const crisis = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  topic: z
    .object({ id: z.number().int(), title: z.string() })
    .nullable()
    .describe('The topic in crisis; null: the whole community.'),
  startedAt: z.string().describe('ISO 8601.'),
  automatic: z.boolean().describe('Started by the raid detector rather than by a staff member.'),
  trigger: z.string().describe('"manual", or the signal: new_accounts, young_posts, flags.'),
  lastTriggerAt: z.string().describe('ISO 8601: the last time a wave or a start extended it.'),
  renewedUntil: z.string().nullable().describe('ISO 8601: renewed by staff until then.'),
  endsIfCalmAt: z.string().describe('ISO 8601: when it ends by itself if nothing more happens.'),
  endedAt: z.string().nullable().describe('ISO 8601, once ended.'),
});

export const crisisList = z.object({ crises: z.array(crisis) });

export const startInput = z.object({
  topicId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('A topic of the community; left out: the whole community.'),
});
