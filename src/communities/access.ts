import type { Db } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import {
  canReadGroupContent,
  canSeePurpose,
  canSeeCommunity,
  canSeeGroup,
  type CommunityAccess,
  type GroupAccess,
} from './policy.js';
import * as store from './store.js';

export async function accessTo(
  db: Db,
  viewer: Viewer | null,
  community: store.CommunityRow,
): Promise<CommunityAccess> {
  const [membership, charter] = await Promise.all([
    viewer ? store.findMembership(db, community.id, viewer.id) : undefined,
    store.latestCharter(db, community.id),
  ]);
  const access: CommunityAccess = {
    community,
    viewerId: viewer?.id ?? null,
    isAdmin: viewer?.isAdmin ?? false,
    membership,
    charterVersion: charter?.version ?? 0,
    charter,
  };
  // Blanked here, once, so that no page, API answer or page description can show a purpose
  // its animators keep for members.
  return canSeePurpose(access) ? access : { ...access, community: { ...community, purpose: '' } };
}

/** The community if the viewer may know it exists; otherwise the same 404 as a missing one. */
export async function requireVisibleCommunity(
  db: Db,
  viewer: Viewer | null,
  ref: { id: number } | { slug: string },
): Promise<CommunityAccess> {
  const unsafeCommunity =
    'id' in ref
      ? await store.findCommunityById(db, ref.id)
      : await store.findCommunityBySlug(db, ref.slug);
  if (!unsafeCommunity) throw new AppError('not_found');
  const access = await accessTo(db, viewer, unsafeCommunity);
  if (!canSeeCommunity(access)) throw new AppError('not_found');
  return access;
}

export async function groupAccessTo(
  db: Db,
  viewer: Viewer | null,
  group: store.GroupRow,
): Promise<GroupAccess> {
  const groupMember = viewer ? await store.findGroupMember(db, group.id, viewer.id) : undefined;
  return { group, groupMember };
}

/** A group the viewer may see (listed); 404 otherwise, whatever the reason. */
export async function requireVisibleGroup(
  db: Db,
  a: CommunityAccess,
  viewer: Viewer | null,
  ref: { id: number } | { slug: string },
): Promise<GroupAccess> {
  const unsafeGroup =
    'id' in ref
      ? await store.findGroupById(db, ref.id)
      : await store.findGroupBySlug(db, a.community.id, ref.slug);
  if (!unsafeGroup || unsafeGroup.community_id !== a.community.id) throw new AppError('not_found');
  const g = await groupAccessTo(db, viewer, unsafeGroup);
  if (!canSeeGroup(a, g)) throw new AppError('not_found');
  return g;
}

export async function requireReadableGroup(
  db: Db,
  a: CommunityAccess,
  viewer: Viewer | null,
  groupId: number,
): Promise<GroupAccess> {
  const g = await requireVisibleGroup(db, a, viewer, { id: groupId });
  if (!canReadGroupContent(a, g)) throw new AppError('not_found');
  return g;
}
