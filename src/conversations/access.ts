import {
  canModerateCommunity,
  canPostInCommunity,
  canPostInGroup,
  requireReadableGroup,
  requireVisibleCommunity,
  canReadCommunityContent,
  type CommunityAccess,
  type GroupAccess,
} from '../communities/index.js';
import type { Db } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import * as store from './store.js';

/** A topic with the viewer's access to where it lives; 404 for a hidden topic as for a missing one. */
export interface TopicAccess {
  topic: store.TopicRow;
  access: CommunityAccess;
  group: GroupAccess | undefined;
}

export async function requireReadableCommunity(db: Db, viewer: Viewer | null, communityId: number) {
  const access = await requireVisibleCommunity(db, viewer, { id: communityId });
  if (!canReadCommunityContent(access)) throw new AppError('not_found');
  return access;
}

export async function requireReadableTopic(
  db: Db,
  viewer: Viewer | null,
  topicId: number,
): Promise<TopicAccess> {
  const unsafeTopic = await store.findTopic(db, topicId);
  if (!unsafeTopic) throw new AppError('not_found');
  const access = await requireReadableCommunity(db, viewer, unsafeTopic.community_id);
  const group =
    unsafeTopic.group_id !== null
      ? await requireReadableGroup(db, access, viewer, unsafeTopic.group_id)
      : undefined;
  return { topic: unsafeTopic, access, group };
}

export function canPostIn(access: CommunityAccess, group: GroupAccess | undefined): boolean {
  return group ? canPostInGroup(access, group) : canPostInCommunity(access);
}

/** Authors edit and delete their own posts; moderators and animators anyone's. */
export function canChangePost(access: CommunityAccess, viewer: Viewer, authorId: number): boolean {
  return viewer.id === authorId
    ? access.membership?.status === 'active' || viewer.isAdmin
    : canModerateCommunity(access);
}

/**
 * Earlier versions of a post are for its author and the community's staff: what an author took
 * back is not for every reader.
 */
export function canReadRevisions(
  access: CommunityAccess,
  viewer: Viewer | null,
  authorId: number,
): boolean {
  return viewer !== null && (viewer.id === authorId || canModerateCommunity(access));
}
