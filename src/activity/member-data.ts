import type { Db } from '../db/index.js';
import type { ActivityKind } from './kinds.js';

/** Rows read at a time; the event loop serves other requests between pages. */
const PAGE = 500;

/** The communities and groups whose rows a member may still see (a ReadableScope). */
export interface ActivityScope {
  communityIds: number[];
  groupIds: number[];
}

function pageOf(db: Db, actorId: number, after: number) {
  return db
    .selectFrom('activity_log')
    .select([
      'id',
      'kind',
      'community_id',
      'group_id',
      'target_kind',
      'target_id',
      'topic_id',
      'detail',
      'created_at',
    ])
    .where('actor_id', '=', actorId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(PAGE)
    .execute();
}

/**
 * Whether a member's export holds their rows of this kind. A new kind is decided here; rows
 * about a space are kept only while the member may read it (activityForExport).
 */
function isExported(kind: ActivityKind): boolean {
  switch (kind) {
    case 'user.signed_up':
    case 'user.signed_in':
    case 'user.signed_out':
    case 'user.profile_updated':
    case 'user.password_reset':
    case 'user.password_changed':
    case 'user.email_changed':
    case 'community.created':
    case 'community.updated':
    case 'community.charter_published':
    case 'community.joined':
    case 'community.join_requested':
    case 'community.invited':
    case 'community.left':
    case 'community.role_changed':
    case 'group.created':
    case 'group.updated':
    case 'group.joined':
    case 'group.join_requested':
    case 'group.left':
    case 'topic.created':
    case 'topic.edited':
    case 'topic.deleted':
    case 'reply.created':
    case 'reply.edited':
    case 'reply.deleted':
    case 'answer.accepted':
    case 'answer.unaccepted':
    case 'reaction.added':
    case 'reaction.removed':
    case 'member.mentioned':
    case 'content.viewed':
    case 'pulse.opened':
    case 'message.sent': // its text is in the export's privateMessages
    case 'message.left':
    case 'newcomer.welcomed':
    case 'buddy.assigned':
    case 'badge.awarded':
    case 'spotlight.proposed':
    case 'spotlight.answered':
      return true;
    // Without an actor: nobody's.
    case 'visit.anonymous':
    case 'first_post.unanswered':
    case 'crisis.started': // an alert to the community's staff
      return false;
  }
}

/**
 * The activity-log rows of one member (as the actor), for their export: rows outside any
 * community (signing in…) and rows of the spaces in `scope`; nothing of a space they left.
 */
export async function activityForExport(db: Db, actorId: number, scope: ActivityScope) {
  const communities = new Set(scope.communityIds);
  const groups = new Set(scope.groupIds);
  const rows = [];
  for (let after = 0; ;) {
    const page = await pageOf(db, actorId, after);
    for (const r of page)
      if (
        isExported(r.kind) &&
        (r.community_id === null ||
          (communities.has(r.community_id) && (r.group_id === null || groups.has(r.group_id))))
      )
        rows.push({
          kind: r.kind,
          communityId: r.community_id,
          groupId: r.group_id,
          targetKind: r.target_kind,
          targetId: r.target_id,
          topicId: r.topic_id,
          detail: r.detail,
          at: new Date(r.created_at).toISOString(),
        });
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]?.id ?? after;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
