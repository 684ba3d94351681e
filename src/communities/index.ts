/** Communities, their charters, memberships, roles and groups (micro-communities). */
export { registerCommunitiesApi } from './routes-api.js';
export { registerCommunitiesPages } from './routes-pages.js';
export { communitiesMessages } from './messages.js';
export {
  requireVisibleCommunity,
  requireReadableGroup,
  requireVisibleGroup,
  groupAccessTo,
} from './access.js';
export { readableScope, type ReadableScope } from './scope.js';
export * from './policy.js';
export {
  getCommunity,
  getGroup,
  createCommunity,
  createGroup,
  joinCommunity,
  joinGroup,
  listVisibleCommunitySlugs,
  readableGroupIdsIn,
} from './service.js';
export { CommunityHeader, GroupHeader, GroupList } from './pages/headers.js';
export type { CommunityRow, GroupRow } from './store.js';
export { presentCommunity } from './present.js';
export { importCommunity, type ImportedCommunity } from './imports.js';
export { staffIdsOf } from './service.js';
export { communityRoles, type CommunityRole } from './schemas.js';
