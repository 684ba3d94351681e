import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/**
 * The stored hash of an account nobody signs in to (imported members, whose addresses reach no
 * one): no password matches it, and no argon2 run is spent on making it.
 */
export const NO_PASSWORD = '!';

let decoyHash: Promise<string> | undefined;

/**
 * Whether `password` matches `hash`. Without a real hash (an unknown address, an account
 * without a password) a decoy is checked, so the answer takes as long either way.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null || hash === NO_PASSWORD) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A random bearer secret; only its hash is ever stored. */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
