import type { Db } from '../db/index.js';

/** A private message as moderation may know it once it was reported. */
export interface ReportedMessage {
  id: number;
  conversationId: number;
  authorId: number;
  bodyHtml: string;
  createdAt: number;
}

function toReported(m: {
  id: number;
  conversation_id: number;
  author_id: number;
  body_html: string;
  created_at: number;
}): ReportedMessage {
  return {
    id: Number(m.id),
    conversationId: Number(m.conversation_id),
    authorId: Number(m.author_id),
    bodyHtml: m.body_html,
    createdAt: Number(m.created_at),
  };
}

/**
 * A live message that `userId` received: they are (or were) in its conversation and did not
 * write it. Undefined otherwise, so that a flag on anything else is the 404 of a missing one.
 */
export async function receivedMessage(
  db: Db,
  userId: number,
  messageId: number,
): Promise<ReportedMessage | undefined> {
  const row = await db
    .selectFrom('messages as m')
    .innerJoin('message_participants as p', 'p.conversation_id', 'm.conversation_id')
    .select(['m.id', 'm.conversation_id', 'm.author_id', 'm.body_html', 'm.created_at'])
    .where('m.id', '=', messageId)
    .where('m.deleted_at', 'is', null)
    .where('p.user_id', '=', userId)
    .where('m.author_id', '<>', userId)
    .executeTakeFirst();
  return row && toReported(row);
}

/**
 * These messages, by id, for the staff who handle their reports: moderation asks only for the
 * ids of messages that were reported to that community, never for a conversation.
 */
export async function reportedMessages(
  db: Db,
  messageIds: number[],
): Promise<Map<number, ReportedMessage>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'author_id', 'body_html', 'created_at'])
    .where('id', 'in', messageIds)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), toReported(r)]));
}
