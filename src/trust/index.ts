/**
 * Trust levels (issue 24): TL0–TL4 per instance, earned from the activity log by a job (TL4 only
 * by hand), set and locked by instance admins, and the limits on new accounts that relax with
 * each level (limits.ts): links and images, posts per day, time between posts, private
 * messages and flags per day.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { updateTrustLevelsJob } from './jobs.js';
import { registerTrustApi } from './routes-api.js';
import { registerTrustPages } from './routes-pages.js';

/** The trust routes, and the level job (registered with the jobs). */
export function registerTrust(app: FastifyInstance, deps: AppDeps): void {
  registerTrustApi(app, deps);
  registerTrustPages(app, deps);
  deps.jobs.register(updateTrustLevelsJob);
}

export { trustLevelOf, trustLevelsOf } from './service.js';
export { trustLevels, isTrustLevel, type TrustLevel } from './levels.js';
export {
  checkPostAllowance,
  checkFlagAllowance,
  messageCapOf,
  levelLimits,
  type LevelLimits,
  type PostAuthor,
} from './limits.js';
export { updateTrustLevels, type LevelChange } from './compute.js';
export { updateTrustLevelsJob } from './jobs.js';
export { trustMessages } from './messages.js';
export { memberTrustPath, ownTrustPath } from './paths.js';
