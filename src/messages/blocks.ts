import { findAccountsByHandles } from '../accounts/index.js';
import { now, type Db, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import * as store from './blocks-store.js';
import { namesOf } from './names.js';
import { recipientHandles } from './recipients.js';

/** The live member a handle names, or the input error about the `handle` field. */
async function requireMember(db: Db, viewer: Viewer, handle: string) {
  // One handle, as typed: "@ana" or "ana"; "ana bruno" names nobody.
  const handles = recipientHandles([handle]);
  const wanted = handles.length === 1 ? handles[0] : undefined;
  const [member] = wanted === undefined ? [] : await findAccountsByHandles(db, [wanted]);
  if (!member || member.deleted_at !== null)
    throw new AppError('invalid_input', {
      field: 'handle',
      messageKey: 'messages.error.unknownRecipient',
      params: { name: `@${wanted ?? handle.trim()}` },
    });
  if (member.id === viewer.id)
    throw new AppError('invalid_input', {
      field: 'handle',
      messageKey: 'messages.error.blockSelf',
    });
  return member;
}

/**
 * The viewer blocks a member: from now on that member can write them no private message (nor
 * answer in a conversation they share), and their mentions notify the viewer no more.
 * Blocking twice changes nothing. Returns the member's handle.
 */
export async function blockMember(s: Store, viewer: Viewer, handle: string): Promise<string> {
  const member = await requireMember(s.db, viewer, handle);
  await store.insertBlock(s.db, viewer.id, member.id, now());
  return member.handle;
}

export async function unblockMember(s: Store, viewer: Viewer, handle: string): Promise<string> {
  const member = await requireMember(s.db, viewer, handle);
  await store.deleteBlock(s.db, viewer.id, member.id);
  return member.handle;
}

/** The members the viewer blocked, most recent first, with their names. */
export async function listBlocks(s: Store, viewer: Viewer) {
  const rows = await store.blocksBy(s.db, viewer.id);
  const names = await namesOf(
    s.db,
    rows.map((r) => r.blocked_id),
  );
  return rows.flatMap((r) => {
    const name = names.get(r.blocked_id);
    return name && name.deletedAt === null ? [{ ...name, blockedAt: r.created_at }] : [];
  });
}

/** Whether `blockerId` blocked `blockedId`: then `blockedId` neither writes to nor notifies them. */
export async function isBlocked(db: Db, blockerId: number, blockedId: number): Promise<boolean> {
  return (await store.blockersAmong(db, blockedId, [blockerId])).has(blockerId);
}

/**
 * The batch form: of `userIds`, those who blocked `actorId` — the members a mention (or any
 * notification) by `actorId` must not reach. One query whatever the number of ids.
 */
export function whoBlocked(db: Db, actorId: number, userIds: number[]): Promise<Set<number>> {
  return store.blockersAmong(db, actorId, [...new Set(userIds)]);
}

/** Whether the viewer blocked the member `memberId` (their profile shows block or unblock). */
export async function hasBlocked(db: Db, viewer: Viewer, memberId: number): Promise<boolean> {
  return isBlocked(db, viewer.id, memberId);
}
