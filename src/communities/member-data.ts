import { recordActivity } from '../activity/index.js';
import type { Db } from '../db/index.js';
import type { ReadableScope } from './scope.js';
import * as store from './member-data-store.js';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/**
 * The member's memberships of communities and groups, with the charter version they accepted,
 * for their export. Only the spaces they belong to now and may read: a group of a community
 * they left went with it, and a pending request to a private space shows no more than its name.
 */
export async function membershipsForExport(db: Db, userId: number, scope: ReadableScope) {
  const [communities, groups] = await Promise.all([
    store.membershipsOf(db, userId),
    store.groupMembershipsOf(db, userId),
  ]);
  const readable = new Set(scope.communityIds);
  const readableGroups = new Set(scope.groupIds);
  return {
    communities: communities.map((m) => ({
      community: { id: m.community_id, slug: m.slug, name: m.name },
      role: m.role,
      status: m.status,
      joinedAt: iso(m.joined_at),
      // A charter is the community's content: for those who may read it.
      charter:
        m.charter_version === null || !readable.has(m.community_id)
          ? null
          : {
              version: m.charter_version,
              publishedAt: iso(m.charter_published_at),
              acceptedAt: iso(m.charter_accepted_at ?? m.joined_at),
              body: m.charter_body ?? '',
            },
    })),
    groups: groups
      .filter((g) => readableGroups.has(g.group_id) || g.status !== 'active')
      .filter((g) => readable.has(g.community_id))
      .map((g) => ({
        group: { id: g.group_id, slug: g.group_slug, name: g.group_name },
        community: { id: g.community_id, slug: g.community_slug },
        role: g.role,
        status: g.status,
        joinedAt: iso(g.joined_at),
      })),
  };
}

/**
 * A deleted account leaves every community and group, roles included, in the transaction
 * `trx`: logged as leaving, at `at`, so the cockpit counts them among members until then only.
 */
export async function leaveEverySpace(trx: Db, userId: number, at: number): Promise<void> {
  const [communities, groups] = await Promise.all([
    store.membershipsOf(trx, userId),
    store.groupMembershipsOf(trx, userId),
  ]);
  await store.deleteEveryMembershipOf(trx, userId);
  for (const g of groups)
    await recordActivity(trx, {
      actorId: userId,
      communityId: g.community_id,
      groupId: g.group_id,
      kind: 'group.left',
      targetKind: 'group',
      targetId: g.group_id,
      at,
    });
  for (const m of communities)
    await recordActivity(trx, {
      actorId: userId,
      communityId: m.community_id,
      kind: 'community.left',
      targetKind: 'community',
      targetId: m.community_id,
      at,
    });
}
