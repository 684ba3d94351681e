import type { Selectable } from 'kysely';
import type { Database, Db } from '../db/index.js';

export type ParticipantRow = Selectable<Database['message_participants']>;
export type MessageRow = Selectable<Database['messages']>;

export async function insertConversation(
  db: Db,
  c: { createdBy: number; participantIds: number[]; at: number },
): Promise<number> {
  const row = await db
    .insertInto('message_conversations')
    .values({ created_by: c.createdBy, created_at: c.at, last_message_at: c.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('message_participants')
    .values(
      c.participantIds.map((userId) => ({
        conversation_id: row.id,
        user_id: userId,
        joined_at: c.at,
        left_at: null,
      })),
    )
    .execute();
  return row.id;
}

/** Writes a message and makes it the conversation's last; its author has read up to it. */
export async function insertMessage(
  db: Db,
  m: { conversationId: number; authorId: number; body: string; bodyHtml: string; at: number },
): Promise<number> {
  const row = await db
    .insertInto('messages')
    .values({
      conversation_id: m.conversationId,
      author_id: m.authorId,
      body: m.body,
      body_html: m.bodyHtml,
      created_at: m.at,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('message_conversations')
    .set({ last_message_at: m.at, last_message_id: row.id })
    .where('id', '=', m.conversationId)
    .execute();
  await markRead(db, m.conversationId, m.authorId, row.id);
  return row.id;
}

/** The viewer's row in a conversation, if they are in it (left or not). */
export function findParticipant(db: Db, conversationId: number, userId: number) {
  return db
    .selectFrom('message_participants')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function findConversation(db: Db, id: number) {
  return db.selectFrom('message_conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows of these accounts (a member's team voices) in one conversation. */
export function participantsAmong(db: Db, conversationId: number, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_participants')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('user_id', 'in', userIds)
    .execute();
}

/** Everyone who is or was in these conversations. */
export function participantsOf(db: Db, conversationIds: number[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_participants')
    .selectAll()
    .where('conversation_id', 'in', conversationIds)
    .orderBy('conversation_id')
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
}

/** A page of a conversation's messages, newest first: `limit` before the message `before`. */
export function listMessages(
  db: Db,
  conversationId: number,
  page: { before?: number | undefined; limit: number },
) {
  let q = db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.before !== undefined) q = q.where('id', '<', page.before);
  return q.execute();
}

/** The latest message of each of these conversations. */
export function lastMessagesOf(db: Db, conversationIds: number[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_conversations')
    .select(['id', 'last_message_id'])
    .where('id', 'in', conversationIds)
    .execute();
}

export function findMessagesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('messages').selectAll().where('id', 'in', ids).execute();
}

/**
 * One member's conversations (not left), the most recently active first, each with the messages
 * of others they have not read.
 */
export function listConversationsOf(
  db: Db,
  userIds: number[],
  page: { limit: number; offset: number },
) {
  return db
    .selectFrom('message_participants as p')
    .innerJoin('message_conversations as c', 'c.id', 'p.conversation_id')
    .select((eb) => [
      'c.id',
      'c.created_by',
      'c.created_at',
      'c.last_message_at',
      'c.last_message_id',
      'p.last_read_message_id',
      eb
        .selectFrom('messages as m')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .whereRef('m.id', '>', 'p.last_read_message_id')
        .whereRef('m.author_id', '<>', 'p.user_id')
        .where('m.deleted_at', 'is', null)
        .as('unread'),
    ])
    .where('p.user_id', 'in', userIds)
    .where('p.left_at', 'is', null)
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Messages of others a member has not read, in all their conversations: one indexed query. */
export async function countUnread(db: Db, userIds: number[]): Promise<number> {
  const row = await db
    .selectFrom('message_participants as p')
    .innerJoin('messages as m', (join) =>
      join
        .onRef('m.conversation_id', '=', 'p.conversation_id')
        .onRef('m.id', '>', 'p.last_read_message_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.user_id', 'in', userIds)
    .where('p.left_at', 'is', null)
    .whereRef('m.author_id', '<>', 'p.user_id')
    .where('m.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a participant's read pointer forward to `messageId` (never back). */
export async function markRead(db: Db, conversationId: number, userId: number, messageId: number) {
  await db
    .updateTable('message_participants')
    .set({ last_read_message_id: messageId })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .where('last_read_message_id', '<', messageId)
    .execute();
}

export async function leaveConversation(
  db: Db,
  conversationId: number,
  userId: number,
  at: number,
): Promise<void> {
  await db
    .updateTable('message_participants')
    .set({ left_at: at })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .execute();
}

/**
 * When a member's last `limit` conversations started (or messages written) since `since` were
 * made, newest first: enough to tell whether a daily cap is reached and when room comes back.
 */
export async function recentStarts(db: Db, userId: number, since: number, limit: number) {
  const rows = await db
    .selectFrom('message_conversations')
    .select('created_at')
    .where('created_by', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.created_at);
}

export async function recentMessages(db: Db, userId: number, since: number, limit: number) {
  const rows = await db
    .selectFrom('messages')
    .select('created_at')
    .where('author_id', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.created_at);
}

/** The rows of one member's seats (themselves, their teams) in these conversations (left or not). */
export function participationsIn(db: Db, userIds: number[], conversationIds: number[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_participants')
    .selectAll()
    .where('user_id', 'in', userIds)
    .where('conversation_id', 'in', conversationIds)
    .execute();
}
