import { presentAuthor } from '../accounts/index.js';
import { toPlainText } from '../markdown/index.js';
import type { PostVoice } from '../teams/index.js';
import type { ParticipantRow, MessageRow } from './store.js';
import type { Names } from './names.js';
import type { ConversationSummary, ConversationView } from './service.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** Characters of the last message a conversation list shows. */
const EXCERPT = 120;

// A name missing from the map belongs to nobody left to name: shown as a former member.
const unknown = { handle: '', displayName: '', deletedAt: 0 };

export function presentPerson(names: Names, userId: number) {
  return presentAuthor(names.get(userId) ?? unknown);
}

export function presentParticipants(
  names: Names,
  rows: Pick<ParticipantRow, 'user_id' | 'left_at'>[],
) {
  return rows.map((p) => ({ ...presentPerson(names, p.user_id), hasLeft: p.left_at !== null }));
}

export function presentMessage(
  names: Names,
  m: MessageRow,
  lastReadMessageId: number,
  viewerId: number,
  voices?: Map<number, PostVoice>,
) {
  const voice = voices?.get(m.id);
  return {
    id: m.id,
    conversationId: m.conversation_id,
    author: presentPerson(names, m.author_id),
    // Written as a team: the team and the animator's signature, never who the animator is.
    teamVoice: voice
      ? { team: voice.team, initials: voice.initials, signature: voice.signature }
      : null,
    body: m.body,
    bodyHtml: m.body_html,
    createdAt: iso(m.created_at),
    isDeleted: m.deleted_at !== null,
    isUnread: m.author_id !== viewerId && m.id > lastReadMessageId,
  };
}

export function presentConversation(view: ConversationView, viewerId: number) {
  return {
    conversation: {
      id: view.conversation.id,
      participants: presentParticipants(view.names, view.participants),
      createdAt: iso(view.conversation.created_at),
      lastMessageAt: iso(view.conversation.last_message_at),
    },
    messages: view.messages.map((m) =>
      presentMessage(view.names, m, view.lastReadMessageId, viewerId, view.voices),
    ),
    hasEarlier: view.hasEarlier,
  };
}

/** A message's first words in plain text, for lists ("" once erased). */
export function excerptOf(m: Pick<MessageRow, 'body'>): string {
  return toPlainText(m.body, EXCERPT);
}

export function presentSummary(c: ConversationSummary) {
  return {
    id: c.id,
    participants: presentParticipants(c.names, c.participants),
    lastMessageAt: iso(c.lastMessageAt),
    unread: c.unread,
    lastMessage: c.lastMessage
      ? {
          author: presentPerson(c.names, c.lastMessage.author_id),
          excerpt: excerptOf(c.lastMessage),
          isDeleted: c.lastMessage.deleted_at !== null,
        }
      : null,
  };
}
