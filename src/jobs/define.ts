import type { z } from 'zod';
import type { Store } from '../db/index.js';
import { checkSchedule, type Schedule } from './schedule.js';

/** Where a job's handler and its runner write what happened (pino's shape, as `app.log`). */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a handler receives besides its payload. */
export interface JobContext {
  store: Store;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** The job's deterministic key, if it was given one. */
  key: string | null;
  /** For a scheduled occurrence: when it was due (epoch ms); null for an enqueued job. */
  scheduledFor: number | null;
  log: JobLog;
}

/**
 * A kind of background work: its name, the shape of its payload, when it runs by itself (if
 * ever), how often it is retried, and its handler. Both drivers run the same definitions.
 */
export interface JobDefinition<P = unknown> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  readonly schedule: Schedule | null;
  /** What a scheduled occurrence carries (checked against `payload` when defined). */
  readonly schedulePayload: unknown;
  /** Runs after the first that may follow a failure; past them, the job is "failed". */
  readonly retries: number;
  /** The first retry's delay; each next one about doubles. */
  readonly backoffSeconds: number;
  /** A run that takes longer counts as failed. */
  readonly timeoutSeconds: number;
  // A method, so that a definition of any payload fits where any definition is expected.
  handler(payload: P, ctx: JobContext): Promise<unknown>;
}

export interface JobSpec<P> {
  /** Lowercase words, dots and dashes, feature first: `own-data.due-deletions`. */
  name: string;
  /** A zod schema; the payload must survive JSON (numbers, strings, plain objects). */
  payload: z.ZodType<P>;
  schedule?: Schedule;
  /** Default `{}`. */
  schedulePayload?: P;
  /** Default 5: six runs at most. */
  retries?: number;
  /** Default 30 s: then about 1, 2, 4 and 8 minutes. */
  backoffSeconds?: number;
  /** Default 15 minutes (at most 24 hours). */
  timeoutSeconds?: number;
  handler(payload: P, ctx: JobContext): Promise<unknown>;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/** Checks a job's definition once, where it is written, rather than when it first runs. */
export function defineJob<P>(spec: JobSpec<P>): JobDefinition<P> {
  const { name } = spec;
  if (!NAME.test(name) || name.length > 100) throw new Error(`Job name "${name}" is not valid.`);
  const retries = spec.retries ?? 5;
  const backoffSeconds = spec.backoffSeconds ?? 30;
  const timeoutSeconds = spec.timeoutSeconds ?? 900;
  // pg-boss counts in whole seconds, and expires a job after 24 hours at most.
  if (!Number.isInteger(retries) || retries < 0 || retries > 100)
    throw new Error(`Job ${name}: retries must be a whole number from 0 to 100.`);
  if (!Number.isInteger(backoffSeconds) || backoffSeconds < 1)
    throw new Error(`Job ${name}: backoffSeconds must be a whole number of seconds, 1 or more.`);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 86_400)
    throw new Error(`Job ${name}: timeoutSeconds must be from 1 to 86,400.`);
  if (spec.schedule) checkSchedule(name, spec.schedule);
  const schedulePayload = spec.schedulePayload ?? {};
  if (spec.schedule && !spec.payload.safeParse(schedulePayload).success)
    throw new Error(`Job ${name}: its schedule's payload does not fit its payload schema.`);
  return {
    name,
    payload: spec.payload,
    schedule: spec.schedule ?? null,
    schedulePayload,
    retries,
    backoffSeconds,
    timeoutSeconds,
    handler: (payload, ctx) => spec.handler(payload, ctx),
  };
}
