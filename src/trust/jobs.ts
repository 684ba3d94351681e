import { z } from 'zod';
import { now } from '../db/index.js';
import { defineJob } from '../jobs/index.js';
import { updateTrustLevels } from './compute.js';

/**
 * Every ten minutes, on whichever instance takes the occurrence: the activity logged since the
 * last run, folded into the members' counters and trust levels. The log cursor makes it
 * idempotent: an overlapping run, a retry or a second instance counts no row twice.
 */
export const updateTrustLevelsJob = defineJob({
  name: 'trust.update-levels',
  payload: z.object({}),
  schedule: { everyMs: 600_000 },
  retries: 3,
  backoffSeconds: 60,
  timeoutSeconds: 1_800,
  handler: async (_payload, { store }) => {
    const changes = await updateTrustLevels(store, now());
    return { changed: changes.length };
  },
});
