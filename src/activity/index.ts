/** The activity log: one row per member action, written in the action's own transaction. */
export { activityKinds, participationKinds, type ActivityKind } from './kinds.js';
export {
  recordActivity,
  recordActivities,
  countActiveMembersInGroup,
  type ActivityEntry,
} from './store.js';
export {
  recordAnonymousVisit,
  forgetPastVisitors,
  isRobot,
  type Visitor,
} from './anonymous-visitors.js';
export { activityForExport } from './member-data.js';
export {
  consumeLog,
  holdCursor,
  moveCursor,
  readCursor,
  type Consumed,
  type ConsumeOptions,
  type ConsumeProgress,
  type LogRow,
} from './consume.js';
export { followLog, type LogFollower } from './follow.js';
