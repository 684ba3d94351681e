import type { Db } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import * as store from './store.js';

/** Which communities and groups a viewer may read: the filter for lists, search and feeds. */
export interface ReadableScope {
  communityIds: number[];
  groupIds: number[];
}

export async function readableScope(db: Db, viewer: Viewer | null): Promise<ReadableScope> {
  const [communities, memberships, groupMemberships] = await Promise.all([
    store.listAllCommunities(db),
    viewer ? store.activeMembershipsOf(db, viewer.id) : [],
    viewer ? store.activeGroupIdsOf(db, viewer.id) : [],
  ]);
  const roleIn = new Map(memberships.map((m) => [m.community_id, m.role]));
  const isAdmin = viewer?.isAdmin ?? false;
  const communityIds = communities
    .filter((c) => c.visibility === 'public' || isAdmin || roleIn.has(c.id))
    .map((c) => c.id);
  const managed = new Set(
    communities.filter((c) => isAdmin || roleIn.get(c.id) === 'animator').map((c) => c.id),
  );
  const inGroup = new Set(groupMemberships.map((g) => g.group_id));
  const groups = await store.groupsIn(db, communityIds);
  const groupIds = groups
    .filter((g) => g.visibility === 'public' || managed.has(g.community_id) || inGroup.has(g.id))
    .map((g) => g.id);
  return { communityIds, groupIds };
}
