import { findUsersByIds } from '../accounts/index.js';
import type { Db } from '../db/index.js';

export type Names = Map<number, { handle: string; displayName: string; deletedAt: number | null }>;

/** Names of members for pages and the API; a former member's has `deletedAt` set. */
export async function namesOf(db: Db, ids: Iterable<number>): Promise<Names> {
  const rows = await findUsersByIds(db, [...new Set(ids)]);
  return new Map(
    rows.map((u) => [
      u.id,
      { handle: u.handle, displayName: u.display_name, deletedAt: u.deleted_at },
    ]),
  );
}
