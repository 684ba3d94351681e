import type { Db } from '../db/index.js';
import { messagesForNotification } from '../messages/index.js';

/** Who a private message reaches, and in which conversation. */
export interface MessageRecipients {
  conversationId: number;
  recipientIds: number[];
}

/**
 * The log row of a message (`message.sent`, target: the message) names neither its conversation
 * nor its recipients: the messages feature answers for a batch of message ids (those still in
 * the conversation, its author aside; an erased message reaches nobody).
 */
export async function messageRecipients(
  db: Db,
  messageIds: number[],
): Promise<Map<number, MessageRecipients>> {
  const found = await messagesForNotification(db, messageIds);
  return new Map(
    found.map((m) => [
      m.messageId,
      { conversationId: m.conversationId, recipientIds: m.recipientIds },
    ]),
  );
}
