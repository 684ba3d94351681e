import type { Db } from '../db/index.js';

/** Every conversation a member is or was in, with when they left it (null: still in it). */
export function participationsOf(db: Db, userId: number) {
  return db
    .selectFrom('message_participants')
    .select(['conversation_id', 'joined_at', 'left_at'])
    .where('user_id', '=', userId)
    .orderBy('conversation_id')
    .execute();
}

/** The messages of these conversations, oldest first within each. */
export function messagesOfConversations(db: Db, conversationIds: number[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', 'in', conversationIds)
    .orderBy('conversation_id')
    .orderBy('id')
    .execute();
}

export function participantsOfConversations(db: Db, conversationIds: number[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_participants')
    .select(['conversation_id', 'user_id', 'left_at'])
    .where('conversation_id', 'in', conversationIds)
    .orderBy('conversation_id')
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
}

/** A deleted account leaves each of its conversations at `at`. */
export async function leaveEveryConversation(db: Db, userId: number, at: number) {
  await db
    .updateTable('message_participants')
    .set({ left_at: at })
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .execute();
}

/** Erases the text of every message of a deleted account that chose to delete its posts. */
export async function eraseMessagesBy(db: Db, userId: number, at: number) {
  await db
    .updateTable('messages')
    .set({ body: '', body_html: '', deleted_at: at })
    .where('author_id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Messages whose text may mention `handle`; the caller checks each one. */
export function messagesMentioning(db: Db, handle: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'body'])
    .where((eb) => eb(eb.fn('lower', ['body']), 'like', `%@${handle}%`))
    .execute();
}

export async function setMessageBody(db: Db, id: number, body: string, bodyHtml: string) {
  await db
    .updateTable('messages')
    .set({ body, body_html: bodyHtml })
    .where('id', '=', id)
    .execute();
}
