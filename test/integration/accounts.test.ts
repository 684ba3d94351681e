import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { PASSWORD, countRows, linkToken, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

describe.each(databases)('accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('signs up through the form, lands signed in, and signs out', async () => {
    const c = new Client(t.url);
    const res = await c.submit('/signup', '/signup', {
      displayName: 'Élise Durand',
      email: 'elise@example.test',
      password: PASSWORD,
    });
    expect(res.status).toBe(303);
    const home = await c.page('/');
    expect(home.html).toContain('Se déconnecter');
    const me = await c.api<{ user: { handle: string; email: string } }>('GET', '/me');
    expect(me.body.user).toMatchObject({ handle: 'elise-durand', email: 'elise@example.test' });
    await c.submit('/', '/signout', {});
    expect((await c.api('GET', '/me')).status).toBe(401);
  });

  it('refuses a form post without its CSRF token and writes nothing', async () => {
    const before = await countRows(t, 'users');
    const c = new Client(t.url);
    const res = await c.request('POST', '/signup', {
      form: { displayName: 'X', email: 'x@example.test', password: PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(await countRows(t, 'users')).toBe(before);
  });

  it('shows a translated form message for a taken email and a bad password', async () => {
    const { email } = await newMember(t);
    const c = new Client(t.url);
    const taken = await c.submit('/signup', '/signup', {
      displayName: 'Autre',
      email,
      password: PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('Un compte existe déjà');
    const wrong = await c.submit('/signin', '/signin', { email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Adresse e-mail ou mot de passe incorrect');
    const en = await c.api(
      'POST',
      '/auth/signin',
      { email, password: 'nope-nope-nope' },
      { 'accept-language': 'en' },
    );
    expect(en.body).toEqual({
      error: { code: 'bad_credentials', message: 'Wrong email address or password.' },
    });
  });

  it('resets a forgotten password by the emailed link and closes old sessions', async () => {
    const m = await newMember(t);
    const anon = new Client(t.url);
    await anon.submit('/password/forgot', '/password/forgot', { email: m.email });
    const token = await linkToken(t.mails, m.email, '/password/reset');
    const done = await anon.submit(
      `/password/reset?token=${encodeURIComponent(token)}`,
      '/password/reset',
      { token, password: 'a-brand-new-password' },
    );
    expect(done.status).toBe(200);
    expect(done.html).toContain('Votre mot de passe a été changé');
    expect((await m.client.api('GET', '/me')).status).toBe(401);
    expect(
      (await anon.api('POST', '/auth/signin', { email: m.email, password: 'a-brand-new-password' }))
        .status,
    ).toBe(200);
    const again = await anon.api('POST', '/auth/password/reset', {
      token,
      password: 'yet-another-password',
    });
    expect(again.status).toBe(400);
  });

  it('edits the profile and serves it publicly', async () => {
    const m = await newMember(t);
    const res = await m.client.api<{ user: { handle: string } }>('PATCH', '/me', {
      displayName: 'Jo',
      bio: 'J’aime **les vélos**',
      handle: 'jo-velo',
      locale: 'en',
    });
    expect(res.status).toBe(200);
    const page = await new Client(t.url).page('/u/jo-velo');
    expect(page.html).toContain('<strong>les vélos</strong>');
    const profile = await m.client.page('/profile');
    expect(profile.html).toContain('My profile');
    const taken = await (await newMember(t)).client.api('PATCH', '/me', { handle: 'jo-velo' });
    expect(taken.status).toBe(409);
  });

  it('creates a personal access token that works as a bearer and a wrong one that does not', async () => {
    const m = await newMember(t);
    const created = await m.client.api<{ token: string }>('POST', '/me/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const bearer = new Client(t.url);
    const me = await bearer.api<{ user: { id: number } }>('GET', '/me', undefined, {
      authorization: `Bearer ${created.body.token}`,
    });
    expect(me.body.user.id).toBe(m.id);
    const bad = await bearer.api('GET', '/me', undefined, { authorization: 'Bearer ruche_nope' });
    expect(bad.status).toBe(401);
  });

  it('speaks the account language, else Accept-Language, else French, and switches on demand', async () => {
    const anon = new Client(t.url);
    expect((await anon.page('/signin')).html).toContain('<html lang="fr"');
    const en = await anon.request('GET', '/signin', {
      headers: { 'accept-language': 'en-US,en;q=0.8,fr;q=0.5' },
    });
    expect(await en.text()).toContain('<html lang="en"');
    const switched = await anon.page('/lang/en?next=/signin');
    expect(switched.location).toBe('/signin');
    expect((await anon.page('/signin')).html).toContain('Forgot your password?');
    expect((await anon.page('/lang/en?next=//evil.example')).location).toBe('/');
    const m = await newMember(t);
    await m.client.api('PATCH', '/me', { locale: 'en' });
    const page = await m.client.request('GET', '/', { headers: { 'accept-language': 'fr' } });
    expect(await page.text()).toContain('Sign out');
  });

  it('logs sign-in, profile edits and sign-out in the activity log', async () => {
    const m = await newMember(t);
    const c = new Client(t.url);
    await c.api('POST', '/auth/signin', { email: m.email, password: PASSWORD });
    await c.api('PATCH', '/me', { bio: 'Bénévole depuis 2019' });
    await c.api('POST', '/auth/signout');
    const rows = await t.store.db
      .selectFrom('activity_log')
      .select('kind')
      .where('actor_id', '=', m.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.kind)).toEqual([
      'user.signed_up',
      'user.signed_in',
      'user.profile_updated',
      'user.signed_out',
    ]);
  });

  it('limits sign-in attempts per address', async () => {
    const limited = await startTestApp(kind, { RATE_LIMIT_AUTH_PER_MINUTE: '3' });
    try {
      const c = new Client(limited.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await c.api('POST', '/auth/signin', { email: 'a@b.test', password: 'whatever-it-is' }))
            .status,
        );
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[4]).toBe(429);
      const body = await c.api('POST', '/auth/signin', {
        email: 'a@b.test',
        password: 'whatever-it-is',
      });
      expect(body.body).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });
});
