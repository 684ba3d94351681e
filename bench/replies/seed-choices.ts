// What members chose and received before the run: watching levels, preferences, blocks, and
// past notifications. The core's choices about the active topics and groups are the same in
// both instances; the rest comes at the same rates from every member, so it grows with them.
import type { ImportedIds, ImportedTopic } from '../../src/conversations/index.js';
import { bulkInsert, type Db, type Store } from '../../src/db/index.js';
import * as shape from './shape.js';

const { draw, isInGroup } = shape;

type Place = number | null;

export interface Choices {
  members: number;
  ids: number[];
  groupIds: number[];
  communityId: number;
  now: number;
  active: { place: Place; topic: ImportedTopic; ids: ImportedIds | undefined }[];
  old: { place: Place; topic: ImportedTopic; ids: ImportedIds | undefined }[];
  coreOf: (place: Place, purpose: number, skip?: number, count?: number) => number[];
}

interface Watch {
  user_id: number;
  place_id: number;
  level: string;
  updated_at: number;
}

const WATCH_COLUMNS = { user_id: 'bigint', level: 'text', updated_at: 'bigint' } as const;

export async function writeChoices(s: Store, trx: Db, c: Choices): Promise<void> {
  const at = c.now - 2 * shape.DAY;
  const byIndex = new Map(c.ids.map((id, i) => [id, i]));
  const topicWatches = new Map<string, Watch>();
  const watchTopic = (userId: number, topicId: number, level: string) =>
    topicWatches.set(`${userId}:${topicId}`, {
      user_id: userId,
      place_id: topicId,
      level,
      updated_at: at,
    });
  // Posting watched every topic for its author and repliers, as it does today.
  for (const t of [...c.active, ...c.old]) {
    if (!t.ids) continue;
    const topicId = t.ids.topicId;
    for (const userId of [t.topic.authorId, ...t.topic.replies.map((r) => r.authorId)])
      watchTopic(userId, topicId, 'watching');
  }
  c.active.forEach((t, k) => {
    if (!t.ids) return;
    const chosen = c.coreOf(t.place, 3_000 + k, 10, shape.TOPIC_WATCHERS + shape.TOPIC_MUTERS);
    chosen.forEach((i, n) =>
      watchTopic(
        c.ids[i] ?? 0,
        t.ids?.topicId ?? 0,
        n < shape.TOPIC_WATCHERS ? 'watching' : 'muted',
      ),
    );
  });
  // Everyone, at the same rates: one more old topic watched, one muted.
  const readable = (i: number, place: Place) => place === null || isInGroup(i, place);
  for (let i = 0; i < c.members; i++) {
    for (const [purpose, share, level] of [
      [11, shape.OLD_TOPIC_WATCHING, 'watching'],
      [12, shape.OLD_TOPIC_MUTING, 'muted'],
    ] as const) {
      if (draw(i, purpose) >= share) continue;
      const t = c.old[Math.floor(draw(i, purpose + 10) * c.old.length)];
      if (t?.ids && readable(i, t.place)) watchTopic(c.ids[i] ?? 0, t.ids.topicId, level);
    }
  }
  await bulkInsert(
    s,
    trx,
    'topic_watches',
    { ...WATCH_COLUMNS, topic_id: 'bigint' },
    [...topicWatches.values()].map(({ place_id, ...w }) => ({ ...w, topic_id: place_id })),
  );

  const groupWatches: Watch[] = [];
  shape.GROUPS.forEach((g, gi) => {
    const groupId = c.groupIds[gi] ?? 0;
    if (g.isActive) {
      const chosen = c.coreOf(gi, 4_000 + gi, 20, shape.GROUP_WATCHERS + shape.GROUP_MUTERS);
      chosen.forEach((i, n) =>
        groupWatches.push({
          user_id: c.ids[i] ?? 0,
          place_id: groupId,
          level: n < shape.GROUP_WATCHERS ? 'watching' : 'muted',
          updated_at: at,
        }),
      );
      return;
    }
    for (let i = 0; i < c.members; i++)
      if (isInGroup(i, gi) && draw(i, 13) < shape.QUIET_GROUP_WATCHING)
        groupWatches.push({
          user_id: c.ids[i] ?? 0,
          place_id: groupId,
          level: 'watching',
          updated_at: at,
        });
  });
  await bulkInsert(
    s,
    trx,
    'group_watches',
    { ...WATCH_COLUMNS, group_id: 'bigint' },
    groupWatches.map(({ place_id, ...w }) => ({ ...w, group_id: place_id })),
  );

  await writePreferencesAndBlocks(s, trx, c);
  await writePastNotifications(s, trx, c, byIndex);
}

/** A tenth of members changed a kind's channels; one in a hundred blocked someone. */
async function writePreferencesAndBlocks(s: Store, trx: Db, c: Choices): Promise<void> {
  const changes = [
    { kind: 'watched_reply', in_app: 1, email: 1 },
    { kind: 'thanks', in_app: 0, email: 0 },
    { kind: 'mention', in_app: 1, email: 0 },
    { kind: 'watched_topic', in_app: 0, email: 0 },
  ];
  const preferences = c.ids.flatMap((userId, i) => {
    if (draw(i, 20) >= shape.CHANGED_PREFERENCES) return [];
    const change = changes[Math.floor(draw(i, 21) * changes.length)] ?? changes[0];
    return change ? [{ user_id: userId, ...change }] : [];
  });
  await bulkInsert(
    s,
    trx,
    'notification_preferences',
    { user_id: 'bigint', kind: 'text', in_app: 'integer', email: 'integer' },
    preferences,
  );
  // The core blocks within the core: the same blocks in both instances.
  const blocks = c.ids.flatMap((userId, i) => {
    if (draw(i, 22) >= shape.BLOCKING) return [];
    const among = i < shape.CORE ? shape.CORE : c.members;
    const other = c.ids[Math.floor(draw(i, 23) * among)];
    return other === undefined || other === userId
      ? []
      : [{ blocker_id: userId, blocked_id: other, created_at: c.now - 100 * shape.DAY }];
  });
  await bulkInsert(
    s,
    trx,
    'member_blocks',
    { blocker_id: 'bigint', blocked_id: 'bigint', created_at: 'bigint' },
    blocks,
  );
}

/** Each member's last few notifications: watched replies of old topics they may read, most read. */
async function writePastNotifications(
  s: Store,
  trx: Db,
  c: Choices,
  byIndex: Map<number, number>,
): Promise<void> {
  const rows = [];
  for (let i = 0; i < c.members; i++) {
    const seen = new Set<number>();
    for (let k = 0; k < shape.PAST_NOTIFICATIONS; k++) {
      const t = c.old[Math.floor(draw(i, 30 + k) * c.old.length)];
      const replyId = t?.ids?.replyIds[0];
      if (!t?.ids || replyId === undefined || seen.has(replyId)) continue;
      if (t.place !== null && !isInGroup(i, t.place)) continue;
      seen.add(replyId);
      const at = t.topic.createdAt + 3_600_000;
      const actorId = t.topic.replies[0]?.authorId ?? null;
      if (actorId === c.ids[i] || byIndex.get(actorId ?? -1) === undefined) continue;
      rows.push({
        user_id: c.ids[i] ?? 0,
        subject: `post:reply:${replyId}`,
        kind: 'watched_reply',
        actor_id: actorId,
        actor_count: 1,
        community_id: c.communityId,
        group_id: t.topic.groupId,
        topic_id: t.ids.topicId,
        reply_id: replyId,
        conversation_id: null,
        in_app: 1,
        email: 0,
        created_at: at,
        updated_at: at,
        read_at: draw(i, 40 + k) < 0.8 ? at + shape.DAY : null,
      });
    }
  }
  await bulkInsert(
    s,
    trx,
    'notifications',
    {
      user_id: 'bigint',
      subject: 'text',
      kind: 'text',
      actor_id: 'bigint',
      actor_count: 'integer',
      community_id: 'bigint',
      group_id: 'bigint',
      topic_id: 'bigint',
      reply_id: 'bigint',
      conversation_id: 'bigint',
      in_app: 'integer',
      email: 'integer',
      created_at: 'bigint',
      updated_at: 'bigint',
      read_at: 'bigint',
    },
    rows,
  );
}
