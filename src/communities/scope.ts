import type { Db } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import * as store from './store.js';

/** Which communities and groups a viewer may read: the filter for lists, search and feeds. */
export interface ReadableScope {
  communityIds: number[];
  groupIds: number[];
}

/** The communities and groups a viewer may read, named: for lists a reader picks from. */
export interface ReadableSpaces {
  communities: { id: number; slug: string; name: string }[];
  groups: { id: number; communityId: number; slug: string; name: string }[];
}

export async function readableScope(db: Db, viewer: Viewer | null): Promise<ReadableScope> {
  const spaces = await readableSpaces(db, viewer);
  return {
    communityIds: spaces.communities.map((c) => c.id),
    groupIds: spaces.groups.map((g) => g.id),
  };
}

export async function readableSpaces(db: Db, viewer: Viewer | null): Promise<ReadableSpaces> {
  const [communities, memberships, groupMemberships] = await Promise.all([
    store.listAllCommunities(db),
    viewer ? store.activeMembershipsOf(db, viewer.id) : [],
    viewer ? store.activeGroupIdsOf(db, viewer.id) : [],
  ]);
  const roleIn = new Map(memberships.map((m) => [m.community_id, m.role]));
  const isAdmin = viewer?.isAdmin ?? false;
  const readable = communities.filter(
    (c) => c.visibility === 'public' || isAdmin || roleIn.has(c.id),
  );
  const communityIds = readable.map((c) => c.id);
  const managed = new Set(
    communities.filter((c) => isAdmin || roleIn.get(c.id) === 'animator').map((c) => c.id),
  );
  const inGroup = new Set(groupMemberships.map((g) => g.group_id));
  const groups = await store.groupsIn(db, communityIds);
  return {
    communities: readable.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
    groups: groups
      .filter((g) => g.visibility === 'public' || managed.has(g.community_id) || inGroup.has(g.id))
      .map((g) => ({ id: g.id, communityId: g.community_id, slug: g.slug, name: g.name })),
  };
}
