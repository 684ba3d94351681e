/**
 * Background work. Jobs: definitions (name, payload schema, optional schedule, handler) run by
 * one interface on two drivers — in-process on SQLite, pg-boss on PostgreSQL — with
 * deterministic keys, retries with back-off, and failed jobs shown to instance admins. Also the
 * simpler `every` (an interval timer) and `createBackground` (work after a response).
 */
export { defineJob, type JobDefinition, type JobContext, type JobLog } from './define.js';
export { type Schedule } from './schedule.js';
export { openJobs, type Jobs, type EnqueueOptions, type StartOptions } from './queue.js';
export { type JobState, type JobSummary } from './driver.js';
export { every, type RecurringJob } from './every.js';
export { createBackground, type Background } from './background.js';
export { registerJobsRoutes } from './routes.js';
export { formatJobLines, presentJob } from './present.js';
export { jobsMessages } from './messages.js';
