/**
 * Live updates: a bus between Ruche's instances (in-process, PostgreSQL LISTEN/NOTIFY or Redis
 * pub/sub) and the signed-in member's stream of Server-Sent Events, `GET /api/v1/me/events`.
 * Features call `pushToMember` / `pushToMembers` after their commit; the bus knows no feature.
 */
export { createLive, type Live, type LiveOptions, type LivePush } from './create.js';
export {
  LiveEventTooLarge,
  MAX_LIVE_EVENT_BYTES,
  type LiveBus,
  type LiveEvent,
  type LiveDriver,
} from './bus.js';
export {
  MAX_STREAMS_PER_MEMBER,
  type MemberEvent,
  type MemberPush,
  type MemberStreams,
} from './member-streams.js';
export { registerLiveRoutes } from './routes.js';
export { liveMessages } from './messages.js';
