/**
 * The pulse: each member's daily or weekly digest of their communities, sent at their local
 * morning; built for many members at once from the activity log, holding only what the member
 * may read and has not seen; animators feature or keep out topics and preview a member's pulse.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { registerPulseClicks } from './clicks.js';
import { pulseMailList } from './mail.js';
import { pulseScheduleJob } from './jobs.js';
import { registerPulseApi } from './routes-api.js';
import { registerPulsePages } from './routes-pages.js';

export interface PulseOptions {
  defaultTimeZone: string;
  /** How often the schedule looks for members whose morning has come. */
  checkMs: number;
}

/** The pulse's routes, its click counting, and its schedule (registered with the jobs). */
export function registerPulse(app: FastifyInstance, deps: AppDeps, options: PulseOptions): void {
  const config = { defaultTimeZone: options.defaultTimeZone, publicUrl: deps.publicUrl };
  deps.unsubscribe.register(pulseMailList);
  registerPulseClicks(app, deps.store);
  registerPulseApi(app, deps, config);
  registerPulsePages(app, deps, config);
  deps.jobs.register(pulseScheduleJob(deps, { ...config, checkMs: options.checkMs }));
}

export { mailPulse, pulseMailList } from './mail.js';
export { pulseMessages } from './messages.js';
export { pulsePreferences } from './routes-pages.js';
export {
  runPulses,
  previewPulse,
  findDueMembers,
  type PulseConfig,
  type RunCounts,
  type Deliver,
} from './send.js';
export { createPulseBuilder, type Pulse, type PulseReader } from './build.js';
export { composePulse, type ComposedPulse } from './render.js';
export { pulseMemberByEmail } from './store.js';
export { pulseAnimationPath } from './paths.js';
export { frequencies, type Frequency } from './kinds.js';
