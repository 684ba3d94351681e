import { z } from 'zod';
import { idParam } from '../http/index.js';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('A date, YYYY-MM-DD (UTC).');

export const periodQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d) => [30, 90, 365].includes(d))
    .optional()
    .describe('The last 30, 90 or 365 days (default 90) when from/to are not given.'),
  from: date.describe(
    'Start of the period (inclusive), YYYY-MM-DD; a period spans 30 years at most.',
  ),
  to: date.describe('End of the period (exclusive), YYYY-MM-DD; default now.'),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

export const idParams = z.object({
  id: idParam('Community identifier.'),
});

export const groupParams = idParams.extend({
  groupId: idParam('Group identifier.'),
});
