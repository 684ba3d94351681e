import type { Selectable } from 'kysely';
import {
  bulkInsert,
  reserveIds,
  type BulkColumns,
  type Database,
  type Db,
  type Store,
} from '../db/index.js';

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

export async function findUsersByHandles(db: Db, handles: string[]) {
  if (handles.length === 0) return [];
  return db.selectFrom('users').select(['id', 'handle']).where('handle', 'in', handles).execute();
}

export async function findUsersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name'])
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
    .select(['users.id', 'users.handle', 'users.display_name', 'users.is_admin', 'users.locale'])
    .where('sessions.token_hash', '=', tokenHash)
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
