import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage, Mailer } from '../../src/mail/index.js';
import { Client } from '../client.js';
import { PASSWORD, countRows, linkToken, mailsTo, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

interface Token {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  isExpired: boolean;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function meWith(t: TestApp, token: string) {
  return (await new Client(t.url).api('GET', '/me', undefined, bearer(token))).status;
}

async function createToken(client: Client, name: string, expiresAt?: string) {
  const res = await client.api<Token & { token: string }>('POST', '/me/tokens', {
    name,
    ...(expiresAt ? { expiresAt } : {}),
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function signIn(t: TestApp, email: string, password: string) {
  const c = new Client(t.url);
  return { client: c, status: (await c.api('POST', '/auth/signin', { email, password })).status };
}

describe.each(databases)('account security on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  describe('personal access tokens', () => {
    it('lists tokens with their name and dates, and a revoked one gets 401', async () => {
      const m = await newMember(t);
      const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const kept = await createToken(m.client, 'sauvegarde', expiresAt);
      const revoked = await createToken(m.client, 'script jetable');
      expect(kept).toMatchObject({ name: 'sauvegarde', lastUsedAt: null, expiresAt });
      expect(await meWith(t, kept.token)).toBe(200);
      expect(await meWith(t, revoked.token)).toBe(200);

      const list = await m.client.api<{ tokens: Token[] }>('GET', '/me/tokens');
      expect(list.body.tokens.map((x) => x.name).sort()).toEqual(['sauvegarde', 'script jetable']);
      const listed = list.body.tokens.find((x) => x.id === kept.id);
      expect(listed).toMatchObject({ expiresAt, isExpired: false });
      expect(listed?.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.body)).not.toContain(kept.token);

      expect((await m.client.api('DELETE', `/me/tokens/${revoked.id}`)).status).toBe(204);
      expect(await meWith(t, revoked.token)).toBe(401);
      expect(await meWith(t, kept.token)).toBe(200);
      expect((await m.client.api('DELETE', `/me/tokens/${revoked.id}`)).status).toBe(404);
    });

    it('never revokes someone else’s token, and refuses ids that are not decimal', async () => {
      const owner = await newMember(t);
      const other = await newMember(t);
      const token = await createToken(owner.client, 'à moi');
      const res = await other.client.api('DELETE', `/me/tokens/${token.id}`);
      expect(res.status).toBe(404);
      expect(await meWith(t, token.token)).toBe(200);
      expect((await owner.client.api('DELETE', '/me/tokens/0x1')).status).toBe(400);
    });

    it('refuses an expired token, and an expiry in the past at creation', async () => {
      const m = await newMember(t);
      const past = await m.client.api('POST', '/me/tokens', {
        name: 'trop tard',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect(past.status).toBe(400);
      expect(past.body).toMatchObject({ error: { code: 'invalid_input', field: 'expiresAt' } });
      expect((await m.client.api<{ tokens: Token[] }>('GET', '/me/tokens')).body.tokens).toEqual(
        [],
      );

      const soon = await createToken(
        m.client,
        'éphémère',
        new Date(Date.now() + 1500).toISOString(),
      );
      expect(await meWith(t, soon.token)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(await meWith(t, soon.token)).toBe(401);
      const list = await m.client.api<{ tokens: Token[] }>('GET', '/me/tokens');
      expect(list.body.tokens[0]).toMatchObject({ name: 'éphémère', isExpired: true });
    });

    it('records the last use at most once a minute, so reading with a token writes nothing', async () => {
      const m = await newMember(t);
      const token = await createToken(m.client, 'lecteur');
      const lastUse = async () =>
        Number(
          (
            await t.store.db
              .selectFrom('api_tokens')
              .select('last_used_at')
              .where('id', '=', token.id)
              .executeTakeFirstOrThrow()
          ).last_used_at,
        );
      const setLastUse = (at: number) =>
        t.store.db
          .updateTable('api_tokens')
          .set({ last_used_at: at })
          .where('id', '=', token.id)
          .execute();

      const halfAMinuteAgo = Date.now() - 30_000;
      await setLastUse(halfAMinuteAgo);
      expect(await meWith(t, token.token)).toBe(200);
      expect(await lastUse()).toBe(halfAMinuteAgo);

      const twoMinutesAgo = Date.now() - 120_000;
      await setLastUse(twoMinutesAgo);
      const before = Date.now();
      expect(await meWith(t, token.token)).toBe(200);
      expect(await lastUse()).toBeGreaterThanOrEqual(before);
    });

    it('lists, creates and revokes tokens on the account page, keeping what was typed', async () => {
      const m = await newMember(t);
      const empty = await m.client.page('/account/tokens');
      expect(empty.html).toContain('Aucun jeton pour l’instant.');

      const refused = await m.client.submit('/account/tokens', '/account/tokens', {
        name: 'nom-gardé',
        expiresInDays: '12',
      });
      expect(refused.status).toBe(400);
      expect(refused.html).toContain('value="nom-gardé"');

      const created = await m.client.submit('/account/tokens', '/account/tokens', {
        name: 'Export du tableur',
        expiresInDays: '30',
      });
      expect(created.status).toBe(200);
      expect(created.html).toContain('il ne sera plus jamais affiché');
      const secret = /<code class="secret">([^<]+)<\/code>/.exec(created.html)?.[1] ?? '';
      expect(await meWith(t, secret)).toBe(200);

      const page = await m.client.page('/account/tokens');
      expect(page.html).toContain('Export du tableur');
      expect(page.html).not.toContain(secret);
      const { body } = await m.client.api<{ tokens: Token[] }>('GET', '/me/tokens');
      const id = body.tokens[0]?.id ?? 0;
      const revoked = await m.client.submit('/account/tokens', `/account/tokens/${id}/revoke`, {});
      expect(revoked.status).toBe(303);
      expect((await m.client.page(revoked.location ?? '')).html).toContain(
        'Le jeton a été révoqué.',
      );
      expect(await meWith(t, secret)).toBe(401);
    });
  });

  describe('reset links', () => {
    it('stops every access token of the account after a password reset', async () => {
      const m = await newMember(t);
      const token = await createToken(m.client, 'avant la réinitialisation');
      await new Client(t.url).api('POST', '/auth/password/forgot', { email: m.email });
      const reset = await linkToken(t.mails, m.email, '/password/reset');
      const done = await new Client(t.url).api('POST', '/auth/password/reset', {
        token: reset,
        password: 'un-tout-nouveau-secret',
      });
      expect(done.status).toBe(204);
      expect(await meWith(t, token.token)).toBe(401);
    });

    it('refuses an older link once a newer one was asked for, and each link once used', async () => {
      const m = await newMember(t);
      const anon = new Client(t.url);
      await anon.api('POST', '/auth/password/forgot', { email: m.email });
      const older = await linkToken(t.mails, m.email, '/password/reset', 1);
      await anon.api('POST', '/auth/password/forgot', { email: m.email });
      const newer = await linkToken(t.mails, m.email, '/password/reset', 2);
      expect(newer).not.toBe(older);

      const stale = await anon.api('POST', '/auth/password/reset', {
        token: older,
        password: 'le-vieux-lien-marche',
      });
      expect(stale.status).toBe(400);
      const used = await anon.api('POST', '/auth/password/reset', {
        token: newer,
        password: 'le-nouveau-lien-marche',
      });
      expect(used.status).toBe(204);
      const again = await anon.api('POST', '/auth/password/reset', {
        token: newer,
        password: 'une-seconde-fois-encore',
      });
      expect(again.status).toBe(400);
      expect((await signIn(t, m.email, 'le-nouveau-lien-marche')).status).toBe(200);
    });
  });

  describe('common passwords', () => {
    it('refuses one at sign-up with a translated message, and creates nothing', async () => {
      const before = await countRows(t, 'users');
      const api = await new Client(t.url).api('POST', '/auth/signup', {
        email: 'courant@example.test',
        password: 'Password123',
        displayName: 'Courant',
      });
      expect(api.status).toBe(400);
      expect(api.body).toMatchObject({ error: { code: 'invalid_input', field: 'password' } });
      expect(JSON.stringify(api.body)).toContain('Ce mot de passe est trop courant');

      const page = await new Client(t.url).submit('/signup', '/signup', {
        displayName: 'Lucie Courant',
        email: 'lucie@example.test',
        password: 'azertyuiop',
      });
      expect(page.status).toBe(400);
      expect(page.html).toContain('Ce mot de passe est trop courant');
      expect(page.html).toContain('value="Lucie Courant"');
      expect(page.html).toContain('value="lucie@example.test"');

      const en = await new Client(t.url).api(
        'POST',
        '/auth/signup',
        { email: 'common@example.test', password: 'qwertyuiop', displayName: 'Common' },
        { 'accept-language': 'en' },
      );
      expect(JSON.stringify(en.body)).toContain('This password is too common');
      expect(await countRows(t, 'users')).toBe(before);
    });

    it('refuses one at a reset (the link still works) and at a change', async () => {
      const m = await newMember(t);
      const anon = new Client(t.url);
      await anon.api('POST', '/auth/password/forgot', { email: m.email });
      const token = await linkToken(t.mails, m.email, '/password/reset');
      const common = await anon.api('POST', '/auth/password/reset', {
        token,
        password: '1234567890',
      });
      expect(common.status).toBe(400);
      expect(common.body).toMatchObject({ error: { field: 'password' } });
      const change = await m.client.api('POST', '/me/password', {
        currentPassword: PASSWORD,
        newPassword: 'motdepasse',
      });
      expect(change.status).toBe(400);
      expect(change.body).toMatchObject({ error: { field: 'newPassword' } });
      expect((await signIn(t, m.email, PASSWORD)).status).toBe(200);
      const good = await anon.api('POST', '/auth/password/reset', {
        token,
        password: 'pas-si-courant-que-ça',
      });
      expect(good.status).toBe(204);
    });
  });

  describe('changing one’s password', () => {
    it('asks the current one, keeps this session, closes the others and revokes every token', async () => {
      const m = await newMember(t);
      const elsewhere = await signIn(t, m.email, PASSWORD);
      expect(elsewhere.status).toBe(200);
      const token = await createToken(m.client, 'avant le changement');

      const wrong = await m.client.submit('/account/password', '/account/password', {
        currentPassword: 'pas-le-bon-mot-de-passe',
        newPassword: 'un-nouveau-mot-de-passe',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.html).toContain('Le mot de passe actuel est incorrect.');
      expect((await elsewhere.client.api('GET', '/me')).status).toBe(200);
      expect(await meWith(t, token.token)).toBe(200);

      const done = await m.client.submit('/account/password', '/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'un-nouveau-mot-de-passe',
      });
      expect(done.status).toBe(303);
      expect(done.location).toBe('/account?done=password');
      expect((await m.client.page('/account?done=password')).html).toContain(
        'Vos autres sessions ont été fermées',
      );
      expect((await m.client.api('GET', '/me')).status).toBe(200);
      expect((await elsewhere.client.api('GET', '/me')).status).toBe(401);
      expect(await meWith(t, token.token)).toBe(401);
      expect((await signIn(t, m.email, PASSWORD)).status).toBe(401);
      expect((await signIn(t, m.email, 'un-nouveau-mot-de-passe')).status).toBe(200);
      const kinds = await t.store.db
        .selectFrom('activity_log')
        .select('kind')
        .where('actor_id', '=', m.id)
        .where('kind', '=', 'user.password_changed')
        .execute();
      expect(kinds).toHaveLength(1);
    });

    it('through the API with a token: every session and token goes, that one too', async () => {
      const m = await newMember(t);
      const token = await createToken(m.client, 'script');
      const res = await new Client(t.url).api(
        'POST',
        '/me/password',
        { currentPassword: PASSWORD, newPassword: 'changé-par-un-script' },
        bearer(token.token),
      );
      expect(res.status).toBe(204);
      expect(await meWith(t, token.token)).toBe(401);
      expect((await m.client.api('GET', '/me')).status).toBe(401);
    });

    it('refuses a form without its CSRF token and changes nothing', async () => {
      const m = await newMember(t);
      const res = await m.client.request('POST', '/account/password', {
        form: { currentPassword: PASSWORD, newPassword: 'sans-jeton-csrf-1' },
      });
      expect(res.status).toBe(403);
      expect((await signIn(t, m.email, PASSWORD)).status).toBe(200);
    });
  });

  describe('changing one’s email address', () => {
    it('takes effect only once the link sent to the new address is used; the old one is told', async () => {
      const m = await newMember(t);
      const newEmail = `nouvelle-${m.id}@example.test`;
      const wrong = await m.client.submit('/account/email', '/account/email', {
        email: newEmail,
        currentPassword: 'pas-le-bon',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.html).toContain('Le mot de passe actuel est incorrect.');
      expect(wrong.html).toContain(`value="${newEmail}"`);

      const asked = await m.client.submit('/account/email', '/account/email', {
        email: newEmail,
        currentPassword: PASSWORD,
      });
      expect(asked.status).toBe(303);
      const account = await m.client.page('/account?done=emailSent');
      expect(account.html).toContain(`Votre adresse e-mail : ${m.email}`);
      expect(account.html).toContain(`En attente de confirmation : ${newEmail}`);

      const [told] = await mailsTo(t.mails, m.email);
      expect(told?.subject).toBe('Ruche : changement d’adresse e-mail demandé');
      expect(told?.text).toContain(newEmail);
      const token = await linkToken(t.mails, newEmail, '/account/email/confirm');

      // Nothing has changed yet.
      const me = await m.client.api<{ user: { email: string } }>('GET', '/me');
      expect(me.body.user.email).toBe(m.email);
      expect((await signIn(t, newEmail, PASSWORD)).status).toBe(401);

      const anon = new Client(t.url);
      const confirmPage = await anon.page(
        `/account/email/confirm?token=${encodeURIComponent(token)}`,
      );
      expect(confirmPage.html).toContain('Confirmer l’adresse');
      // Opening the link changes nothing: mail filters open links.
      expect((await signIn(t, newEmail, PASSWORD)).status).toBe(401);
      const confirmed = await anon.submit(
        `/account/email/confirm?token=${encodeURIComponent(token)}`,
        '/account/email/confirm',
        { token },
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.html).toContain('Votre adresse e-mail a été changée.');
      expect((await signIn(t, newEmail, PASSWORD)).status).toBe(200);
      expect((await signIn(t, m.email, PASSWORD)).status).toBe(401);

      const again = await anon.api('POST', '/auth/email/confirm', { token });
      expect(again.status).toBe(400);
    });

    it('through the API: refuses a taken address, replaces an older request, lets links expire', async () => {
      const m = await newMember(t);
      const other = await newMember(t);
      const taken = await m.client.api('POST', '/me/email', {
        email: other.email,
        currentPassword: PASSWORD,
      });
      expect(taken.status).toBe(409);

      const first = `premiere-${m.id}@example.test`;
      const second = `seconde-${m.id}@example.test`;
      const asked = await m.client.api('POST', '/me/email', {
        email: first,
        currentPassword: PASSWORD,
      });
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({ pendingEmail: first });
      const firstToken = await linkToken(t.mails, first, '/account/email/confirm');
      await m.client.api('POST', '/me/email', { email: second, currentPassword: PASSWORD });
      const secondToken = await linkToken(t.mails, second, '/account/email/confirm');
      const anon = new Client(t.url);
      expect((await anon.api('POST', '/auth/email/confirm', { token: firstToken })).status).toBe(
        400,
      );

      await t.store.db
        .updateTable('email_changes')
        .set({ expires_at: Date.now() - 1 })
        .where('new_email', '=', second)
        .execute();
      const expired = await anon.api('POST', '/auth/email/confirm', { token: secondToken });
      expect(expired.status).toBe(400);
      const me = await m.client.api<{ user: { email: string } }>('GET', '/me');
      expect(me.body.user.email).toBe(m.email);
    });
  });

  it('serves valid, accessible markup on every account page', async () => {
    const m = await newMember(t);
    await createToken(
      m.client,
      'jeton <i échappé',
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    await m.client.api('POST', '/me/email', {
      email: `attente-${m.id}@example.test`,
      currentPassword: PASSWORD,
    });
    const created = await m.client.submit('/account/tokens', '/account/tokens', {
      name: 'page',
      expiresInDays: '',
    });
    const pages = [
      created.html,
      (
        await m.client.submit('/account/email', '/account/email', {
          email: 'x',
          currentPassword: '',
        })
      ).html,
    ];
    for (const path of [
      '/account',
      '/account?done=password',
      '/account/password',
      '/account/email',
      '/account/tokens',
      '/account/email/confirm?token=abc',
    ])
      pages.push((await m.client.page(path)).html);
    for (const html of pages) expect(await htmlProblems(html)).toEqual([]);
    expect(created.html).toContain('jeton &lt;i échappé');
  });

  it('shows the account page in English too', async () => {
    const m = await newMember(t);
    await m.client.api('PATCH', '/me', { locale: 'en' });
    const page = await m.client.page('/account');
    expect(page.html).toContain('Account and security');
    expect(page.html).toContain(`Your email address: ${m.email}`);
    expect((await m.client.page('/account/password')).html).toContain('Current password');
    expect((await new Client(t.url).page('/account')).location).toBe('/signin?next=%2Faccount');
  });
});

/** A mailer that holds every message until the test lets it go. */
function blockingMailer() {
  const sent: MailMessage[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const mailer: Mailer = {
    delivers: true,
    async send(message) {
      await gate;
      sent.push(message);
    },
  };
  return { mailer, sent, release: () => release() };
}

describe.each(databases)('asking for a reset link on %s', (kind) => {
  it('answers before the mail is sent, for a known address as for an unknown one', async () => {
    const blocking = blockingMailer();
    const t = await startTestApp(kind, {}, undefined, { mailer: blocking.mailer });
    try {
      const m = await newMember(t);
      for (const email of [m.email, 'personne@example.test']) {
        const res = await fetch(`${t.url}/api/v1/auth/password/forgot`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
          signal: AbortSignal.timeout(3000),
        });
        expect(res.status).toBe(202);
      }
      const page = await new Client(t.url).submit('/password/forgot', '/password/forgot', {
        email: m.email,
      });
      expect(page.status).toBe(200);
      expect(blocking.sent).toHaveLength(0);
      blocking.release();
      await mailsTo(blocking.sent, m.email, 2);
    } finally {
      blocking.release();
      await t.close();
    }
  });

  it('logs a failed send as an error, without the link, and still answers', async () => {
    const lines: string[] = [];
    const logger = { level: 'info', stream: { write: (line: string) => lines.push(line) } };
    // Port 1 on loopback: nothing listens, the SMTP connection is refused at once.
    const t = await startTestApp(kind, { SMTP_URL: 'smtp://127.0.0.1:1' }, undefined, {
      realMailer: true,
      logger,
    });
    try {
      const m = await newMember(t);
      const res = await new Client(t.url).api('POST', '/auth/password/forgot', { email: m.email });
      expect(res.status).toBe(202);
      const until = Date.now() + 10_000;
      while (!lines.some((l) => l.includes('password reset mail failed')) && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const failure = lines.find((l) => l.includes('password reset mail failed')) ?? '';
      expect(JSON.parse(failure)).toMatchObject({ level: 50 });
      expect(lines.join('\n')).not.toContain('token=');
    } finally {
      await t.close();
    }
  });
});
