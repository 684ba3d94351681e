import type { Db } from '../db/index.js';

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
        r.community_id === null ||
        (communities.has(r.community_id) && (r.group_id === null || groups.has(r.group_id)))
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
