import { z } from 'zod';
import { now } from '../db/index.js';
import { defineJob } from '../jobs/index.js';
import { endCalmCrises } from './service.js';

/**
 * Every minute, on whichever instance takes the occurrence: the crises whose calm period has
 * passed without a trigger or a renewal end by themselves (a guarded update: each ends once).
 */
export const endCalmCrisesJob = defineJob({
  name: 'crisis.end-calm',
  payload: z.object({}),
  schedule: { everyMs: 60_000 },
  retries: 3,
  backoffSeconds: 30,
  timeoutSeconds: 120,
  handler: async (_payload, { store }) => {
    const ended = await endCalmCrises(store, now());
    return { ended: ended.length };
  },
});
