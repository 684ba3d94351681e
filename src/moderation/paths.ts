import { communityPath } from '../communities/index.js';

/** A community's review queue, for its moderators and animators. */
export function moderationQueuePath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/moderation`;
}

/** A community's audit log, for its staff. */
export function communityAuditPath(communitySlug: string): string {
  return `${moderationQueuePath(communitySlug)}/audit`;
}

/** The instance's audit log, for instance admins. */
export const adminAuditPath = '/admin/moderation/audit';

/** The small form that flags one thing ("Signaler"). */
export function flagPath(
  kind: 'topic' | 'reply' | 'user' | 'message',
  id: number,
  communityId?: number,
): string {
  const base = `/flag/${kind}/${id}`;
  return communityId === undefined ? base : `${base}?community=${communityId}`;
}
