/**
 * Thanks and recognition (issue 23): badges for cooperative acts, defined in badges.ts and awarded
 * by an hourly job; spotlights (an animator's portrait of a member, shown once they accept); and
 * leaderboards, a per-community setting that is off by default.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { awardBadgesJob } from './jobs.js';
import { registerRecognitionApi } from './routes-api.js';
import { registerRecognitionPages } from './routes-pages.js';

/** The recognition routes, and the badge job (registered with the jobs). */
export function registerRecognition(app: FastifyInstance, deps: AppDeps): void {
  registerRecognitionApi(app, deps);
  registerRecognitionPages(app, deps);
  deps.jobs.register(awardBadgesJob);
}

export {
  badges,
  findBadge,
  badgeWords,
  type Badge,
  type BadgeId,
  type BadgeRule,
} from './badges.js';
export { awardBadges, type Awarded } from './award.js';
export { awardBadgesJob } from './jobs.js';
export { answerSpotlight, proposeSpotlight, requireAnimator } from './service.js';
export { recognitionMessages } from './messages.js';
export { profileBadges, homeSpotlight, type HomeExtra } from './routes-pages.js';
export { badgesPath, leaderboardPath, recognitionAdminPath, spotlightPath } from './paths.js';
