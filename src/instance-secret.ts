import { randomBytes } from 'node:crypto';
import type { Store } from './db/index.js';

/**
 * The key that signs cookies. SESSION_SECRET wins; otherwise one is made on first start
 * and kept in the database, so every instance sharing the database agrees on it.
 */
export async function instanceSecret(
  store: Store,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  const existing = await store.db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'cookie_secret')
    .executeTakeFirst();
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64url');
  await store.db
    .insertInto('instance_settings')
    .values({ key: 'cookie_secret', value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await store.db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'cookie_secret')
    .executeTakeFirstOrThrow();
  return stored.value;
}
