import type { Db } from '../db/index.js';

/** The kinds of actions the activity log records; analytics read nothing else. */
export type ActivityKind =
  | 'user.signed_up'
  | 'community.created'
  | 'community.joined'
  | 'community.join_requested'
  | 'community.left'
  | 'group.created'
  | 'group.joined'
  | 'group.left'
  | 'topic.created'
  | 'topic.edited'
  | 'topic.deleted'
  | 'reply.created'
  | 'reply.edited'
  | 'reply.deleted'
  | 'answer.accepted'
  | 'reaction.added'
  | 'reaction.removed'
  | 'content.viewed';

export interface ActivityEntry {
  actorId: number | null;
  communityId: number | null;
  groupId?: number | null;
  kind: ActivityKind;
  targetKind?: string | null;
  targetId?: number | null;
  at: number;
}

/** Writes one activity row; call it inside the transaction of the action it records. */
export async function recordActivity(trx: Db, entry: ActivityEntry): Promise<void> {
  await trx
    .insertInto('activity_log')
    .values({
      actor_id: entry.actorId,
      community_id: entry.communityId,
      group_id: entry.groupId ?? null,
      kind: entry.kind,
      target_kind: entry.targetKind ?? null,
      target_id: entry.targetId ?? null,
      created_at: entry.at,
    })
    .execute();
}

/** Bulk form for importers and the demo: the same rows, many at once. */
export async function recordActivities(trx: Db, entries: ActivityEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    await trx
      .insertInto('activity_log')
      .values(
        chunk.map((e) => ({
          actor_id: e.actorId,
          community_id: e.communityId,
          group_id: e.groupId ?? null,
          kind: e.kind,
          target_kind: e.targetKind ?? null,
          target_id: e.targetId ?? null,
          created_at: e.at,
        })),
      )
      .execute();
  }
}

/** Kinds that count as taking part (contributions and reactions), for "active member" counts. */
export const participationKinds: ActivityKind[] = [
  'topic.created',
  'reply.created',
  'reaction.added',
  'answer.accepted',
];

/** Distinct members who took part in a group since a time: the micro-community size that matters. */
export async function countActiveMembersInGroup(
  db: Db,
  groupId: number,
  since: number,
): Promise<number> {
  const row = await db
    .selectFrom('activity_log')
    .select((eb) => eb.fn.count<number>('actor_id').distinct().as('n'))
    .where('group_id', '=', groupId)
    .where('created_at', '>=', since)
    .where('kind', 'in', participationKinds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
