import { bulkInsert, type BulkColumns, type Db, type Store } from '../db/index.js';
import { noteLogged } from './follow.js';
import type { ActivityKind } from './kinds.js';
import { participationKinds } from './kinds.js';

export interface ActivityEntry {
  actorId: number | null;
  communityId: number | null;
  groupId?: number | null;
  kind: ActivityKind;
  targetKind?: string | null;
  targetId?: number | null;
  /** The topic the action belongs to (for topics, replies, reactions, acceptances, views). */
  topicId?: number | null;
  /** The reply this action answers or reacts to, when it is aimed at a reply. */
  inReplyTo?: number | null;
  /** A small qualifier: the topic kind, the reaction kind, the new role. */
  detail?: string | null;
  at: number;
}

function toRow(e: ActivityEntry) {
  return {
    actor_id: e.actorId,
    community_id: e.communityId,
    group_id: e.groupId ?? null,
    kind: e.kind,
    target_kind: e.targetKind ?? null,
    target_id: e.targetId ?? null,
    topic_id: e.topicId ?? null,
    in_reply_to: e.inReplyTo ?? null,
    detail: e.detail ?? null,
    created_at: e.at,
  };
}

/** Writes one activity row; call it inside the transaction of the action it records. */
export async function recordActivity(trx: Db, entry: ActivityEntry): Promise<void> {
  await trx.insertInto('activity_log').values(toRow(entry)).execute();
  noteLogged(1);
}

const COLUMNS: BulkColumns<ReturnType<typeof toRow>> = {
  actor_id: 'bigint',
  community_id: 'bigint',
  group_id: 'bigint',
  kind: 'text',
  target_kind: 'text',
  target_id: 'bigint',
  topic_id: 'bigint',
  in_reply_to: 'bigint',
  detail: 'text',
  created_at: 'bigint',
};

/**
 * Many activity rows at once, for importers, the demo and benches, in the transaction `trx` of
 * the store `s`: prepared statements on SQLite, a few array-valued statements on PostgreSQL
 * (src/db/bulk.ts).
 */
export async function recordActivities(s: Store, trx: Db, entries: ActivityEntry[]): Promise<void> {
  await bulkInsert(s, trx, 'activity_log', COLUMNS, entries.map(toRow));
  noteLogged(entries.length);
}

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
