import type { Db, Store } from '../db/index.js';
import { isUniqueViolation, now } from '../db/index.js';
import { recordActivity } from '../activity/index.js';
import { AppError, rateLimited, type Viewer } from '../http/index.js';
import { assertUncommonPassword } from './common-passwords.js';
import type { KnownDevice } from './cookies.js';
import { findTokenUser, touchApiToken } from './credentials-store.js';
import { cancelDeletionOnSignIn } from './deletion.js';
import { defaultGuards, type AuthGuards } from './guards.js';
import { freeHandle } from './handles.js';
import type { ProfileInput, SignInInput, SignUpInput } from './schemas.js';
import {
  hashPassword,
  hashToken,
  isOutdatedHash,
  newToken,
  verifyPassword,
  type PasswordHasher,
} from './secrets.js';
import { failureKey, forgetFailures, takeAttempt, waitBeforeAttempt } from './sign-in-throttle.js';
import * as store from './store.js';
import { isLastUseStale } from './tokens.js';

const SESSION_DAYS = 30;
const DAY = 86_400_000;

async function openSession(db: Db, userId: number): Promise<string> {
  const token = newToken();
  const at = now();
  await store.insertSession(db, {
    tokenHash: hashToken(token),
    userId,
    at,
    expiresAt: at + SESSION_DAYS * DAY,
  });
  return token;
}

export interface SignedIn {
  userId: number;
  sessionToken: string;
  /** The browser's device cookie, to set (again): it now knows this account. */
  device: KnownDevice;
}

export async function signUp(
  s: Store,
  input: SignUpInput,
  guards: AuthGuards = defaultGuards,
): Promise<SignedIn> {
  await assertUncommonPassword(input.password, 'password');
  const passwordHash = await guards.passwords.inSlot(() => hashPassword(input.password));
  const at = now();
  try {
    const userId = await s.db.transaction().execute(async (trx) => {
      if (await store.findUserByEmail(trx, input.email))
        throw new AppError('email_taken', { field: 'email' });
      const handle = await freeHandle(trx, input.displayName);
      const id = await store.insertUser(trx, {
        ...input,
        handle,
        passwordHash,
        isAdmin: false,
        at,
      });
      await recordActivity(trx, {
        actorId: id,
        communityId: null,
        kind: 'user.signed_up',
        targetKind: 'user',
        targetId: id,
        at,
      });
      return id;
    });
    const sessionToken = await openSession(s.db, userId);
    return { userId, sessionToken, device: { userId, nonce: newToken() } };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('email_taken', { field: 'email' });
    throw err;
  }
}

/**
 * Checks the password under the account's growing delay (src/accounts/sign-in-throttle.ts):
 * failures count against the device cookie's own tally when the browser has signed in to this
 * account before, else against the address typed.
 * Signing in while the account's deletion waits for its date cancels it (`deletionCancelled`),
 * so the member can be told.
 */
export async function signIn(
  s: Store,
  input: SignInInput,
  options: { guards?: AuthGuards; device?: KnownDevice | undefined } = {},
): Promise<SignedIn & { deletionCancelled: boolean }> {
  const { passwords, throttle } = options.guards ?? defaultGuards;
  const user = await store.findUserByEmail(s.db, input.email);
  const device = user && options.device?.userId === user.id ? options.device : undefined;
  const key = failureKey(input.email, device?.nonce);
  // Too early: refused before queueing for a hash slot, and without checking the password.
  const early = await waitBeforeAttempt(s.db, key, now());
  if (early > 0) throw rateLimited(early, 'accounts.signin.delayed');
  const isRight = await passwords.inSlot(async () => {
    const wait = await takeAttempt(s.db, key, now(), throttle);
    if (wait > 0) throw rateLimited(wait, 'accounts.signin.delayed');
    return verifyPassword(user?.password_hash ?? null, input.password);
  });
  if (!user || !isRight) throw new AppError('bad_credentials');
  await forgetFailures(s.db, key);
  await upgradeOutdatedHash(s, passwords, user, input.password);
  const { sessionToken, deletionCancelled } = await s.db.transaction().execute(async (trx) => {
    const token = await openSession(trx, user.id);
    const cancelled = await cancelDeletionOnSignIn(trx, user);
    await recordActivity(trx, {
      actorId: user.id,
      communityId: null,
      kind: 'user.signed_in',
      at: now(),
    });
    return { sessionToken: token, deletionCancelled: cancelled };
  });
  return {
    userId: user.id,
    sessionToken,
    deletionCancelled,
    device: device ?? { userId: user.id, nonce: newToken() },
  };
}

/** A hash made with older parameters is made again from the password just checked. */
async function upgradeOutdatedHash(
  s: Store,
  passwords: PasswordHasher,
  user: { id: number; password_hash: string },
  password: string,
): Promise<void> {
  if (!isOutdatedHash(user.password_hash)) return;
  try {
    const hash = await passwords.inSlot(() => hashPassword(password));
    await store.upgradePasswordHash(s.db, user.id, user.password_hash, hash);
  } catch (err) {
    // A busy server signs the member in all the same; the hash is upgraded another time.
    if (!(err instanceof AppError && err.code === 'unavailable')) throw err;
  }
}

/** Closes a session; returns whose it was (null: none open), whose live streams then end. */
export async function signOut(s: Store, sessionToken: string): Promise<number | null> {
  const tokenHash = hashToken(sessionToken);
  return s.db.transaction().execute(async (trx) => {
    const user = await store.findSessionUser(trx, tokenHash, now());
    await store.deleteSession(trx, tokenHash);
    if (!user) return null;
    await recordActivity(trx, {
      actorId: user.id,
      communityId: null,
      kind: 'user.signed_out',
      at: now(),
    });
    return user.id;
  });
}

function toViewer(row: {
  id: number;
  handle: string;
  display_name: string;
  is_admin: number;
  locale: string | null;
}): Viewer {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    locale: row.locale === 'fr' || row.locale === 'en' ? row.locale : null,
  };
}

/**
 * Who a request acts for: a bearer token wins over the session cookie. `expiresAt`: when these
 * credentials stop holding (null: a token without an end).
 */
export async function resolveViewer(
  s: Store,
  credentials: { sessionToken?: string | undefined; bearer?: string | undefined },
): Promise<{ viewer: Viewer; via: 'cookie' | 'token'; expiresAt: number | null } | null> {
  if (credentials.bearer) {
    const at = now();
    const row = await findTokenUser(s.db, hashToken(credentials.bearer), at);
    if (!row) return null;
    if (isLastUseStale(row.last_used_at, at)) await touchApiToken(s.db, row.token_id, at);
    return { viewer: toViewer(row), via: 'token', expiresAt: row.expires_at };
  }
  if (credentials.sessionToken) {
    const row = await store.findSessionUser(s.db, hashToken(credentials.sessionToken), now());
    return row ? { viewer: toViewer(row), via: 'cookie', expiresAt: row.expires_at } : null;
  }
  return null;
}

/**
 * A live member as the viewer that work done on their behalf outside a request acts for (a
 * scheduled announcement goes out as its author); undefined once the account is gone.
 */
export async function viewerById(db: Db, userId: number): Promise<Viewer | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'is_admin', 'locale'])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? toViewer(row) : undefined;
}

export async function updateProfile(s: Store, viewer: Viewer, input: ProfileInput): Promise<void> {
  const changes: Parameters<typeof store.updateUser>[2] = {};
  if (input.displayName !== undefined) changes.display_name = input.displayName;
  if (input.bio !== undefined) changes.bio = input.bio;
  if (input.locale !== undefined) changes.locale = input.locale === '' ? null : input.locale;
  if (input.handle !== undefined && input.handle !== viewer.handle) {
    const owner = await store.findUserByHandle(s.db, input.handle);
    if (owner) throw new AppError('slug_taken', { field: 'handle' });
    changes.handle = input.handle;
  }
  try {
    await s.db.transaction().execute(async (trx) => {
      await store.updateUser(trx, viewer.id, changes, now());
      await recordActivity(trx, {
        actorId: viewer.id,
        communityId: null,
        kind: 'user.profile_updated',
        at: now(),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('slug_taken', { field: 'handle' });
    throw err;
  }
}

/** For the CLI: creates an admin, or promotes the account that already has this email. */
export async function createAdmin(
  s: Store,
  input: SignUpInput,
): Promise<{ userId: number; created: boolean }> {
  const existing = await store.findUserByEmail(s.db, input.email);
  if (existing) {
    await store.updateUser(s.db, existing.id, { is_admin: 1 }, now());
    return { userId: existing.id, created: false };
  }
  const passwordHash = await hashPassword(input.password);
  const handle = await freeHandle(s.db, input.displayName);
  const userId = await store.insertUser(s.db, {
    ...input,
    handle,
    passwordHash,
    isAdmin: true,
    at: now(),
  });
  return { userId, created: true };
}

export async function getProfile(s: Store, handle: string) {
  const user = await store.findLiveUserByHandle(s.db, handle.toLowerCase());
  if (!user) throw new AppError('not_found');
  return user;
}

export async function getOwnAccount(s: Store, userId: number) {
  const user = await store.findUserById(s.db, userId);
  if (!user) throw new AppError('unauthenticated');
  return user;
}
