/** Where a conversation is read. */
export function conversationPath(conversationId: number): string {
  return `/messages/${conversationId}`;
}

/** Where one message of a conversation is read. */
export function messagePath(conversationId: number, messageId: number): string {
  return `${conversationPath(conversationId)}#message-${messageId}`;
}

/**
 * Where one writes to a member (their handle filled in), optionally with a first draft of the
 * message that the writer edits before sending (the cockpit's "write to them").
 */
export function newMessagePath(toHandle?: string, draft?: string): string {
  const query = new URLSearchParams();
  if (toHandle !== undefined) query.set('to', toHandle);
  if (draft !== undefined) query.set('body', draft);
  const q = query.toString();
  return q === '' ? '/messages/new' : `/messages/new?${q}`;
}
