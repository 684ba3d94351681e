import { createAdmin } from '../src/accounts/index.js';
import type { MailMessage } from '../src/mail/index.js';
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

/**
 * The mails sent to `to`, once there are `count` of them: account mails leave after the answer
 * (src/accounts/outbox.ts), so a test waits for them.
 */
export async function mailsTo(mails: MailMessage[], to: string, count = 1, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = mails.filter((m) => m.to === to);
    if (found.length >= count) return found;
    if (Date.now() > until) throw new Error(`${found.length} mail(s) to ${to}, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The token of the last link of this path in the mails to `to` (after `count` arrived). */
export async function linkToken(mails: MailMessage[], to: string, path: string, count = 1) {
  const link = new RegExp(`https?://\\S+${path}\\?token=(\\S+)`);
  const found = await mailsTo(mails, to, count);
  const token = found
    .map((m) => link.exec(m.text)?.[1])
    .filter((x) => x !== undefined)
    .at(-1);
  if (!token) throw new Error(`no ${path} link in the mails to ${to}`);
  return decodeURIComponent(token);
}
