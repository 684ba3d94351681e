import { z } from 'zod';
import { defineJob } from '../jobs/index.js';
import { carryOutDueDeletions } from './deletion.js';

/**
 * Each hour, the accounts whose deletion's grace period is over are deleted. Deletions fall due
 * by the day (14 days after the request): an hour late at most is fine. Once across instances.
 */
export const dueDeletionsJob = defineJob({
  name: 'own-data.due-deletions',
  payload: z.object({}),
  schedule: { everyMs: 3_600_000 },
  handler: (_payload, { store }) => carryOutDueDeletions(store, Date.now()),
});
