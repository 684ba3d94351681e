import { z } from 'zod';
import { now } from '../db/index.js';
import { defineJob } from '../jobs/index.js';
import { awardBadges } from './award.js';

/**
 * Every hour, on whichever instance takes the occurrence: the badges members have earned since.
 * Awarding is idempotent (one row per member, community and badge), so an overlapping run, a
 * retry or a second instance gives nothing twice.
 */
export const awardBadgesJob = defineJob({
  name: 'recognition.award-badges',
  payload: z.object({}),
  schedule: { everyMs: 3_600_000 },
  retries: 3,
  backoffSeconds: 60,
  timeoutSeconds: 1_800,
  // Quiet: each award is an activity row and a notification; the terminal is for operators.
  handler: async (_payload, { store }) => {
    const awarded = await awardBadges(store, now());
    return { awarded: awarded.length };
  },
});
