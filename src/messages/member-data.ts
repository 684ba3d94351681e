import { presentAuthor } from '../accounts/index.js';
import { chunks, type Db, type Store } from '../db/index.js';
import { renameMention, renderMarkdown } from '../markdown/index.js';
import * as blocks from './blocks-store.js';
import * as store from './member-data-store.js';
import { namesOf } from './names.js';

/** Conversations read at a time for an export; the event loop serves others between them. */
const CHUNK = 200;
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A member's private messages for their export: each conversation they are or were in, who is
 * in it, and the messages they could read there (theirs and those they received, up to when
 * they left). Nothing of a conversation they were never in. Read on `s.reads`.
 */
export async function messagesForExport(s: Store, userId: number) {
  const db = s.reads;
  const mine = await store.participationsOf(db, userId);
  const conversations = [];
  for (const part of chunks(mine, CHUNK)) {
    const ids = part.map((p) => p.conversation_id);
    const [participants, messages] = await Promise.all([
      store.participantsOfConversations(db, ids),
      store.messagesOfConversations(db, ids),
    ]);
    const names = await namesOf(db, [
      ...participants.map((p) => p.user_id),
      ...messages.map((m) => m.author_id),
    ]);
    const person = (id: number) => {
      const name = names.get(id);
      return presentAuthor(name ?? { handle: '', displayName: '', deletedAt: 0 });
    };
    for (const p of part) {
      const readable = messages.filter(
        (m) =>
          m.conversation_id === p.conversation_id &&
          m.created_at >= p.joined_at &&
          (p.left_at === null || m.created_at <= p.left_at),
      );
      conversations.push({
        id: p.conversation_id,
        joinedAt: iso(p.joined_at),
        leftAt: iso(p.left_at),
        participants: participants
          .filter((x) => x.conversation_id === p.conversation_id)
          .map((x) => ({
            ...person(x.user_id),
            isYou: x.user_id === userId,
            hasLeft: x.left_at !== null,
          })),
        messages: readable.map((m) => ({
          id: m.id,
          author: person(m.author_id),
          isYours: m.author_id === userId,
          body: m.body,
          createdAt: iso(m.created_at),
          deletedAt: iso(m.deleted_at),
        })),
      });
    }
    await breathe();
  }
  return conversations;
}

export type ExportedConversation = Awaited<ReturnType<typeof messagesForExport>>[number];

/**
 * What an account's deletion does to its private messages, in the transaction `trx`: it leaves
 * every conversation (others see a former member who left), its blocks go, its messages stay
 * signed "former member" or, if it chose to delete its posts, lose their text; and mentions of
 * its old handle name its tombstone.
 */
export async function forgetMessagesOf(
  trx: Db,
  userId: number,
  at: number,
  options: { eraseMessages: boolean; oldHandle: string; newHandle: string },
): Promise<void> {
  await store.leaveEveryConversation(trx, userId, at);
  await blocks.deleteBlocksOf(trx, userId);
  if (options.eraseMessages) await store.eraseMessagesBy(trx, userId, at);
  for (const m of await store.messagesMentioning(trx, options.oldHandle)) {
    const body = renameMention(m.body, options.oldHandle, options.newHandle);
    if (body !== m.body) await store.setMessageBody(trx, m.id, body, renderMarkdown(body));
  }
}
