import type { Selectable, Updateable } from 'kysely';
import type { Database, Db } from '../db/index.js';

export type AnnouncementRow = Selectable<Database['announcements']>;
type Changes = Updateable<Database['announcements']>;

export async function insertAnnouncement(
  db: Db,
  row: Omit<
    AnnouncementRow,
    'id' | 'topic_id' | 'published_at' | 'pinned_until' | 'failure' | 'updated_at'
  >,
): Promise<AnnouncementRow> {
  return db
    .insertInto('announcements')
    .values({
      ...row,
      topic_id: null,
      published_at: null,
      pinned_until: null,
      failure: null,
      updated_at: row.created_at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Unsafe: loaded before any check. */
export async function findAnnouncement(db: Db, id: number): Promise<AnnouncementRow | undefined> {
  return db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes a draft or a scheduled announcement; false once it went out (or is gone). */
export async function updateUnpublished(db: Db, id: number, changes: Changes): Promise<boolean> {
  const res = await db
    .updateTable('announcements')
    .set(changes)
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteUnpublished(db: Db, id: number): Promise<boolean> {
  const res = await db
    .deleteFrom('announcements')
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'scheduled'])
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** A community's announcements in these states, in these groups or all (null), newest first. */
export async function listOf(
  db: Db,
  communityId: number,
  states: AnnouncementRow['state'][],
): Promise<AnnouncementRow[]> {
  if (states.length === 0) return [];
  return db
    .selectFrom('announcements')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('state', 'in', states)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** What is scheduled, or went out, in [from, to): the calendar's items, in time order. */
export async function inPeriod(
  db: Db,
  communityId: number,
  from: number,
  to: number,
): Promise<AnnouncementRow[]> {
  const rows = await db
    .selectFrom('announcements')
    .selectAll()
    .where('community_id', '=', communityId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('state', '=', 'scheduled'),
          eb('scheduled_at', '>=', from),
          eb('scheduled_at', '<', to),
        ]),
        eb.and([
          eb('state', '=', 'published'),
          eb('published_at', '>=', from),
          eb('published_at', '<', to),
        ]),
      ]),
    )
    .execute();
  const at = (r: AnnouncementRow) => Number(r.published_at ?? r.scheduled_at ?? 0);
  return rows.sort((a, b) => at(a) - at(b) || Number(a.id) - Number(b.id));
}

/** Scheduled announcements whose time has come, oldest first. */
export async function dueIds(db: Db, at: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('announcements')
    .select('id')
    .where('state', '=', 'scheduled')
    .where('scheduled_at', '<=', at)
    .orderBy('scheduled_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Claims a scheduled announcement as published, in its topic's transaction: of two instances
 * publishing it at once, one updates the row, the other's update finds it published already
 * (PostgreSQL waits for the first to commit, then re-reads it) and undoes its topic.
 */
export async function claimPublished(
  db: Db,
  id: number,
  changes: { topicId: number; at: number; pinnedUntil: number | null },
): Promise<boolean> {
  const res = await db
    .updateTable('announcements')
    .set({
      state: 'published',
      topic_id: changes.topicId,
      published_at: changes.at,
      pinned_until: changes.pinnedUntil,
      failure: null,
      updated_at: changes.at,
    })
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A scheduled announcement that cannot go out goes back to the drafts, with why. */
export async function returnToDrafts(db: Db, id: number, failure: string, at: number) {
  await db
    .updateTable('announcements')
    .set({ state: 'draft', failure, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .execute();
}

/** Published announcements pinned to this place (the home: groupId null) now, newest first. */
export async function pinnedNow(
  db: Db,
  communityId: number,
  groupId: number | null,
  at: number,
): Promise<AnnouncementRow[]> {
  let q = db
    .selectFrom('announcements')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('state', '=', 'published')
    .where('pinned_until', '>', at);
  q = groupId === null ? q.where('group_id', 'is', null) : q.where('group_id', '=', groupId);
  return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(5).execute();
}
