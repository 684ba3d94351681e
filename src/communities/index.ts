/** Communities, their charters, memberships, roles and groups (micro-communities). */
export { registerCommunitiesApi } from './routes-api.js';
export { registerCommunitiesPages } from './routes-pages.js';
export { communitiesMessages } from './messages.js';
export { requireVisibleCommunity, requireVisibleGroup, requireReadableGroup } from './access.js';
export { readableScope, readableSpaces, type ReadableScope, type ReadableSpaces } from './scope.js';
export { leaveEverySpace, membershipsForExport } from './member-data.js';
export * from './policy.js';
export {
  allCommunities,
  getCommunity,
  getGroup,
  getGroupById,
  listVisibleCommunitySlugs,
  readableGroupIdsIn,
  staffIdsOf,
} from './service.js';
export {
  activeMemberIdsOf,
  groupsAnimatedBy,
  membershipTies,
  setCommunityTimeZone,
} from './store.js';
export { CharterChangedNotice } from './pages/headers.js';
export { CommunityPage, GroupPage } from './pages/community.js';
export { importCommunity, type ImportedCommunity } from './imports.js';
export {
  loadReaderStandings,
  loadStandings,
  loadStandingsOfMany,
  type GroupPlace,
  type ReaderStanding,
  type SpaceRef,
  type Standings,
} from './readable.js';
export { communityPath, firstStepsPath, groupPath } from './paths.js';
export { enrolVoiceAccount } from './voice-accounts.js';
