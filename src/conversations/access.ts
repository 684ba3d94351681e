import {
  canReadCommunityContent,
  requireVisibleCommunity,
  requireVisibleGroup,
  type CommunityAccess,
  type GroupAccess,
} from '../communities/index.js';
import type { Db } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { canReadTopic } from './policy.js';
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
      ? await requireVisibleGroup(db, access, viewer, { id: unsafeTopic.group_id })
      : undefined;
  if (!canReadTopic(access, group, unsafeTopic, viewer?.id ?? null))
    throw new AppError('not_found');
  return { topic: unsafeTopic, access, group };
}
