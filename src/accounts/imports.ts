import { recordActivities } from '../activity/index.js';
import type { Db, Store } from '../db/index.js';
import { insertUsers } from './store.js';

export interface ImportedUser {
  email: string;
  handle: string;
  displayName: string;
  bio: string;
  passwordHash: string;
  isAdmin: boolean;
  /** A bot or the account standing for deleted authors: kept out of the cockpit's members. */
  isSystem?: boolean;
  createdAt: number;
}

/**
 * Bulk creation for the demo and importers: real past dates, one activity row each.
 * Returns handle → id.
 */
export async function importUsers(
  s: Store,
  trx: Db,
  users: ImportedUser[],
): Promise<Map<string, number>> {
  const ids = await insertUsers(
    s,
    trx,
    users.map((u) => ({ ...u, at: u.createdAt })),
  );
  await recordActivities(
    s,
    trx,
    users.map((u) => ({
      actorId: ids.get(u.handle) ?? null,
      communityId: null,
      kind: 'user.signed_up' as const,
      targetKind: 'user',
      targetId: ids.get(u.handle) ?? null,
      at: u.createdAt,
    })),
  );
  return ids;
}
