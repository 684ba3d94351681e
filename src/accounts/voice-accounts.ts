import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import { freeHandle } from './handles.js';
import { NO_PASSWORD } from './secrets.js';
import { insertUser } from './store.js';

/**
 * The account a team voice (src/teams) speaks through: posts and messages written as the team
 * carry its id, so every page, answer, search result and notification names the team and no
 * animator. Nobody signs in to it: no password matches, and its address reaches no one.
 */
export async function createVoiceAccount(
  trx: Db,
  v: { displayName: string; at: number },
): Promise<{ id: number; handle: string }> {
  const handle = await freeHandle(trx, v.displayName);
  const id = await insertUser(trx, {
    email: `voice-${randomBytes(8).toString('hex')}@voices.invalid`,
    handle,
    passwordHash: NO_PASSWORD,
    displayName: v.displayName,
    bio: '',
    isAdmin: false,
    at: v.at,
  });
  return { id, handle };
}
