// Who a new conversation goes to: the handles named, checked against the rules of policy.ts.
import { findAccountsByHandles } from '../accounts/index.js';
import { membershipTies } from '../communities/index.js';
import type { Db, Store } from '../db/index.js';
import { AppError, type ErrorCode, type Viewer } from '../http/index.js';
import * as blocks from './blocks-store.js';
import { refusalToWrite, type RecipientFacts, type Refusal } from './policy.js';

/** A conversation holds its writer and at most this many others. */
export const MAX_RECIPIENTS = 10;

function recipientsError(code: ErrorCode, messageKey: string, params = {}) {
  return new AppError(code, { field: 'recipients', messageKey, params });
}

const refusals: Record<Refusal, { code: ErrorCode; messageKey: string }> = {
  self: { code: 'invalid_input', messageKey: 'messages.error.self' },
  unavailable: { code: 'forbidden', messageKey: 'messages.error.unavailable' },
  blockedYou: { code: 'forbidden', messageKey: 'messages.error.blockedYou' },
  youBlocked: { code: 'forbidden', messageKey: 'messages.error.youBlocked' },
  noSharedCommunity: { code: 'forbidden', messageKey: 'messages.error.noSharedCommunity' },
};

/** "@ana, bruno; Chloé" → ["ana", "bruno", "chloé"]: handles as stored, each once. */
export function recipientHandles(list: string[]): string[] {
  const handles = list
    .flatMap((item) => item.split(/[\s,;]+/))
    .map((h) => h.replace(/^@+/, '').toLowerCase())
    .filter((h) => h !== '');
  return [...new Set(handles)];
}

/** What the policy needs about each member, in a few queries whatever their number. */
async function recipientFacts(
  db: Db,
  viewer: Viewer,
  people: { id: number; is_system: number }[],
): Promise<RecipientFacts[]> {
  const ids = people.map((p) => p.id);
  const [ties, blockedMe, blockedByMe] = await Promise.all([
    membershipTies(db, viewer.id, ids),
    blocks.blockersAmong(db, viewer.id, ids),
    blocks.blockedAmong(db, viewer.id, ids),
  ]);
  return people.map((p) => ({
    id: p.id,
    isSystem: p.is_system === 1,
    sharesCommunity: ties.get(p.id)?.sharesCommunity ?? false,
    isTheirStaff: ties.get(p.id)?.isTheirStaff ?? false,
    hasBlockedSender: blockedMe.has(p.id),
    isBlockedBySender: blockedByMe.has(p.id),
  }));
}

/** The members named, each one checked: who they are and whether the viewer may write to them. */
export async function requireRecipients(db: Db, viewer: Viewer, recipients: string[]) {
  const handles = recipientHandles(recipients);
  if (handles.length === 0) throw recipientsError('invalid_input', 'messages.error.noRecipient');
  if (handles.length > MAX_RECIPIENTS)
    throw recipientsError('invalid_input', 'messages.error.tooManyRecipients', {
      max: MAX_RECIPIENTS,
      count: handles.length,
    });
  if (handles.includes(viewer.handle))
    throw recipientsError('invalid_input', 'messages.error.self');
  const accounts = await findAccountsByHandles(db, handles);
  const byHandle = new Map(accounts.filter((a) => a.deleted_at === null).map((a) => [a.handle, a]));
  const unknown = handles.find((h) => !byHandle.has(h));
  if (unknown !== undefined)
    throw recipientsError('invalid_input', 'messages.error.unknownRecipient', {
      name: `@${unknown}`,
    });
  const people = handles.map((h) => byHandle.get(h)).filter((p) => p !== undefined);
  const facts = await recipientFacts(db, viewer, people);
  for (const [i, r] of facts.entries()) {
    const why = refusalToWrite(viewer, r);
    if (why) {
      const { code, messageKey } = refusals[why];
      throw recipientsError(code, messageKey, { name: `@${people[i]?.handle ?? ''}` });
    }
  }
  return { people, facts };
}

/** On a member's profile: whether the viewer may write to them, and whether they blocked them. */
export async function messagingWith(
  s: Store,
  viewer: Viewer,
  member: { id: number; isSystem: boolean },
): Promise<{ canWrite: boolean; blocked: boolean }> {
  const [facts] = await recipientFacts(s.db, viewer, [
    { id: member.id, is_system: member.isSystem ? 1 : 0 },
  ]);
  return {
    canWrite: facts !== undefined && refusalToWrite(viewer, facts) === null,
    blocked: facts?.isBlockedBySender ?? false,
  };
}
