import type { Db } from '../db/index.js';

/** One activity row as the indicators read it. */
export interface LogRow {
  actor: number | null;
  kind: string;
  group: number | null;
  target: number | null;
  topic: number | null;
  inReplyTo: number | null;
  detail: string | null;
  at: number;
}

/**
 * The community's log up to `to`. Visits are only needed from `visitsFrom` on (the oldest
 * period or window asked for); contributions and memberships are needed since the start to
 * tell newcomers from veterans.
 */
export async function loadCommunityLog(
  db: Db,
  q: { communityId: number; to: number; visitsFrom: number },
): Promise<LogRow[]> {
  const rows = await db
    .selectFrom('activity_log')
    .select([
      'actor_id',
      'kind',
      'group_id',
      'target_id',
      'topic_id',
      'in_reply_to',
      'detail',
      'created_at',
    ])
    .where('community_id', '=', q.communityId)
    .where('created_at', '<', q.to)
    .where((eb) =>
      eb.or([eb('kind', '!=', 'content.viewed'), eb('created_at', '>=', q.visitsFrom)]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    actor: r.actor_id,
    kind: r.kind,
    group: r.group_id,
    target: r.target_id,
    topic: r.topic_id,
    inReplyTo: r.in_reply_to,
    detail: r.detail,
    at: r.created_at,
  }));
}
