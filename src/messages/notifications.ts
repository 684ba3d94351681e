import type { Db } from '../db/index.js';
import { toPlainText } from '../markdown/index.js';
import { messagePath } from './paths.js';
import { peopleBehind, seatsOf } from './seats.js';
import * as store from './store.js';

/** Characters of a message a notification or an email shows. */
const EXCERPT = 140;

/**
 * What a notification or an email needs about each message (the `message.sent` rows of the
 * activity log name them), in two queries whatever their number: its conversation, author,
 * recipients (those still in the conversation, its author aside), the start of its text and
 * its path. A message since erased, or of a conversation gone, is left out.
 */
export async function messagesForNotification(db: Db, messageIds: number[]) {
  const messages = (await store.findMessagesByIds(db, [...new Set(messageIds)])).filter(
    (m) => m.deleted_at === null,
  );
  const participants = await store.participantsOf(db, [
    ...new Set(messages.map((m) => m.conversation_id)),
  ]);
  // A team in the conversation is reached through each of its animators.
  const behind = await peopleBehind(db, [...new Set(participants.map((p) => p.user_id))]);
  return messages.map((m) => ({
    messageId: m.id,
    conversationId: m.conversation_id,
    authorId: m.author_id,
    recipientIds: [
      ...new Set(
        participants
          .filter((p) => p.conversation_id === m.conversation_id)
          .filter((p) => p.left_at === null && p.user_id !== m.author_id)
          .flatMap((p) => behind.get(p.user_id) ?? [p.user_id]),
      ),
    ],
    createdAt: m.created_at,
    excerpt: toPlainText(m.body, EXCERPT),
    path: messagePath(m.conversation_id, m.id),
  }));
}

/**
 * Of `messageIds`, those `userId` has not read yet in the page (after their read pointer in
 * the message's conversation): an email about a message read meanwhile is not sent.
 */
export async function unreadAmong(db: Db, userId: number, messageIds: number[]) {
  const messages = await store.findMessagesByIds(db, [...new Set(messageIds)]);
  const seats = await seatsOf(db, userId);
  const mine = await store.participationsIn(db, seats, [
    ...new Set(messages.map((m) => m.conversation_id)),
  ]);
  // Not in the conversation (or gone from it): nothing there is theirs to read.
  const pointers = new Map(
    mine.filter((p) => p.left_at === null).map((p) => [p.conversation_id, p.last_read_message_id]),
  );
  return new Set(
    messages
      .filter(
        (m) => !seats.includes(m.author_id) && m.id > (pointers.get(m.conversation_id) ?? Infinity),
      )
      .map((m) => m.id),
  );
}

/**
 * For an email about these conversations: the latest message of each that `userId` has not
 * read in the page yet (written by someone else, the member still in the conversation, the
 * message not erased), with its author and the start of its text. A conversation read since,
 * left, or whose latest message is the member's own answer, is left out.
 */
export async function latestUnreadFor(db: Db, userId: number, conversationIds: number[]) {
  const latest = (await store.lastMessagesOf(db, [...new Set(conversationIds)])).flatMap((c) =>
    c.last_message_id === null ? [] : [c.last_message_id],
  );
  const unread = await unreadAmong(db, userId, latest);
  return (await messagesForNotification(db, [...unread])).filter((m) =>
    m.recipientIds.includes(userId),
  );
}

/**
 * Of `conversationIds`, those `userId` is still in: a notification about a conversation they
 * left (or never were in) says nothing any more, and its link would be a 404.
 */
export async function conversationsStillIn(db: Db, userId: number, conversationIds: number[]) {
  const mine = await store.participationsIn(db, await seatsOf(db, userId), [
    ...new Set(conversationIds),
  ]);
  return new Set(mine.filter((p) => p.left_at === null).map((p) => p.conversation_id));
}
