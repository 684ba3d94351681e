/**
 * A member's own data: the export of everything Ruche keeps about them, and their account's
 * deletion (asked for on the account page or the API, carried out after a grace period).
 */
export { registerOwnDataRoutes } from './routes.js';
export { ownDataMessages } from './messages.js';
export { carryOutDueDeletions } from './deletion.js';
export { exportOwnData } from './export.js';
export { dueDeletionsJob } from './jobs.js';
