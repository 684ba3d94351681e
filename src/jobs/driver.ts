import type { Db } from '../db/index.js';
import type { JobDefinition, JobLog } from './define.js';

/** What an instance admin sees of a job: waiting (or waiting for a retry), running, or failed. */
export type JobState = 'queued' | 'running' | 'failed';
export const jobStates: readonly JobState[] = ['failed', 'running', 'queued'];

export interface JobSummary {
  /** The driver's id: digits in-process, a UUID on pg-boss. */
  id: string;
  name: string;
  state: JobState;
  key: string | null;
  /** Runs so far (the one running included). */
  attempts: number;
  maxAttempts: number;
  /** When a queued job may run (next); for others, when it was last due. */
  runAt: number;
  createdAt: number;
  startedAt: number | null;
  /** When it failed for good. */
  failedAt: number | null;
  /** The last run's error message. */
  lastError: string | null;
}

/** What a queued job carries, on both drivers. */
export interface Envelope {
  payload: unknown;
  key: string | null;
  scheduledFor: number | null;
}

export interface QueuedJob {
  definition: JobDefinition;
  envelope: Envelope;
  runAt: number;
}

/** Runs one job's handler; throws what the handler threw. */
export type Execute = (
  definition: JobDefinition,
  envelope: Envelope,
  run: { id: string; attempt: number; maxAttempts: number },
) => Promise<void>;

export interface RunnerOptions {
  log: JobLog;
  /** How often an idle runner looks for due jobs (pg-boss: 500 ms at least). */
  pollMs: number;
  /** Jobs run at once by this instance (per job name on pg-boss). */
  concurrency: number;
}

/** A queue: the in-process one (SQLite) or pg-boss (PostgreSQL). */
export interface Driver {
  readonly kind: 'in-process' | 'pg-boss';
  /** Makes ready to queue jobs of this definition (pg-boss creates its queue). */
  prepare(definition: JobDefinition): Promise<void>;
  /** Queues a job within `db`, a transaction whose key (if any) is already taken. */
  insert(db: Db, job: QueuedJob): Promise<string>;
  list(states: readonly JobState[], limit: number): Promise<JobSummary[]>;
  find(id: string): Promise<JobSummary | undefined>;
  /** One more run for a failed job; false if `id` names no failed job. */
  retry(id: string): Promise<boolean>;
  /** Starts running the jobs of these definitions. */
  start(definitions: JobDefinition[], execute: Execute, options: RunnerOptions): Promise<void>;
  /** Takes no more jobs; waits for those running. */
  stop(): Promise<void>;
  /** Nudges an idle runner: a job was just queued. */
  wake(): void;
  /** Forgets failed jobs finished before `before`. */
  forgetFailed(db: Db, before: number): Promise<void>;
}
