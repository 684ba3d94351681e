import { recordActivity } from '../activity/index.js';
import { now, type Store } from '../db/index.js';
import { AppError } from '../http/index.js';
import { assertUncommonPassword } from './common-passwords.js';
import * as credentials from './credentials-store.js';
import { setNewPassword } from './new-password.js';
import type { Outbox } from './outbox.js';
import {
  hashPassword,
  hashToken,
  newToken,
  unboundedHasher,
  type PasswordHasher,
} from './secrets.js';
import * as store from './store.js';

const RESET_MINUTES = 60;

/**
 * Asks for a reset link and returns at once: finding the account, storing the link and mailing
 * it run after the answer, so its delay is the same for a known address and an unknown one.
 */
export function requestPasswordReset(s: Store, outbox: Outbox, email: string): void {
  outbox.later.run('password reset mail', () => sendPasswordReset(s, outbox, email));
}

async function sendPasswordReset(s: Store, outbox: Outbox, email: string): Promise<void> {
  const user = await store.findUserByEmail(s.db, email);
  if (!user) return;
  const token = newToken();
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    // Only the newest link works: an older one may sit in a mailbox someone else reads.
    await credentials.deletePasswordResetsOf(trx, user.id);
    await credentials.insertPasswordReset(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      at,
      expiresAt: at + RESET_MINUTES * 60_000,
    });
  });
  const link = `${outbox.publicUrl}/password/reset?token=${encodeURIComponent(token)}`;
  await outbox.mailer.send({
    to: user.email,
    subject: outbox.t('accounts.reset.mailSubject'),
    text: outbox.t('accounts.reset.mailBody', { link }),
  });
}

function invalidResetLink(): AppError {
  return new AppError('invalid_input', {
    field: 'token',
    messageKey: 'accounts.reset.invalidToken',
  });
}

/**
 * Sets a new password with a reset link. Whoever held the old password is shut out: every
 * session, every access token, every other reset link and any pending email change go.
 * Returns whose password it was.
 */
export async function resetPassword(
  s: Store,
  token: string,
  password: string,
  hasher: PasswordHasher = unboundedHasher,
): Promise<number> {
  await assertUncommonPassword(password, 'password');
  // The link is checked before the costly hash, and again in the transaction that uses it.
  if (!(await credentials.findUsablePasswordReset(s.db, hashToken(token), now())))
    throw invalidResetLink();
  const passwordHash = await hasher.inSlot(() => hashPassword(password));
  return s.db.transaction().execute(async (trx) => {
    const at = now();
    const reset = await credentials.findUsablePasswordReset(trx, hashToken(token), at);
    if (!reset) throw invalidResetLink();
    await setNewPassword(trx, reset.user_id, passwordHash, at);
    await recordActivity(trx, {
      actorId: reset.user_id,
      communityId: null,
      kind: 'user.password_reset',
      at,
    });
    return reset.user_id;
  });
}
