/**
 * Announcements and the editorial calendar (issue 23): animators write announcements (as
 * themselves or a team voice), keep them as drafts or schedule them in the community's time
 * zone, and pin them to the community's home or a group's page; a job publishes each once, as a
 * topic of kind "announcement", even with several instances.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { publishAnnouncementsJob } from './jobs.js';
import { registerAnnouncementsApi } from './routes-api.js';
import { registerAnnouncementsPages } from './routes-pages.js';

/** The announcements' routes, and their publication job (registered with the jobs). */
export function registerAnnouncements(app: FastifyInstance, deps: AppDeps): void {
  registerAnnouncementsApi(app, deps);
  registerAnnouncementsPages(app, deps);
  deps.jobs.register(publishAnnouncementsJob);
}

export { announcementsMessages } from './messages.js';
export { publishAnnouncementsJob } from './jobs.js';
export { publishDue, publishOne } from './publish.js';
export { groupPinned, homePinned } from './pins.js';
export { announcementPath, calendarPath, newAnnouncementPath } from './paths.js';
export { instantOfLocal, localOf } from './time.js';
export { createAnnouncement, requireCalendar } from './service.js';
