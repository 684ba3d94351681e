import { recordActivities, type ActivityEntry } from '../activity/index.js';
import type { Db, Store } from '../db/index.js';
import * as store from './store.js';

export interface ImportedCommunity {
  slug: string;
  name: string;
  purpose: string;
  typology: string;
  visibility: string;
  charter: string;
  createdAt: number;
  createdBy: number | null;
  memberships: { userId: number; role: string; joinedAt: number }[];
  groups: {
    slug: string;
    name: string;
    description: string;
    visibility: string;
    createdAt: number;
    members: { userId: number; role: string; joinedAt: number }[];
  }[];
}

/** Bulk creation with past dates for the demo and importers; returns the ids made. */
export async function importCommunity(
  s: Store,
  trx: Db,
  c: ImportedCommunity,
): Promise<{ id: number; groupIds: Map<string, number> }> {
  const id = await store.insertCommunity(trx, { ...c, at: c.createdAt });
  await store.insertCharter(trx, {
    communityId: id,
    version: 1,
    body: c.charter,
    createdBy: c.createdBy,
    at: c.createdAt,
  });
  await store.insertMemberships(s, trx, id, onePerMember(c.memberships));
  const activity: ActivityEntry[] = c.memberships.map((m) => ({
    actorId: m.userId,
    communityId: id,
    kind: 'community.joined',
    targetKind: 'community',
    targetId: id,
    at: m.joinedAt,
  }));
  const groupIds = new Map<string, number>();
  for (const g of c.groups) {
    const groupId = await store.insertGroup(trx, {
      communityId: id,
      ...g,
      createdBy: c.createdBy,
      at: g.createdAt,
    });
    groupIds.set(g.slug, groupId);
    await store.insertGroupMembers(s, trx, groupId, onePerMember(g.members));
    for (const m of g.members) {
      activity.push({
        actorId: m.userId,
        communityId: id,
        groupId,
        kind: 'group.joined',
        targetKind: 'group',
        targetId: groupId,
        at: m.joinedAt,
      });
    }
  }
  await recordActivities(s, trx, activity);
  return { id, groupIds };
}

/** A member listed twice is written once, with the last entry. */
function onePerMember(members: ImportedCommunity['memberships']) {
  const last = new Map(members.map((m) => [m.userId, m]));
  return [...last.values()].map((m) => ({ userId: m.userId, role: m.role, at: m.joinedAt }));
}
