import { z } from 'zod';
import { idParam } from '../http/index.js';

export const communityParams = z.object({ id: idParam('The community.') });
export const slugParams = z.object({ slug: z.string().min(1).max(100) });

export const alertSetting = z.object({
  enabled: z.boolean().describe('Whether the first-post alert is sent; on by default.'),
  hours: z
    .number()
    .int()
    .describe('How many hours a newcomer’s first post waits without a response before the alert.'),
});

export const alertSettingInput = z.object({
  enabled: z.boolean().describe('Switch the alert on or off.'),
  hours: z
    .number()
    .int()
    .optional()
    .describe('Hours without a response before the alert, 1 to 72 (default: unchanged, or 24).'),
});
