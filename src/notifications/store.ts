import type { Insertable, Selectable, Updateable } from 'kysely';
import { chunks, type Database, type Db } from '../db/index.js';

export type NotificationRow = Selectable<Database['notifications']>;
export type NewNotification = Insertable<Database['notifications']>;
export type NotificationPatch = Updateable<Database['notifications']>;

// ---- Notifications, as the consumer writes them ----------------------------------------------

/** The rows of these members with these subjects (a superset of the pairs asked: filter them). */
export async function notificationsBySubject(db: Db, userIds: number[], subjects: string[]) {
  if (userIds.length === 0 || subjects.length === 0) return [];
  const rows: NotificationRow[] = [];
  for (const users of chunks(userIds, 200))
    for (const part of chunks(subjects, 200))
      rows.push(
        ...(await db
          .selectFrom('notifications')
          .selectAll()
          .where('user_id', 'in', users)
          .where('subject', 'in', part)
          .execute()),
      );
  return rows;
}

export async function actorsOf(db: Db, notificationIds: number[]) {
  const rows: Selectable<Database['notification_actors']>[] = [];
  for (const part of chunks(notificationIds, 500))
    rows.push(
      ...(await db
        .selectFrom('notification_actors')
        .selectAll()
        .where('notification_id', 'in', part)
        .execute()),
    );
  return rows;
}

/**
 * New rows, a few hundred per statement (a post notifies its watchers in one round trip, not
 * one each), with their ids: neither engine promises RETURNING's order, so each comes with its
 * member and subject.
 */
export async function insertNotifications(db: Db, rows: NewNotification[]) {
  const made: { id: number; user_id: number; subject: string }[] = [];
  for (const part of chunks(rows, 500))
    made.push(
      ...(await db
        .insertInto('notifications')
        .values(part)
        .returning(['id', 'user_id', 'subject'])
        .execute()),
    );
  return made;
}

export async function updateNotification(
  db: Db,
  id: number,
  patch: NotificationPatch,
): Promise<void> {
  await db.updateTable('notifications').set(patch).where('id', '=', id).execute();
}

export async function deleteNotifications(db: Db, ids: number[]): Promise<void> {
  for (const part of chunks(ids, 500))
    await db.deleteFrom('notifications').where('id', 'in', part).execute();
}

export async function addActors(
  db: Db,
  rows: { notificationId: number; actorId: number; at: number }[],
): Promise<void> {
  for (const part of chunks(rows, 500))
    await db
      .insertInto('notification_actors')
      .values(
        part.map((r) => ({ notification_id: r.notificationId, actor_id: r.actorId, at: r.at })),
      )
      .onConflict((oc) =>
        oc
          .columns(['notification_id', 'actor_id'])
          .doUpdateSet((eb) => ({ at: eb.ref('excluded.at') })),
      )
      .execute();
}

export async function removeActors(
  db: Db,
  notificationId: number,
  actorIds: number[],
): Promise<void> {
  if (actorIds.length === 0) return;
  await db
    .deleteFrom('notification_actors')
    .where('notification_id', '=', notificationId)
    .where('actor_id', 'in', actorIds)
    .execute();
}

/** Notifications about a deleted topic (its replies' too) or a deleted reply go with it. */
export async function deleteAbout(
  db: Db,
  post: { topicId: number } | { replyId: number },
): Promise<void> {
  await (
    'topicId' in post
      ? db.deleteFrom('notifications').where('topic_id', '=', post.topicId)
      : db.deleteFrom('notifications').where('reply_id', '=', post.replyId)
  ).execute();
}

/** A member who left a community, a group or a private conversation loses its notifications. */
export async function deleteInSpace(
  db: Db,
  userId: number,
  space: { communityId: number } | { groupId: number } | { conversationId: number },
): Promise<void> {
  const mine = db.deleteFrom('notifications').where('user_id', '=', userId);
  await (
    'communityId' in space
      ? mine.where('community_id', '=', space.communityId)
      : 'groupId' in space
        ? mine.where('group_id', '=', space.groupId)
        : mine.where('conversation_id', '=', space.conversationId)
  ).execute();
}

export async function deleteSubject(db: Db, userId: number, subject: string): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where('user_id', '=', userId)
    .where('subject', '=', subject)
    .execute();
}

// ---- Notifications, as members read them -----------------------------------------------------

function unreadOf(db: Db) {
  return db.selectFrom('notifications').where('read_at', 'is', null).where('in_app', '=', 1);
}

/** The header's figure: one indexed count per page. */
export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await unreadOf(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUnreadOf(db: Db, userIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(userIds.map((id) => [id, 0]));
  for (const part of chunks(userIds, 500)) {
    const rows = await unreadOf(db)
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', 'in', part)
      .groupBy('user_id')
      .execute();
    for (const r of rows) counts.set(r.user_id, Number(r.n));
  }
  return counts;
}

/** One page of a member's notifications, the most recent first. */
export function listFor(db: Db, userId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('in_app', '=', 1)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export function findOwn(db: Db, userId: number, id: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('in_app', '=', 1)
    .executeTakeFirst();
}

export async function hasUnreadAbout(
  db: Db,
  userId: number,
  about: { topicId: number } | { conversationId: number },
): Promise<boolean> {
  const query = unreadOf(db).select('id').where('user_id', '=', userId);
  const row = await (
    'topicId' in about
      ? query.where('topic_id', '=', about.topicId)
      : query.where('conversation_id', '=', about.conversationId)
  )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markRead(
  db: Db,
  userId: number,
  at: number,
  which: { id: number } | { topicId: number } | { conversationId: number } | 'all',
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (which !== 'all')
    query =
      'id' in which
        ? query.where('id', '=', which.id)
        : 'topicId' in which
          ? query.where('topic_id', '=', which.topicId).where('in_app', '=', 1)
          : query.where('conversation_id', '=', which.conversationId).where('in_app', '=', 1);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Notifications, as emails take them ----------------------------------------------------

function waitingOf(db: Db, userId: number, kind: string) {
  return db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('kind', '=', kind)
    .where('email', '=', 1)
    .where('emailed_at', 'is', null);
}

/**
 * A member's notifications of one kind waiting for the email job: wanted by email, unread, and
 * not yet dealt with by a job. The oldest first.
 */
export function pendingEmails(db: Db, userId: number, kind: string) {
  return waitingOf(db, userId, kind).selectAll().orderBy('updated_at').orderBy('id').execute();
}

/** When the oldest of them came: the period their one email covers starts there. */
export async function oldestPendingEmail(
  db: Db,
  userId: number,
  kind: string,
): Promise<number | null> {
  const row = await waitingOf(db, userId, kind)
    .select((eb) => eb.fn.min<number>('updated_at').as('at'))
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/**
 * Marks these notifications dealt with (emailed, or found to have nothing left to tell), unless
 * another run did first: returns the ids this run took, the only ones its email may name.
 */
export async function claimEmailed(db: Db, ids: number[], at: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .updateTable('notifications')
    .set({ emailed_at: at })
    .where('id', 'in', ids)
    .where('emailed_at', 'is', null)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** A send that failed gives its notifications back to the retry. */
export async function releaseEmailed(db: Db, ids: number[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ emailed_at: null })
    .where('id', 'in', ids)
    .where('emailed_at', '=', at)
    .execute();
}

/** A member's whole notification state, when their account goes. */
export async function forgetMember(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await db.deleteFrom('topic_watches').where('user_id', '=', userId).execute();
  await db.deleteFrom('group_watches').where('user_id', '=', userId).execute();
  await db.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
}
