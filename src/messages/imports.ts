import type { Db } from '../db/index.js';
import type { Voice } from '../teams/index.js';
import { writeMessage } from './service.js';
import * as store from './store.js';

/** A conversation written as it happened (the demo): its people, its messages in order. */
export interface ImportedConversation {
  participantIds: number[];
  /** A message with a `voice` is the team's: `authorId` is its account, the audit keeps who. */
  messages: { authorId: number; body: string; at: number; voice?: Voice }[];
  /** Who has not opened it since its last message; the others have read it all. */
  unreadFor: number[];
}

/** Writes a past conversation in the caller's transaction, each message logged as if sent. */
export async function importConversation(trx: Db, c: ImportedConversation): Promise<number> {
  const [first] = c.messages;
  if (!first) throw new Error('A conversation starts with a message');
  const conversationId = await store.insertConversation(trx, {
    createdBy: first.authorId,
    participantIds: c.participantIds,
    at: first.at,
  });
  let last = 0;
  for (const m of c.messages) last = await writeMessage(trx, { conversationId, ...m });
  for (const id of c.participantIds)
    if (!c.unreadFor.includes(id)) await store.markRead(trx, conversationId, id, last);
  return conversationId;
}
