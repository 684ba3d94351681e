import type { Db } from '../db/index.js';
import { animatorsBehind, teamAccountsOf } from '../teams/index.js';

/**
 * Whom a member reads and is written to as: themselves, and every team voice they are one of —
 * a team's conversations are those of each of its animators (decision 010).
 */
export async function seatsOf(db: Db, userId: number): Promise<number[]> {
  return [userId, ...(await teamAccountsOf(db, userId)).map((t) => t.accountId)];
}

/** The members these seats stand for: a team's account becomes each of its animators. */
export async function peopleBehind(db: Db, seatIds: number[]): Promise<Map<number, number[]>> {
  const behind = await animatorsBehind(db, seatIds);
  return new Map(
    seatIds.map((id) => {
      const animators = behind.filter((b) => b.accountId === id).map((b) => b.userId);
      return [id, animators.length > 0 ? animators : [id]];
    }),
  );
}
