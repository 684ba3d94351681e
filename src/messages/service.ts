import { getOwnAccount } from '../accounts/index.js';
import { recordActivity } from '../activity/index.js';
import { now, type Db, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { renderMarkdown } from '../markdown/index.js';
import * as blocks from './blocks-store.js';
import { checkNewAccountLimits, type MessageLimits } from './limits.js';
import { messageCapOf } from '../trust/index.js';
import { namesOf } from './names.js';
import { isTrustedSender } from './policy.js';
import { requireRecipients } from './recipients.js';
import { seatsOf } from './seats.js';
import * as store from './store.js';
import {
  recordTeamPost,
  requireVoice,
  teamAccountsOf,
  voicesOfPosts,
  type Voice,
} from '../teams/index.js';

/** Messages shown at a time in a conversation, the latest first. */
export const THREAD_PAGE = 100;

/**
 * The viewer's place in a conversation: they are in it and have not left, themselves or through
 * a team voice they are one of (decision 010: being in the team makes them part of it). `seat`
 * is who they read and write as there. Anyone else — an instance admin or a community's staff
 * included — gets the same 404 as for a missing one.
 */
async function requireParticipant(db: Db, viewer: Viewer, conversationId: number) {
  const own = await store.findParticipant(db, conversationId, viewer.id);
  let participant = own?.left_at === null ? own : undefined;
  let voice: Voice | undefined;
  if (!participant) {
    const teams = await teamAccountsOf(db, viewer.id);
    const seats = await store.participantsAmong(
      db,
      conversationId,
      teams.map((t) => t.accountId),
    );
    participant = seats.find((p) => p.left_at === null);
    const team = teams.find((t) => t.accountId === participant?.user_id);
    if (!participant || !team) throw new AppError('not_found');
    // No longer an animator of its community: the team's conversations are no longer theirs.
    voice = await requireVoice(db, viewer, team.teamId).catch(() => {
      throw new AppError('not_found');
    });
  }
  const conversation = await store.findConversation(db, conversationId);
  if (!conversation) throw new AppError('not_found');
  return { conversation, participant, seat: participant.user_id, voice };
}

/**
 * One message in its conversation, logged for notifications; in the caller's transaction. As a
 * team, its account is the author and the audit row keeps the animator.
 */
export async function writeMessage(
  trx: Db,
  m: { conversationId: number; authorId: number; body: string; at: number; voice?: Voice },
): Promise<number> {
  const id = await store.insertMessage(trx, {
    conversationId: m.conversationId,
    authorId: m.authorId,
    body: m.body,
    at: m.at,
    bodyHtml: renderMarkdown(m.body),
  });
  if (m.voice) await recordTeamPost(trx, m.voice, 'message', id, m.at);
  // Outside any community: the cockpit counts none; notifications will read it (issue 22).
  await recordActivity(trx, {
    actorId: m.authorId,
    communityId: null,
    kind: 'message.sent',
    targetKind: 'message',
    targetId: id,
    at: m.at,
  });
  return id;
}

export interface Started {
  conversationId: number;
  messageId: number;
  authorId: number;
}

/**
 * Starts a conversation with a first message: access and rules first, then one transaction.
 * `alsoInTransaction` lets a caller write what the message means for it (a welcome's log row)
 * in the same transaction, so that neither commits without the other.
 */
export async function startConversation(
  s: Store,
  viewer: Viewer,
  input: { recipients: string[]; body: string; asTeam?: number | undefined },
  limits: MessageLimits,
  alsoInTransaction?: (trx: Db, started: Started, at: number) => Promise<void>,
): Promise<Started> {
  // As a team, the team writes: the rules of who may write to whom are asked of it.
  const voice =
    input.asTeam === undefined ? undefined : await requireVoice(s.db, viewer, input.asTeam);
  const sender: Viewer = voice
    ? { ...viewer, id: voice.accountId, handle: voice.accountHandle, isAdmin: false }
    : viewer;
  const { people, facts } = await requireRecipients(s.db, sender, input.recipients);
  const at = now();
  if (!voice && !isTrustedSender(viewer, facts))
    await checkNewAccountLimits(
      s.db,
      limits,
      await getOwnAccount(s, viewer.id),
      true,
      at,
      await messageCapOf(s.db, viewer.id, limits.trustLimits ?? false),
    );
  return s.db.transaction().execute(async (trx) => {
    const conversationId = await store.insertConversation(trx, {
      createdBy: sender.id,
      participantIds: [sender.id, ...people.map((p) => p.id)],
      at,
    });
    const messageId = await writeMessage(trx, {
      conversationId,
      authorId: sender.id,
      body: input.body,
      at,
      ...(voice ? { voice } : {}),
    });
    const started = { conversationId, messageId, authorId: sender.id };
    if (alsoInTransaction) await alsoInTransaction(trx, started, at);
    return started;
  });
}

/** Answers in a conversation the viewer is in, unless someone in it blocked them (or they, someone). */
export async function replyTo(
  s: Store,
  viewer: Viewer,
  conversationId: number,
  input: { body: string },
  limits: MessageLimits,
): Promise<{ messageId: number; authorId: number }> {
  const { seat, voice } = await requireParticipant(s.db, viewer, conversationId);
  const others = (await store.participantsOf(s.db, [conversationId])).filter(
    (p) => p.user_id !== seat && p.left_at === null,
  );
  if (others.length === 0)
    throw new AppError('conflict', { field: 'body', messageKey: 'messages.error.alone' });
  const ids = others.map((p) => p.user_id);
  const [blockedMe, blockedByMe] = await Promise.all([
    blocks.blockersAmong(s.db, seat, ids),
    blocks.blockedAmong(s.db, seat, ids),
  ]);
  const refused = ids.find((id) => blockedMe.has(id) || blockedByMe.has(id));
  if (refused !== undefined) {
    const names = await namesOf(s.db, [refused]);
    throw new AppError('forbidden', {
      field: 'body',
      messageKey: blockedMe.has(refused)
        ? 'messages.error.blockedYou'
        : 'messages.error.youBlocked',
      params: { name: `@${names.get(refused)?.handle ?? ''}` },
    });
  }
  const at = now();
  if (!viewer.isAdmin && !voice)
    await checkNewAccountLimits(
      s.db,
      limits,
      await getOwnAccount(s, viewer.id),
      false,
      at,
      await messageCapOf(s.db, viewer.id, limits.trustLimits ?? false),
    );
  const messageId = await s.db.transaction().execute((trx) =>
    writeMessage(trx, {
      conversationId,
      authorId: seat,
      body: input.body,
      at,
      ...(voice ? { voice } : {}),
    }),
  );
  return { messageId, authorId: seat };
}

/**
 * A conversation as its participant reads it: who is in it, and its messages (the latest
 * `THREAD_PAGE`, or those before `before`), each marked unread if it came after their pointer.
 */
export async function getConversation(
  s: Store,
  viewer: Viewer,
  conversationId: number,
  page: { before?: number | undefined } = {},
) {
  const { conversation, participant, seat } = await requireParticipant(
    s.db,
    viewer,
    conversationId,
  );
  const [participants, newestFirst] = await Promise.all([
    store.participantsOf(s.db, [conversationId]),
    store.listMessages(s.db, conversationId, { before: page.before, limit: THREAD_PAGE + 1 }),
  ]);
  const messages = newestFirst.slice(0, THREAD_PAGE).reverse();
  const names = await namesOf(s.db, [
    ...participants.map((p) => p.user_id),
    ...messages.map((m) => m.author_id),
  ]);
  return {
    conversation,
    participants,
    messages,
    hasEarlier: newestFirst.length > THREAD_PAGE,
    lastReadMessageId: participant.last_read_message_id,
    names,
    /** Who the viewer reads as: themselves, or the team through which they are in it. */
    seat,
    voices: await voicesOfPosts(s.db, 'message', messages),
  };
}

export type ConversationView = Awaited<ReturnType<typeof getConversation>>;

/** Marks a conversation read up to `messageId` (one of its messages), or up to its last one. */
export async function markConversationRead(
  s: Store,
  viewer: Viewer,
  conversationId: number,
  messageId?: number,
): Promise<void> {
  const { conversation, seat } = await requireParticipant(s.db, viewer, conversationId);
  let upTo = conversation.last_message_id;
  if (messageId !== undefined) {
    const [message] = await store.findMessagesByIds(s.db, [messageId]);
    if (message?.conversation_id !== conversationId)
      throw new AppError('not_found', { field: 'messageId' });
    upTo = messageId;
  }
  if (upTo !== null) await store.markRead(s.db, conversationId, seat, upTo);
}

/** The viewer leaves a conversation: it is gone from their list and pages; others see they left. */
export async function leaveConversation(
  s: Store,
  viewer: Viewer,
  conversationId: number,
): Promise<void> {
  // Through a team, the team leaves: its conversation is the team's, not one animator's.
  const { seat } = await requireParticipant(s.db, viewer, conversationId);
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.leaveConversation(trx, conversationId, seat, at);
    // Logged for notifications: those about this conversation leave the member's list with them.
    await recordActivity(trx, {
      actorId: viewer.id,
      communityId: null,
      kind: 'message.left',
      targetKind: 'conversation',
      targetId: conversationId,
      at,
    });
  });
}

/** The viewer's conversations, the most recently active first, with what the list shows of each. */
export async function listConversations(
  s: Store,
  viewer: Viewer,
  page: { limit: number; offset: number },
) {
  const rows = await store.listConversationsOf(s.db, await seatsOf(s.db, viewer.id), page);
  const ids = rows.map((r) => r.id);
  const [participants, lastMessages] = await Promise.all([
    store.participantsOf(s.db, ids),
    store.findMessagesByIds(
      s.db,
      rows.map((r) => r.last_message_id).filter((id) => id !== null),
    ),
  ]);
  const names = await namesOf(s.db, [
    ...participants.map((p) => p.user_id),
    ...lastMessages.map((m) => m.author_id),
  ]);
  const lastById = new Map(lastMessages.map((m) => [m.id, m]));
  return rows.map((r) => ({
    id: r.id,
    lastMessageAt: r.last_message_at,
    unread: Number(r.unread),
    participants: participants.filter((p) => p.conversation_id === r.id),
    lastMessage: r.last_message_id === null ? undefined : lastById.get(r.last_message_id),
    names,
  }));
}

export type ConversationSummary = Awaited<ReturnType<typeof listConversations>>[number];

/** Messages of others the member has not read yet, in all their conversations (the header's). */
export async function countUnreadMessages(s: Store, userId: number): Promise<number> {
  return store.countUnread(s.db, await seatsOf(s.db, userId));
}

/** A message just written (by the viewer, or by their team: `authorId`), to send back. */
export async function getWrittenMessage(s: Store, authorId: number, messageId: number) {
  const [message] = await store.findMessagesByIds(s.db, [messageId]);
  if (message?.author_id !== authorId) throw new AppError('not_found');
  return {
    message,
    names: await namesOf(s.db, [authorId]),
    voices: await voicesOfPosts(s.db, 'message', [message]),
  };
}
