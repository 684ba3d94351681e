import type { Db } from '../db/index.js';

/** Blocks `blockedId` for `blockerId`; whether it is new (blocking twice changes nothing). */
export async function insertBlock(
  db: Db,
  blockerId: number,
  blockedId: number,
  at: number,
): Promise<boolean> {
  const result = await db
    .insertInto('member_blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: at })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteBlock(db: Db, blockerId: number, blockedId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('member_blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The members `blockerId` blocked, most recent first. */
export function blocksBy(db: Db, blockerId: number) {
  return db
    .selectFrom('member_blocks')
    .select(['blocked_id', 'created_at'])
    .where('blocker_id', '=', blockerId)
    .orderBy('created_at', 'desc')
    .orderBy('blocked_id')
    .execute();
}

/** Of `blockerIds`, those who blocked `blockedId`. */
export async function blockersAmong(
  db: Db,
  blockedId: number,
  blockerIds: number[],
): Promise<Set<number>> {
  if (blockerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('member_blocks')
    .select('blocker_id')
    .where('blocked_id', '=', blockedId)
    .where('blocker_id', 'in', blockerIds)
    .execute();
  return new Set(rows.map((r) => r.blocker_id));
}

/** Of `blockedIds`, those `blockerId` blocked. */
export async function blockedAmong(
  db: Db,
  blockerId: number,
  blockedIds: number[],
): Promise<Set<number>> {
  if (blockedIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('member_blocks')
    .select('blocked_id')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', 'in', blockedIds)
    .execute();
  return new Set(rows.map((r) => r.blocked_id));
}

/** Every block by or of a member: their account is deleted. */
export async function deleteBlocksOf(db: Db, userId: number): Promise<void> {
  await db
    .deleteFrom('member_blocks')
    .where((eb) => eb.or([eb('blocker_id', '=', userId), eb('blocked_id', '=', userId)]))
    .execute();
}
