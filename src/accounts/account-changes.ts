import { recordActivity } from '../activity/index.js';
import { isUniqueViolation, now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { assertUncommonPassword } from './common-passwords.js';
import * as credentials from './credentials-store.js';
import { setNewPassword } from './new-password.js';
import type { Outbox } from './outbox.js';
import type { ChangeEmailInput, ChangePasswordInput } from './schemas.js';
import {
  hashPassword,
  hashToken,
  newToken,
  unboundedHasher,
  verifyPassword,
  type PasswordHasher,
} from './secrets.js';
import * as store from './store.js';

const EMAIL_CHANGE_HOURS = 24;

/** The viewer's account, once they proved they know its password (a stolen session is not enough). */
export async function unsafeAccountAfterPassword(
  s: Store,
  viewer: Viewer,
  currentPassword: string,
) {
  const user = await store.findUserById(s.db, viewer.id);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.password_hash, currentPassword)))
    throw new AppError('invalid_input', {
      field: 'currentPassword',
      messageKey: 'accounts.password.wrongCurrent',
    });
  return user;
}

/**
 * Changes the viewer's password. Every other session is closed and every access token revoked;
 * `keptSession` is the session the change was made from, which stays open.
 */
export async function changePassword(
  s: Store,
  viewer: Viewer,
  input: ChangePasswordInput,
  keptSession: string | undefined,
  hasher: PasswordHasher = unboundedHasher,
): Promise<void> {
  await assertUncommonPassword(input.newPassword, 'newPassword');
  const user = await unsafeAccountAfterPassword(s, viewer, input.currentPassword);
  const passwordHash = await hasher.inSlot(() => hashPassword(input.newPassword));
  await s.db.transaction().execute(async (trx) => {
    const at = now();
    const kept = keptSession ? hashToken(keptSession) : undefined;
    await setNewPassword(trx, user.id, passwordHash, at, kept);
    await recordActivity(trx, {
      actorId: user.id,
      communityId: null,
      kind: 'user.password_changed',
      at,
    });
  });
}

/**
 * Starts an address change: a link goes to the new address, and the old one is told. Nothing
 * changes until the link is used; a newer request replaces an older one.
 */
export async function requestEmailChange(
  s: Store,
  outbox: Outbox,
  viewer: Viewer,
  input: ChangeEmailInput,
): Promise<{ newEmail: string; expiresAt: number }> {
  const user = await unsafeAccountAfterPassword(s, viewer, input.currentPassword);
  if (input.email === user.email)
    throw new AppError('invalid_input', { field: 'email', messageKey: 'accounts.email.same' });
  if (await store.findUserByEmail(s.db, input.email))
    throw new AppError('email_taken', { field: 'email' });
  const token = newToken();
  const at = now();
  const expiresAt = at + EMAIL_CHANGE_HOURS * 3_600_000;
  await s.db.transaction().execute(async (trx) => {
    await credentials.deleteEmailChangesOf(trx, user.id);
    await credentials.insertEmailChange(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      newEmail: input.email,
      at,
      expiresAt,
    });
  });
  const { t } = outbox;
  const link = `${outbox.publicUrl}/account/email/confirm?token=${encodeURIComponent(token)}`;
  outbox.later.run('email change mails', async () => {
    await outbox.mailer.send({
      to: input.email,
      subject: t('accounts.email.mailSubject'),
      text: t('accounts.email.mailBody', { link }),
    });
    await outbox.mailer.send({
      to: user.email,
      subject: t('accounts.email.noticeSubject'),
      text: t('accounts.email.noticeBody', { email: input.email }),
    });
  });
  return { newEmail: input.email, expiresAt };
}

/** Applies an address change with the link sent to the new address. */
export async function confirmEmailChange(s: Store, token: string): Promise<void> {
  try {
    await s.db.transaction().execute(async (trx) => {
      const at = now();
      const change = await credentials.findUsableEmailChange(trx, hashToken(token), at);
      if (!change)
        throw new AppError('invalid_input', {
          field: 'token',
          messageKey: 'accounts.email.invalidToken',
        });
      if (await store.findUserByEmail(trx, change.new_email))
        throw new AppError('email_taken', { field: 'email' });
      await store.updateUser(trx, change.user_id, { email: change.new_email }, at);
      await credentials.deleteEmailChangesOf(trx, change.user_id);
      // Reset links went to the old address.
      await credentials.deletePasswordResetsOf(trx, change.user_id);
      await recordActivity(trx, {
        actorId: change.user_id,
        communityId: null,
        kind: 'user.email_changed',
        at,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('email_taken', { field: 'email' });
    throw err;
  }
}

/** The address change waiting for its link, to show on the account page. */
export function pendingEmailChange(s: Store, viewer: Viewer) {
  return credentials.findPendingEmailChange(s.db, viewer.id, now());
}
