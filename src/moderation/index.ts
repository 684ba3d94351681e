/**
 * Moderation (issue 24, first slice): members flag topics, replies, profiles and private
 * messages they received; each community's staff works a scored review queue; every staff and
 * automatic action writes one row to the audit log; a post whose flags pass the community's
 * threshold is hidden at once pending review.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { registerModerationApi } from './routes-api.js';
import { registerModerationPages } from './routes-pages.js';

export function registerModeration(app: FastifyInstance, deps: AppDeps): void {
  registerModerationApi(app, deps);
  registerModerationPages(app, deps);
}

export { moderationMessages } from './messages.js';
export { recordAudit, type AuditEntry, type AuditAction } from './audit.js';
export { adminAuditPath, communityAuditPath, flagPath, moderationQueuePath } from './paths.js';
