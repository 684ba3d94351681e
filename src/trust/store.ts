import type { Db } from '../db/index.js';
import { isTrustLevel, type TrustLevel } from './levels.js';

export interface TrustRow {
  user_id: number;
  level: number;
  locked: number;
  set_by: number | null;
  updated_at: number;
  visit_days: number;
  last_visit_day: number;
  views: number;
  topics_entered: number;
  topics_replied: number;
  reactions_given: number;
  reactions_received: number;
}

function asLevel(n: number | null | undefined): TrustLevel {
  const level = Number(n ?? 0);
  return isTrustLevel(level) ? level : 0;
}

/** A member's level (0 without a row: a new account) and whether theirs is a system account. */
export async function levelFacts(
  db: Db,
  userId: number,
): Promise<{ level: TrustLevel; isSystem: boolean }> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('trust_levels as t', 't.user_id', 'u.id')
    .select(['t.level', 'u.is_system'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return { level: asLevel(row?.level), isSystem: row?.is_system === 1 };
}

export async function levelsOf(db: Db, userIds: number[]): Promise<Map<number, TrustLevel>> {
  const out = new Map<number, TrustLevel>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('trust_levels')
    .select(['user_id', 'level'])
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) out.set(Number(r.user_id), asLevel(r.level));
  return out;
}

export function rowsOf(db: Db, userIds: number[]): Promise<TrustRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('trust_levels').selectAll().where('user_id', 'in', userIds).execute();
}

export function findRow(db: Db, userId: number): Promise<TrustRow | undefined> {
  return db.selectFrom('trust_levels').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The member's topics and replies since `since`, newest first, at most `limit`. */
export async function recentPosts(db: Db, userId: number, since: number, limit: number) {
  const rows = await db
    .selectFrom('activity_log')
    .select('created_at')
    .where('actor_id', '=', userId)
    .where('kind', 'in', ['topic.created', 'reply.created'])
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.created_at);
}

/** Members (not system accounts, not deleted) among these ids. */
export async function livePeopleAmong(db: Db, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', userIds)
    .where('is_system', '=', 0)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** The authors of these topics and replies (for the reactions a member received). */
export async function authorsOf(db: Db, topicIds: number[], replyIds: number[]) {
  const [topics, replies] = await Promise.all([
    topicIds.length === 0
      ? []
      : db.selectFrom('topics').select(['id', 'author_id']).where('id', 'in', topicIds).execute(),
    replyIds.length === 0
      ? []
      : db.selectFrom('replies').select(['id', 'author_id']).where('id', 'in', replyIds).execute(),
  ]);
  return {
    topics: new Map(topics.map((t) => [Number(t.id), Number(t.author_id)])),
    replies: new Map(replies.map((r) => [Number(r.id), Number(r.author_id)])),
  };
}

export async function insertMissingRows(db: Db, userIds: number[], at: number): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('trust_levels')
    .values(userIds.map((id) => ({ user_id: id, level: 0, set_by: null, updated_at: at })))
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function updateCounters(
  db: Db,
  userId: number,
  c: Omit<TrustRow, 'user_id' | 'level' | 'locked' | 'set_by' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('trust_levels').set(c).where('user_id', '=', userId).execute();
}

export async function addDayCounts(
  db: Db,
  rows: {
    user_id: number;
    day: number;
    views: number;
    replies: number;
    reactions_given: number;
    reactions_received: number;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('trust_days')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['user_id', 'day']).doUpdateSet((eb) => ({
        views: eb('trust_days.views', '+', eb.ref('excluded.views')),
        replies: eb('trust_days.replies', '+', eb.ref('excluded.replies')),
        reactions_given: eb('trust_days.reactions_given', '+', eb.ref('excluded.reactions_given')),
        reactions_received: eb(
          'trust_days.reactions_received',
          '+',
          eb.ref('excluded.reactions_received'),
        ),
      })),
    )
    .execute();
}

export async function forgetDaysBefore(db: Db, day: number): Promise<void> {
  await db.deleteFrom('trust_days').where('day', '<', day).execute();
}

/** Each member's counts over the days from `fromDay` on. */
export async function windowCounts(db: Db, userIds: number[], fromDay: number) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('trust_days')
    .select([
      'user_id',
      (eb) => eb.fn.countAll<number>().as('visit_days'),
      (eb) => eb.fn.sum<number>('views').as('views'),
      (eb) => eb.fn.sum<number>('replies').as('replies'),
      (eb) => eb.fn.sum<number>('reactions_given').as('reactions_given'),
      (eb) => eb.fn.sum<number>('reactions_received').as('reactions_received'),
    ])
    .where('user_id', 'in', userIds)
    .where('day', '>=', fromDay)
    .groupBy('user_id')
    .execute();
  return rows.map((r) => ({
    userId: Number(r.user_id),
    visitDays: Number(r.visit_days),
    views: Number(r.views),
    replies: Number(r.replies),
    reactionsGiven: Number(r.reactions_given),
    reactionsReceived: Number(r.reactions_received),
  }));
}

/** The distinct topics already counted for these members. */
export async function topicsOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('trust_topics')
    .select(['user_id', 'topic_id', 'how'])
    .where('user_id', 'in', userIds)
    .execute();
}

export async function insertTopics(
  db: Db,
  rows: { user_id: number; topic_id: number; how: 'entered' | 'replied' }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('trust_topics')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'how', 'topic_id']).doNothing())
    .execute();
}

/** Regulars whose grace is over, for the window's daily look. */
export async function regularsSettledBefore(db: Db, before: number): Promise<number[]> {
  const rows = await db
    .selectFrom('trust_levels')
    .select('user_id')
    .where('level', '=', 3)
    .where('locked', '=', 0)
    .where('updated_at', '<=', before)
    .execute();
  return rows.map((r) => Number(r.user_id));
}

export async function setLevel(
  db: Db,
  userId: number,
  change: { level: TrustLevel; at: number; locked?: boolean; setBy?: number | null },
): Promise<void> {
  await db
    .insertInto('trust_levels')
    .values({
      user_id: userId,
      level: change.level,
      locked: change.locked ? 1 : 0,
      set_by: change.setBy ?? null,
      updated_at: change.at,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        level: change.level,
        updated_at: change.at,
        ...(change.locked === undefined ? {} : { locked: change.locked ? 1 : 0 }),
        ...(change.setBy === undefined ? {} : { set_by: change.setBy }),
      }),
    )
    .execute();
}

/** The number of members at each level (for the doc's and admins' overview). */
export function levelCounts(db: Db) {
  return db
    .selectFrom('trust_levels')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('level')
    .execute();
}
