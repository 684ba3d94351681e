import { createAdmin } from '../src/accounts/index.js';
import { Client } from './client.js';
import type { TestApp } from './harness.js';

export const PASSWORD = 'correct-horse-battery';
let counter = 0;

/** A signed-up member with a cookie session, through the real sign-up API. */
export async function newMember(t: TestApp, displayName = `Membre ${++counter}`) {
  const client = new Client(t.url);
  const email = `m${++counter}-${Date.now()}@example.test`;
  const res = await client.api<{ user: { id: number; handle: string } }>('POST', '/auth/signup', {
    email,
    password: PASSWORD,
    displayName,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(res.body)}`);
  return { client, email, id: res.body.user.id, handle: res.body.user.handle };
}

export async function newAdmin(t: TestApp) {
  const email = `admin${++counter}@example.test`;
  const { userId } = await createAdmin(t.store, {
    email,
    password: PASSWORD,
    displayName: 'Camille Admin',
  });
  const client = new Client(t.url);
  const res = await client.api('POST', '/auth/signin', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error('admin sign-in failed');
  return { client, email, id: userId };
}

export const charter = '1. Bienveillance envers chacun.\n2. Pas de publicité.';

export async function newCommunity(
  admin: Client,
  visibility: 'public' | 'private' | 'invite_only' = 'public',
  slug = `c${++counter}`,
) {
  const res = await admin.api<{ community: { id: number; slug: string } }>('POST', '/communities', {
    slug,
    name: `Communauté ${slug}`,
    purpose: 'Entraide entre bénévoles des associations.',
    typology: 'internal_community',
    visibility,
    charter,
  });
  if (res.status !== 201) throw new Error(`community failed: ${JSON.stringify(res.body)}`);
  return res.body.community;
}

export async function join(client: Client, communityId: number, charterVersion = 1) {
  return client.api<{ status: string }>('POST', `/communities/${communityId}/join`, {
    charterVersion,
  });
}

export async function countRows(
  t: TestApp,
  table:
    | 'topics'
    | 'replies'
    | 'activity_log'
    | 'communities'
    | 'memberships'
    | 'reactions'
    | 'users'
    | 'groups',
) {
  const row = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
