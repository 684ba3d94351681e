/**
 * Buddies (issue 23): members volunteer as a buddy (marraine, parrain) in a community; when
 * welcoming a newcomer, an animator gives them one among the active volunteers Ruche proposes
 * (shared interests or groups first, then the fewest newcomers). The assignment is a
 * `buddy.assigned` log row (actor: the buddy; target: the newcomer), from which both are
 * notified.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/index.js';
import { registerBuddiesApi } from './routes-api.js';
import { registerBuddiesPages } from './routes-pages.js';

export function registerBuddies(app: FastifyInstance, deps: AppDeps): void {
  registerBuddiesApi(app, deps);
  registerBuddiesPages(app, deps);
}

export { buddiesMessages } from './messages.js';
export { assignBuddyPath, buddiesPath } from './paths.js';
export {
  assignBuddy,
  buddiesOfNewcomers,
  buddyOf,
  checkBuddy,
  newcomerBuddy,
  proposeBuddies,
  recordAssignment,
  requireBuddiesPage,
  requireBuddyStaff,
  volunteer,
  type Person as BuddyPerson,
  type Proposal as BuddyProposal,
} from './service.js';
export { buddyId as buddyIdSchema } from './schemas.js';
export { BuddyChoice } from './pages/choice.js';
export { buddiesForExport, forgetBuddyTies } from './member-data.js';
