import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import * as credentials from './credentials-store.js';
import { hashToken, newToken } from './secrets.js';

/** A token's last use is written at most this often, so reading with a token writes nothing. */
const LAST_USE_GRAIN = 60_000;

export function isLastUseStale(lastUsedAt: number | null, at: number): boolean {
  return lastUsedAt === null || at - lastUsedAt >= LAST_USE_GRAIN;
}

/** Creates a personal access token; the secret is returned this once and only its hash kept. */
export async function createApiToken(
  s: Store,
  userId: number,
  name: string,
  expiresAt: number | null = null,
): Promise<{ id: number; token: string; row: credentials.ApiTokenRow }> {
  const at = now();
  if (expiresAt !== null && expiresAt <= at)
    throw new AppError('invalid_input', {
      field: 'expiresAt',
      messageKey: 'accounts.tokens.expiryPast',
    });
  const token = newToken('ruche_');
  const id = await credentials.insertApiToken(s.db, {
    userId,
    name,
    tokenHash: hashToken(token),
    at,
    expiresAt,
  });
  const row = {
    id,
    user_id: userId,
    name,
    created_at: at,
    last_used_at: null,
    expires_at: expiresAt,
  };
  return { id, token, row };
}

export function listApiTokens(s: Store, viewer: Viewer) {
  return credentials.listApiTokens(s.db, viewer.id);
}

/** Revokes one of the viewer's tokens; someone else's is "not found", as a missing one. */
export async function revokeApiToken(s: Store, viewer: Viewer, id: number): Promise<void> {
  if (!(await credentials.deleteApiToken(s.db, viewer.id, id))) throw new AppError('not_found');
}
