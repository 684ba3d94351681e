import { z } from 'zod';

export const jobState = z
  .enum(['queued', 'running', 'failed'])
  .describe('queued: waiting for its time or for a retry; running; failed: no retry left.');

export const jobsQuery = z.object({
  state: jobState.optional().describe('Only the jobs in this state; default all three.'),
});

export const jobIdParams = z.object({
  id: z
    .string()
    .regex(/^[0-9a-f-]{1,36}$/)
    .describe('The job’s id: digits (SQLite) or a UUID (PostgreSQL).'),
});

export const jobView = z.object({
  id: z.string(),
  name: z.string().describe('The kind of job, feature first: own-data.due-deletions.'),
  state: jobState,
  key: z
    .string()
    .nullable()
    .describe('Its deterministic key: the job runs once for a key (pulse:<userId>:<period>).'),
  attempts: z.number().int().describe('Runs so far, the one running included.'),
  maxAttempts: z.number().int().describe('Runs allowed before it fails for good.'),
  runAt: z.string().describe('When a queued job may run next; for others, when it was due.'),
  createdAt: z.string(),
  startedAt: z.string().nullable().describe('When its last run started.'),
  failedAt: z.string().nullable().describe('When it failed for good.'),
  lastError: z.string().nullable().describe('Its last run’s error.'),
});

export const jobList = z.object({
  jobs: z.array(jobView).describe('Failed, running and queued jobs, newest first (100 at most).'),
});

export const retriedJob = z.object({ job: jobView });

export type JobsQuery = z.infer<typeof jobsQuery>;
export type JobView = z.infer<typeof jobView>;
