import { z } from 'zod';
import { idParam } from '../http/index.js';

export const typologies = [
  'internal_community',
  'internal_social_network',
  'process_support',
] as const;
export type Typology = (typeof typologies)[number];
export const visibilities = ['public', 'private', 'invite_only'] as const;
export type Visibility = (typeof visibilities)[number];
export const communityRoles = ['member', 'moderator', 'animator', 'sponsor'] as const;
export type CommunityRole = (typeof communityRoles)[number];

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/)
  .describe('Short name used in addresses: a-z, 0-9 and dashes, up to 60.');

export const communityInput = z.object({
  slug,
  name: z.string().trim().min(2).max(120).describe('Name of the community.'),
  purpose: z.string().trim().min(10).max(2000).describe('Why the community exists (Markdown).'),
  purposePublic: z
    .boolean()
    .optional()
    .describe(
      'Whether a private community shows its purpose to non-members (default true); public communities always do.',
    ),
  typology: z
    .enum(typologies)
    .describe('Internal community, internal social network or process support.'),
  visibility: z
    .enum(visibilities)
    .describe('public: anyone reads; private: listed, members read; invite_only: hidden.'),
  charter: z
    .string()
    .trim()
    .min(10)
    .max(20000)
    .describe('The charter members accept on joining (Markdown).'),
});
export type CommunityInput = z.infer<typeof communityInput>;

export const communityPatch = communityInput.omit({ slug: true, charter: true }).partial();
export type CommunityPatch = z.infer<typeof communityPatch>;

export const charterInput = z.object({
  body: z.string().trim().min(10).max(20000).describe('The new version of the charter (Markdown).'),
});

export const charterQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('A version of the charter; the current one when absent.'),
});

export const joinInput = z.object({
  charterVersion: z.coerce
    .number()
    .int()
    .positive()
    .describe('The charter version the member read and accepts.'),
});

export const memberPatch = z
  .object({
    role: z.enum(communityRoles).optional().describe('The member’s role in the community.'),
    approve: z.boolean().optional().describe('Approve a pending request to join.'),
  })
  .refine((p) => p.role !== undefined || p.approve === true, {
    message: 'error.invalid_input.nothing_to_change',
  });

export const memberStatuses = ['pending', 'invited', 'active'] as const;

export const inviteInput = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(30)
    .describe('Handle of the member to invite.'),
});

export const groupInput = z.object({
  slug,
  name: z.string().trim().min(2).max(120).describe('Name of the group.'),
  description: z
    .string()
    .trim()
    .max(2000)
    .default('')
    .describe('What the group is for (Markdown).'),
  visibility: z
    .enum(visibilities)
    .describe('public, private (listed, members read) or invite_only (hidden).'),
});
export type GroupInput = z.infer<typeof groupInput>;
export const groupPatch = groupInput.omit({ slug: true }).partial();
export type GroupPatch = z.infer<typeof groupPatch>;

export const idParams = z.object({
  id: idParam('Identifier.'),
});
export const memberParams = z.object({
  id: idParam('Community identifier.'),
  userId: idParam('Member identifier.'),
});
