import { z } from 'zod';
import { now } from '../db/index.js';
import { defineJob } from '../jobs/index.js';
import { publishDue } from './publish.js';

/**
 * Every minute, on whichever instance takes the occurrence: the scheduled announcements whose
 * time has come. Each is claimed in its topic's transaction, so an overlapping run, a retry or
 * a second instance never publishes one twice.
 */
export const publishAnnouncementsJob = defineJob({
  name: 'announcements.publish-due',
  payload: z.object({}),
  schedule: { everyMs: 60_000 },
  retries: 2,
  backoffSeconds: 10,
  timeoutSeconds: 600,
  handler: (_payload, { store }) => publishDue(store, now()),
});
