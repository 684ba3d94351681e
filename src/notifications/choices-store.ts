import type { Selectable } from 'kysely';
import { chunks, type Database, type Db } from '../db/index.js';
import type { WatchLevel } from './kinds.js';

/** What members choose: watching levels per topic and group, and channels per kind. */

// ---- Watching levels -------------------------------------------------------------------------

/** Every level chosen for these topics (their watchers, and those who muted them). */
export async function watchesOfTopics(db: Db, topicIds: number[]) {
  const rows: { user_id: number; place_id: number; level: string }[] = [];
  for (const part of chunks(topicIds, 500))
    rows.push(
      ...(await db
        .selectFrom('topic_watches')
        .select(['user_id', 'topic_id as place_id', 'level'])
        .where('topic_id', 'in', part)
        .execute()),
    );
  return rows;
}

/** Every level chosen for these groups. */
export async function watchesOfGroups(db: Db, groupIds: number[]) {
  const rows: { user_id: number; place_id: number; level: string }[] = [];
  for (const part of chunks(groupIds, 500))
    rows.push(
      ...(await db
        .selectFrom('group_watches')
        .select(['user_id', 'group_id as place_id', 'level'])
        .where('group_id', 'in', part)
        .execute()),
    );
  return rows;
}

/** Posting watches a topic, unless the member already chose a level for it. */
export async function watchTopicsByDefault(
  db: Db,
  rows: { userId: number; topicId: number; at: number }[],
): Promise<void> {
  for (const part of chunks(rows, 500))
    await db
      .insertInto('topic_watches')
      .values(
        part.map((r) => ({
          user_id: r.userId,
          topic_id: r.topicId,
          level: 'watching',
          updated_at: r.at,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'topic_id']).doNothing())
      .execute();
}

export async function topicWatchOf(db: Db, userId: number, topicId: number) {
  const row = await db
    .selectFrom('topic_watches')
    .select('level')
    .where('user_id', '=', userId)
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  return row?.level;
}

export async function groupWatchOf(db: Db, userId: number, groupId: number) {
  const row = await db
    .selectFrom('group_watches')
    .select('level')
    .where('user_id', '=', userId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return row?.level;
}

export async function setTopicWatch(
  db: Db,
  userId: number,
  topicId: number,
  level: WatchLevel,
  at: number,
): Promise<void> {
  await db
    .insertInto('topic_watches')
    .values({ user_id: userId, topic_id: topicId, level, updated_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'topic_id']).doUpdateSet({ level, updated_at: at }))
    .execute();
}

export async function setGroupWatch(
  db: Db,
  userId: number,
  groupId: number,
  level: WatchLevel,
  at: number,
): Promise<void> {
  await db
    .insertInto('group_watches')
    .values({ user_id: userId, group_id: groupId, level, updated_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'group_id']).doUpdateSet({ level, updated_at: at }))
    .execute();
}

// ---- Preferences -----------------------------------------------------------------------------

export async function preferencesOf(db: Db, userIds: number[]) {
  const rows: Selectable<Database['notification_preferences']>[] = [];
  for (const part of chunks(userIds, 500))
    rows.push(
      ...(await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('user_id', 'in', part)
        .execute()),
    );
  return rows;
}

export async function setPreference(
  db: Db,
  row: { userId: number; kind: string; inApp: boolean; byEmail: boolean },
): Promise<void> {
  const values = { in_app: row.inApp ? 1 : 0, email: row.byEmail ? 1 : 0 };
  await db
    .insertInto('notification_preferences')
    .values({ user_id: row.userId, kind: row.kind, ...values })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet(values))
    .execute();
}
