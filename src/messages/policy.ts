/**
 * Who may write to whom in private, as pure questions over what is known of the two members.
 * The rules, and why (docs/notifications.md, "Private messages"):
 * - nobody writes to themselves, to a system account or to a former member (deleted account);
 * - nobody writes to a member who blocked them, nor to one they blocked (unblock first);
 * - an instance admin may write to any member;
 * - a member writes to members they share a community with (both active members of it);
 * - an animator or moderator also writes to those asking to join their community, or invited.
 * So a stranger who just signed up reaches nobody until a community has let them in.
 */

export interface Sender {
  id: number;
  isAdmin: boolean;
}

/** What decides whether `Sender` may write to one member. */
export interface RecipientFacts {
  id: number;
  isSystem: boolean;
  /** Both are active members of at least one community. */
  sharesCommunity: boolean;
  /** The sender is an active animator or moderator of a community the recipient belongs to. */
  isTheirStaff: boolean;
  hasBlockedSender: boolean;
  isBlockedBySender: boolean;
}

export type Refusal = 'self' | 'unavailable' | 'blockedYou' | 'youBlocked' | 'noSharedCommunity';

/** Why `sender` may not write to `r`, or null when they may. */
export function refusalToWrite(sender: Sender, r: RecipientFacts): Refusal | null {
  if (r.id === sender.id) return 'self';
  if (r.isSystem) return 'unavailable';
  if (r.hasBlockedSender) return 'blockedYou';
  if (r.isBlockedBySender) return 'youBlocked';
  if (sender.isAdmin || r.sharesCommunity || r.isTheirStaff) return null;
  return 'noSharedCommunity';
}

export function canWriteTo(sender: Sender, r: RecipientFacts): boolean {
  return refusalToWrite(sender, r) === null;
}

/**
 * Staff reaching their own community's members, and instance admins, are trusted: the limits
 * on new accounts do not hold them (an animator welcoming thirty newcomers on day one).
 */
export function isTrustedSender(sender: Sender, recipients: RecipientFacts[]): boolean {
  return sender.isAdmin || (recipients.length > 0 && recipients.every((r) => r.isTheirStaff));
}
