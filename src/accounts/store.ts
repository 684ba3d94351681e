import type { Selectable } from 'kysely';
import {
  bulkInsert,
  chunks,
  reserveIds,
  type BulkColumns,
  type Database,
  type Db,
  type Store,
} from '../db/index.js';
import { NO_PASSWORD } from './secrets.js';

export type UserRow = Selectable<Database['users']>;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByHandle(db: Db, handle: string) {
  return db.selectFrom('users').selectAll().where('handle', '=', handle).executeTakeFirst();
}

/** A member's profile, unless the account was deleted (its tombstone has none). */
export function findLiveUserByHandle(db: Db, handle: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('handle', '=', handle)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findUsersByHandles(db: Db, handles: string[]) {
  if (handles.length === 0) return [];
  return db.selectFrom('users').select(['id', 'handle']).where('handle', 'in', handles).execute();
}

/** findUsersByHandles without former members: their tombstone is nobody to invite. */
export async function findLiveUsersByHandles(db: Db, handles: string[]) {
  if (handles.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'handle'])
    .where('handle', 'in', handles)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Names of members for lists; a former member's row has `deleted_at` set and no name. */
export async function findUsersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'locale', 'deleted_at'])
    .where('id', 'in', ids)
    .execute();
}

export async function handlesStartingWith(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('handle')
    .where('handle', 'like', `${base}%`)
    .execute();
  return rows.map((r) => r.handle);
}

/** An account to create, as the service and the importers describe it. */
export interface NewUser {
  email: string;
  handle: string;
  passwordHash: string;
  displayName: string;
  isAdmin: boolean;
  /** An imported site's bot or deleted authors' account (users.is_system). */
  isSystem?: boolean;
  at: number;
  bio?: string;
}

function toRow(user: NewUser) {
  return {
    email: user.email,
    handle: user.handle,
    password_hash: user.passwordHash,
    display_name: user.displayName,
    bio: user.bio ?? '',
    locale: null,
    is_admin: user.isAdmin ? 1 : 0,
    is_system: user.isSystem ? 1 : 0,
    created_at: user.at,
    updated_at: user.at,
  };
}

export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values(toRow(user))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const USER_COLUMNS: BulkColumns<ReturnType<typeof toRow> & { id: number }> = {
  id: 'bigint',
  email: 'text',
  handle: 'text',
  password_hash: 'text',
  display_name: 'text',
  bio: 'text',
  locale: 'text',
  is_admin: 'integer',
  is_system: 'integer',
  created_at: 'bigint',
  updated_at: 'bigint',
};

/**
 * insertUser for many accounts (importers, the demo); returns handle → id. The ids are reserved
 * first and the rows written in bulk: an imported site brings every registered user, often
 * more accounts than posts.
 */
export async function insertUsers(
  s: Store,
  trx: Db,
  users: NewUser[],
): Promise<Map<string, number>> {
  const ids = await reserveIds(trx, s.dialect, 'users', users.length);
  const rows = users.map((u, i) => ({ ...toRow(u), id: ids[i] ?? 0 }));
  await bulkInsert(s, trx, 'users', USER_COLUMNS, rows);
  return new Map(rows.map((r) => [r.handle, r.id]));
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<
    Pick<
      UserRow,
      'email' | 'display_name' | 'handle' | 'bio' | 'locale' | 'password_hash' | 'is_admin'
    >
  >,
  at: number,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Replaces a password hash made with older parameters by one of today's, unless the password
 * changed meanwhile (a reset): the new hash is of the password that was just checked.
 */
export async function upgradePasswordHash(
  db: Db,
  id: number,
  oldHash: string,
  hash: string,
): Promise<void> {
  // `updated_at` is left alone: the member changed nothing.
  await db
    .updateTable('users')
    .set({ password_hash: hash })
    .where('id', '=', id)
    .where('password_hash', '=', oldHash)
    .execute();
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; at: number; expiresAt: number },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      created_at: s.at,
      expires_at: s.expiresAt,
    })
    .execute();
}

export function findSessionUser(db: Db, tokenHash: string, at: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.handle',
      'users.display_name',
      'users.is_admin',
      'users.locale',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('users.deleted_at', 'is', null)
    .where('sessions.expires_at', '>', at)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOf(db: Db, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Every session of the member but the one given (the page a password was changed from). */
export async function deleteOtherSessionsOf(db: Db, userId: number, keptTokenHash: string) {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('token_hash', '!=', keptTokenHash)
    .execute();
}

export async function listAdminIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('is_admin', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** The system accounts: imported sites' bots and deleted authors' accounts, never members. */
export async function listSystemIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('is_system', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** Asks for the account's deletion, or (null) cancels the request. */
export async function setDeletionRequest(
  db: Db,
  userId: number,
  request: { at: number; posts: 'keep' | 'delete' } | null,
) {
  await db
    .updateTable('users')
    .set({ deletion_requested_at: request?.at ?? null, deletion_posts: request?.posts ?? null })
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Accounts whose deletion was asked for before `before` and is not carried out yet. */
export function listDueDeletions(db: Db, before: number) {
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'deletion_posts', 'deletion_requested_at'])
    .where('deletion_requested_at', '<=', before)
    .where('deleted_at', 'is', null)
    .orderBy('deletion_requested_at')
    .orderBy('id')
    .execute();
}

/**
 * Turns an account into the tombstone of its activity: no name, no address, no way in. The id
 * stays, so the activity log's rows (and the cockpit's past figures) stay as they were.
 */
export async function anonymiseUser(
  db: Db,
  userId: number,
  tombstone: { email: string; handle: string },
  at: number,
  dueBefore: number,
): Promise<boolean> {
  // The condition is checked by the update itself: a sign-in that cancelled the request just
  // before (its row lock on PostgreSQL) leaves the account alone.
  const result = await db
    .updateTable('users')
    .set({
      email: tombstone.email,
      handle: tombstone.handle,
      display_name: '',
      bio: '',
      locale: null,
      is_admin: 0,
      password_hash: NO_PASSWORD,
      deleted_at: at,
      updated_at: at,
    })
    .where('id', '=', userId)
    .where('deletion_requested_at', '<=', dueBefore)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The live accounts among these ids, as permission questions see them: id and admin flag. */
export async function findReadersByIds(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; isAdmin: boolean }[]> {
  const out: { id: number; isAdmin: boolean }[] = [];
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'is_admin'])
      .where('id', 'in', part)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of rows) out.push({ id: r.id, isAdmin: r.is_admin === 1 });
  }
  return out;
}

/** Where and in which words to email a live member: their address, language, name and role. */
export async function findMailRecipient(db: Db, id: number) {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'locale', 'display_name', 'handle', 'is_admin', 'is_system'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.is_system === 1) return undefined;
  return {
    id: row.id,
    email: row.email,
    locale: row.locale,
    displayName: row.display_name,
    handle: row.handle,
    isAdmin: row.is_admin === 1,
  };
}

/**
 * Accounts by handle with what decides whether they can be written to or write (private
 * messages): system accounts and former members are nobody's correspondents.
 */
export async function findAccountsByHandles(db: Db, handles: string[]) {
  if (handles.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'is_system', 'deleted_at', 'created_at'])
    .where('handle', 'in', handles)
    .execute();
}
