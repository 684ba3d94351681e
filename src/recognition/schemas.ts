import { z } from 'zod';
import { idParam } from '../http/index.js';

export const handleParams = z.object({ handle: z.string().min(1).max(100) });
export const communityParams = z.object({ id: idParam('The community.') });
export const spotlightParams = z.object({ id: idParam('The spotlight.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });

const badge = z.object({
  id: z.string().describe('Stable id of the badge (src/recognition/badges.ts).'),
  name: z.string().describe('Its name, in the request’s language.'),
  description: z.string().describe('What it thanks, in the request’s language.'),
});

export const memberBadges = z.object({
  badges: z
    .array(
      z.object({
        badge,
        awardedAt: z.string().describe('ISO 8601.'),
        community: z.object({
          id: z.number().int(),
          slug: z.string(),
          name: z.string(),
          href: z.string(),
        }),
      }),
    )
    .describe('Only in the communities whose content the viewer may read; newest first.'),
});

export const communityBadges = z.object({
  badges: z.array(
    badge.extend({
      awardedAt: z
        .string()
        .nullable()
        .describe('When the viewer earned it in this community; null: not yet (or signed out).'),
    }),
  ),
});

export const leaderboardInput = z.object({
  enabled: z.boolean().describe('Show a ranking of members; off by default.'),
});
export const leaderboardSetting = z.object({ enabled: z.boolean() });

export const leaderboard = z.object({
  days: z.number().int().describe('The period: badges and accepted answers of these last days.'),
  members: z.array(
    z.object({
      rank: z.number().int().describe('Ties share a rank.'),
      handle: z.string(),
      displayName: z.string(),
      badges: z.number().int(),
      acceptedAnswers: z.number().int(),
    }),
  ),
});

export const spotlightInput = z.object({
  handle: z.string().max(100).describe('The member’s handle, an active member of the community.'),
  portrait: z.string().max(5000).describe('A short portrait, 1,000 characters at most.'),
  until: z.string().max(20).describe('The last day it is shown, "YYYY-MM-DD" (within 90 days).'),
});

export const spotlight = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  member: z.object({ handle: z.string(), href: z.string() }).nullable(),
  portrait: z.string(),
  until: z.string().describe('ISO 8601: the end of its last day.'),
  state: z
    .enum(['proposed', 'accepted', 'declined'])
    .describe('Shown on the community’s home only once accepted by the member.'),
});
export const spotlightResponse = z.object({ spotlight });
export const currentSpotlight = z.object({
  spotlight: spotlight.nullable().describe('The accepted spotlight pinned now; null: none.'),
});
