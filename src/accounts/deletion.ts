import { randomBytes } from 'node:crypto';
import { now, type Db, type Store } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import { formatDate, type Locale } from '../i18n/index.js';
import { unsafeAccountAfterPassword } from './account-changes.js';
import * as credentials from './credentials-store.js';
import type { Outbox } from './outbox.js';
import type { DeletionInput } from './schemas.js';
import * as store from './store.js';

const DAY = 86_400_000;
/** How long a member has to change their mind: signing in before it cancels the deletion. */
export const DELETION_GRACE_DAYS = 14;

/** Every way into the account: sessions, access tokens, reset links, a pending address change. */
async function closeEveryWayIn(trx: Db, userId: number) {
  await store.deleteSessionsOf(trx, userId);
  await credentials.deleteApiTokensOf(trx, userId);
  await credentials.deletePasswordResetsOf(trx, userId);
  await credentials.deleteEmailChangesOf(trx, userId);
}

/**
 * Asks for the viewer's account to be deleted once the grace period is over. Every session and
 * token stops at once; signing in again before the date cancels the request. The member is
 * mailed the date and how to cancel.
 */
export async function requestAccountDeletion(
  s: Store,
  outbox: Outbox,
  locale: Locale,
  viewer: Viewer,
  input: DeletionInput,
): Promise<{ deleteAfter: number }> {
  const user = await unsafeAccountAfterPassword(s, viewer, input.currentPassword);
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.setDeletionRequest(trx, user.id, { at, posts: input.posts });
    await closeEveryWayIn(trx, user.id);
  });
  const deleteAfter = at + DELETION_GRACE_DAYS * DAY;
  const { t } = outbox;
  const date = formatDate(locale, deleteAfter);
  outbox.later.run('account deletion mail', () =>
    outbox.mailer.send({
      to: user.email,
      subject: t('accounts.deletion.mailSubject'),
      text: t(
        input.posts === 'delete'
          ? 'accounts.deletion.mailBodyDelete'
          : 'accounts.deletion.mailBodyKeep',
        { date, signin: `${outbox.publicUrl}/signin` },
      ),
    }),
  );
  return { deleteAfter };
}

/** Signing in during the grace period cancels the deletion; whether there was one to cancel. */
export async function cancelDeletionOnSignIn(
  trx: Db,
  user: { id: number; deletion_requested_at: number | null },
): Promise<boolean> {
  if (user.deletion_requested_at === null) return false;
  await store.setDeletionRequest(trx, user.id, null);
  return true;
}

/** Accounts whose grace period ended by `at`, with what becomes of their posts. */
export async function dueAccountDeletions(db: Db, at: number) {
  const rows = await store.listDueDeletions(db, at - DELETION_GRACE_DAYS * DAY);
  return rows.map((r) => ({
    userId: r.id,
    handle: r.handle,
    deletePosts: r.deletion_posts === 'delete',
  }));
}

/**
 * Anonymises the account in the transaction `trx`, if its deletion is still due at `at`: its row
 * becomes the tombstone of its activity rows (same id, no name, an address nobody reads, which
 * frees the real one). Returns the tombstone's handle, which replaces the old one in other
 * members' mentions; null when the request was cancelled meanwhile.
 */
export async function anonymiseAccount(
  trx: Db,
  userId: number,
  at: number,
): Promise<string | null> {
  // Random: nothing in it leads back to the member (`.invalid` is a name that never resolves).
  const handle = `anon-${randomBytes(5).toString('hex')}`;
  const tombstone = { email: `${handle}@deleted.invalid`, handle };
  const dueBefore = at - DELETION_GRACE_DAYS * DAY;
  if (!(await store.anonymiseUser(trx, userId, tombstone, at, dueBefore))) return null;
  await closeEveryWayIn(trx, userId);
  return handle;
}
