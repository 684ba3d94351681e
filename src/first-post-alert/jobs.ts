import { z } from 'zod';
import { now } from '../db/index.js';
import { defineJob } from '../jobs/index.js';
import { alertUnansweredFirstPosts } from './service.js';

/**
 * Every 15 minutes, on whichever instance takes the occurrence: the newcomers' first posts that
 * waited too long for a response. Each is alerted once (a unique key), so an overlapping run, a
 * retry or a second instance tells nobody twice.
 */
export const firstPostAlertJob = defineJob({
  name: 'first-post-alert.unanswered',
  payload: z.object({}),
  schedule: { everyMs: 900_000 },
  retries: 3,
  backoffSeconds: 60,
  timeoutSeconds: 600,
  handler: async (_payload, { store }) => {
    const alerted = await alertUnansweredFirstPosts(store, now());
    return { alerted: alerted.length };
  },
});
