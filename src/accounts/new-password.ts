import type { Db } from '../db/index.js';
import * as credentials from './credentials-store.js';
import * as store from './store.js';

/**
 * Sets a new password hash, and shuts out whoever held the old password: every session (but
 * the one the change was made from, if any), every access token, every reset link and any
 * pending address change go.
 */
export async function setNewPassword(
  trx: Db,
  userId: number,
  passwordHash: string,
  at: number,
  keptSessionHash?: string,
): Promise<void> {
  await store.updateUser(trx, userId, { password_hash: passwordHash }, at);
  if (keptSessionHash) await store.deleteOtherSessionsOf(trx, userId, keptSessionHash);
  else await store.deleteSessionsOf(trx, userId);
  await credentials.deleteApiTokensOf(trx, userId);
  await credentials.deletePasswordResetsOf(trx, userId);
  await credentials.deleteEmailChangesOf(trx, userId);
}
