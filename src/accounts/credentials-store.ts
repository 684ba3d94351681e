import type { Selectable } from 'kysely';
import type { Database, Db } from '../db/index.js';

/** Personal access tokens, reset links and pending email changes: secrets stored as hashes. */

export type ApiTokenRow = Omit<Selectable<Database['api_tokens']>, 'token_hash'>;

export async function insertApiToken(
  db: Db,
  t: { userId: number; name: string; tokenHash: string; at: number; expiresAt: number | null },
) {
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      created_at: t.at,
      last_used_at: null,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The member a bearer token acts for, unless it expired. */
export function findTokenUser(db: Db, tokenHash: string, at: number) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
      'users.id',
      'users.handle',
      'users.display_name',
      'users.is_admin',
      'users.locale',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('users.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', at)]),
    )
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: number, at: number) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function listApiTokens(db: Db, userId: number): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Whether a token of this member was deleted (a token of someone else is left alone). */
export async function deleteApiToken(db: Db, userId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('api_tokens')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteApiTokensOf(db: Db, userId: number) {
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
}

export async function insertPasswordReset(
  db: Db,
  r: { tokenHash: string; userId: number; at: number; expiresAt: number },
) {
  await db
    .insertInto('password_resets')
    .values({
      token_hash: r.tokenHash,
      user_id: r.userId,
      created_at: r.at,
      expires_at: r.expiresAt,
      used_at: null,
    })
    .execute();
}

export function findUsablePasswordReset(db: Db, tokenHash: string, at: number) {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', at)
    .where('used_at', 'is', null)
    .executeTakeFirst();
}

/** Every reset link of the member, used or not: none of them opens the account any more. */
export async function deletePasswordResetsOf(db: Db, userId: number) {
  await db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
}

export async function insertEmailChange(
  db: Db,
  c: { tokenHash: string; userId: number; newEmail: string; at: number; expiresAt: number },
) {
  await db
    .insertInto('email_changes')
    .values({
      token_hash: c.tokenHash,
      user_id: c.userId,
      new_email: c.newEmail,
      created_at: c.at,
      expires_at: c.expiresAt,
    })
    .execute();
}

export function findUsableEmailChange(db: Db, tokenHash: string, at: number) {
  return db
    .selectFrom('email_changes')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', at)
    .executeTakeFirst();
}

/** The change waiting for its link, if any (a newer request replaces an older one). */
export function findPendingEmailChange(db: Db, userId: number, at: number) {
  return db
    .selectFrom('email_changes')
    .select(['new_email', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', at)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function deleteEmailChangesOf(db: Db, userId: number) {
  await db.deleteFrom('email_changes').where('user_id', '=', userId).execute();
}
