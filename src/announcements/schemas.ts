import { z } from 'zod';
import { idParam } from '../http/index.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const announcementParams = z.object({ id: idParam('The announcement.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const pageParams = z.object({
  slug: z.string().min(1).max(100),
  id: idParam('The announcement.'),
});

export const states = ['draft', 'scheduled', 'published'] as const;

const title = z.string().trim().min(3).max(200).describe('Title of the announcement.');
const body = z.string().trim().min(1).max(50_000).describe('Content in Markdown (CommonMark).');
const groupId = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))
  .describe('The group it goes out in, and is pinned to; none: the whole community, its home.');
const asTeam = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))
  .describe(
    'Publish as this team voice of the community (an animator of the team); none: as yourself.',
  );
const scheduleAt = z
  .string()
  .trim()
  .max(40)
  .nullable()
  .optional()
  .describe(
    'When it goes out, "YYYY-MM-DDTHH:mm" in the community’s time zone, in the future; empty or null: a draft.',
  );
const pinDays = z.coerce
  .number()
  .int()
  .min(0)
  .max(90)
  .optional()
  .describe('Days it stays pinned at the top of its place once out, 0 to 90 (0: not pinned).');

export const announcementInput = z.object({ title, body, groupId, asTeam, scheduleAt, pinDays });
export type AnnouncementInput = z.infer<typeof announcementInput>;

export const announcementPatch = z.object({
  title: title.optional(),
  body: body.optional(),
  groupId,
  asTeam,
  scheduleAt,
  pinDays,
});
export type AnnouncementPatch = z.infer<typeof announcementPatch>;

export const timeZoneInput = z.object({
  timeZone: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('An IANA time zone, e.g. "Europe/Paris" or "America/Montreal".'),
});
export const timeZoneResponse = z.object({ timeZone: z.string() });

export const listQuery = z.object({
  state: z.enum(states).optional().describe('Only announcements in this state.'),
});

const dayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('A day, "YYYY-MM-DD", in the community’s time zone.');
export const calendarQuery = z.object({
  from: dayText,
  to: dayText.describe('The last day, included.'),
});

export const announcement = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  groupId: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  state: z.enum(states).describe('draft, scheduled (goes out at scheduledAt), published.'),
  scheduledAt: z.string().nullable().describe('ISO 8601: when it goes (or went) out.'),
  scheduledLocal: z
    .string()
    .nullable()
    .describe('The same in the community’s time zone, "YYYY-MM-DDTHH:mm".'),
  timeZone: z.string().describe('The community’s time zone (IANA).'),
  pinDays: z.number().int(),
  pinnedUntil: z.string().nullable().describe('ISO 8601, once out and pinned.'),
  asTeam: z.number().int().nullable().describe('The team voice it goes out as, if any.'),
  authorId: z.number().int().describe('The animator who wrote it.'),
  publishedAt: z.string().nullable(),
  topic: z
    .object({ id: z.number().int(), href: z.string() })
    .nullable()
    .describe('The topic it became once out.'),
  failure: z
    .string()
    .nullable()
    .describe('Why the job could not publish it when due (it went back to the drafts).'),
});
export const announcementResponse = z.object({ announcement });
export const announcementList = z.object({ announcements: z.array(announcement) });
export const calendarResponse = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  announcements: z
    .array(announcement)
    .describe('Scheduled or published in the period, in time order.'),
});
