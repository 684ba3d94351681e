import { AppError, notFound, type Viewer } from '../http/index.js';
import type { JobState, JobSummary } from './driver.js';
import type { Jobs } from './queue.js';

const LIST_LIMIT = 100;

/** The job queue is the instance admins' business: to anyone else it does not exist. */
function requireInstanceAdmin(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated');
  if (!viewer.isAdmin) throw notFound();
  return viewer;
}

/** Failed, running and queued jobs (or those of one state), newest first. */
export async function listJobsFor(
  jobs: Jobs,
  viewer: Viewer | null,
  state?: JobState,
): Promise<JobSummary[]> {
  requireInstanceAdmin(viewer);
  return jobs.list({ ...(state ? { states: [state] } : {}), limit: LIST_LIMIT });
}

/** Gives a failed job one more run; a job that is not failed (any more) cannot be retried. */
export async function retryFailedJob(
  jobs: Jobs,
  viewer: Viewer | null,
  id: string,
): Promise<JobSummary> {
  requireInstanceAdmin(viewer);
  const job = await jobs.find(id);
  if (!job) throw notFound();
  if (job.state !== 'failed' || !(await jobs.retry(id)))
    throw new AppError('conflict', { messageKey: 'jobs.error.notFailed' });
  return { ...job, state: 'queued', failedAt: null };
}
