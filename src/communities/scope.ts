import type { Db } from '../db/index.js';
import { canReadCommunityContent, canReadGroupContent, type Reader } from './policy.js';
import { standingOf } from './readable.js';
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

export async function readableScope(db: Db, viewer: Reader | null): Promise<ReadableScope> {
  const spaces = await readableSpaces(db, viewer);
  return {
    communityIds: spaces.communities.map((c) => c.id),
    groupIds: spaces.groups.map((g) => g.id),
  };
}

/**
 * Every community and group whose content the viewer may read, by the same questions as one
 * page asks (policy.ts), over the viewer's memberships loaded at once.
 */
export async function readableSpaces(db: Db, viewer: Reader | null): Promise<ReadableSpaces> {
  const [unsafeCommunities, memberships, groupMemberships] = await Promise.all([
    store.listAllCommunities(db),
    viewer ? store.membershipStandingsOf(db, viewer.id) : [],
    viewer ? store.groupMemberStandingsOf(db, viewer.id) : [],
  ]);
  const membershipIn = new Map(memberships.map((m) => [m.community_id, m]));
  const standingIn = new Map(
    unsafeCommunities.map((c) => [c.id, standingOf(viewer, c, membershipIn.get(c.id))]),
  );
  const readable = unsafeCommunities.filter((c) => {
    const access = standingIn.get(c.id);
    return access !== undefined && canReadCommunityContent(access);
  });
  const memberOf = new Map(groupMemberships.map((g) => [g.group_id, g]));
  const groups = await store.groupsIn(
    db,
    readable.map((c) => c.id),
  );
  return {
    communities: readable.map((c) => ({ id: c.id, slug: c.slug, name: c.name })),
    groups: groups
      .filter((g) => {
        const access = standingIn.get(g.community_id);
        const group = { group: g, groupMember: memberOf.get(g.id) };
        return access !== undefined && canReadGroupContent(access, group);
      })
      .map((g) => ({ id: g.id, communityId: g.community_id, slug: g.slug, name: g.name })),
  };
}
