/** Where a conversation is read. */
export function conversationPath(conversationId: number): string {
  return `/messages/${conversationId}`;
}

/** Where one message of a conversation is read. */
export function messagePath(conversationId: number, messageId: number): string {
  return `${conversationPath(conversationId)}#message-${messageId}`;
}

/** Where one writes to a member (their handle filled in). */
export function newMessagePath(toHandle?: string): string {
  return toHandle === undefined
    ? '/messages/new'
    : `/messages/new?to=${encodeURIComponent(toHandle)}`;
}
