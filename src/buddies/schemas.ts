import { z } from 'zod';
import { idParam } from '../http/index.js';

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

export const person = z.object({
  id: z.number().int(),
  handle: z.string(),
  displayName: z.string(),
  href: z.string().describe('Their profile.'),
});

export const volunteering = z.object({
  volunteering: z.boolean().describe('The viewer volunteers as a buddy in this community.'),
});

const volunteerShape = {
  member: person,
  since: z.string().describe('When they volunteered, ISO 8601.'),
  newcomers: z
    .number()
    .int()
    .describe('How many newcomers they were made buddy of in this community.'),
  lastActiveAt: z
    .string()
    .nullable()
    .describe('Their last topic, reply, reaction or accepted answer here; null: none.'),
  active: z.boolean().describe('They took part in the last `activeDays` days.'),
};

export const volunteers = z.object({
  activeDays: z.number().int().describe('Active: took part in these last days.'),
  volunteers: z.array(z.object(volunteerShape)).describe('By name.'),
});

export const proposal = z.object({
  ...volunteerShape,
  sharedInterests: z
    .array(z.string())
    .describe('Words of the newcomer’s bio (their interests) the volunteer’s bio also has.'),
  sharedGroups: z.number().int().describe('How many of the community’s groups both are in.'),
});

export const newcomerBuddy = z.object({
  newcomer: person,
  buddy: person
    .extend({ since: z.string().describe('ISO 8601.') })
    .nullable()
    .describe('Their current buddy; null: none yet.'),
  proposals: z
    .array(proposal)
    .describe(
      'Volunteers active lately, not the newcomer: shared interests or groups first, then fewest newcomers.',
    ),
});

export const buddyId = z.coerce
  .number()
  .int()
  .positive()
  .describe('A member who volunteered as a buddy in the community.');

export const assignInput = z.object({ buddyId });

export const assigned = z.object({ newcomer: person, buddy: person });
