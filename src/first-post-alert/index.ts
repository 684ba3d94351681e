/**
 * The first-post alert (issue 23): when a newcomer's first post has had no response from anyone
 * else for the community's hours (24 by default; animators may switch it off), the community's
 * animators and the newcomer's buddy are notified, once, by a job every 15 minutes.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { firstPostAlertJob } from './jobs.js';
import { registerFirstPostAlertApi } from './routes-api.js';
import { registerFirstPostAlertPages } from './routes-pages.js';

/** The alert's setting routes, and its job (registered with the jobs). */
export function registerFirstPostAlert(app: FastifyInstance, deps: AppDeps): void {
  registerFirstPostAlertApi(app, deps);
  registerFirstPostAlertPages(app, deps);
  deps.jobs.register(firstPostAlertJob);
}

export { alertUnansweredFirstPosts, type Alerted } from './service.js';
export { firstPostAlertJob } from './jobs.js';
export { firstPostAlertMessages } from './messages.js';
export { firstPostAlertPath } from './paths.js';
