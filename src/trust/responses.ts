import { z } from 'zod';

// Response shapes (OpenAPI); apart from schemas.ts, whose fields are all input fields with labels.

const limits = z
  .object({
    links: z.boolean().describe('Links and images in posts.'),
    postsPerDay: z.number().int().describe('Topics and replies in any 24 hours; 0: no cap.'),
    secondsBetweenPosts: z.number().int().describe('Least time between two posts; 0: none.'),
    messagesPerDay: z.number().int().describe('Private messages in any 24 hours; 0: no cap.'),
    flagsPerDay: z.number().int().describe('Flags in any 24 hours.'),
  })
  .describe('What the level allows (staff and team accounts are held to none).');

export const trust = z.object({
  userId: z.number().int(),
  level: z.number().int().describe('0 to 4.'),
  name: z.string().describe('The level’s name, in the request’s language.'),
  locked: z.boolean(),
  setBy: z
    .object({ handle: z.string() })
    .nullable()
    .describe('The admin who set it by hand last; null when earned.'),
  updatedAt: z.string().nullable().describe('When the level last changed, ISO 8601.'),
  limits,
  next: z
    .object({
      level: z.number().int(),
      name: z.string(),
      requirements: z.array(
        z.object({
          rule: z.string().describe('visitDays, views, topicsEntered, topicsReplied, replies…'),
          windowed: z.boolean().describe('Counted over the last 100 days (else since sign-up).'),
          have: z.number().int(),
          need: z.number().int(),
          met: z.boolean(),
          label: z.string(),
        }),
      ),
    })
    .nullable()
    .describe('What the next earned level asks; null at regular and above, or when locked.'),
});
