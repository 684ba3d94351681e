import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { Client } from '../client.js';
import { countRows, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

/**
 * Sends bytes as they are, where an HTTP client would fix the request (encode raw UTF-8 in the
 * path, refuse a malformed escape), and returns the status, headers and body answered.
 */
function rawRequest(base: string, head: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(base);
  const lines = Object.entries({ host: `${hostname}:${port}`, connection: 'close', ...headers });
  const request = `${head}\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>(
    (resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(Number(port), hostname, () =>
        socket.write(Buffer.from(request, 'utf8')),
      );
      socket.on('data', (d: Buffer) => chunks.push(d));
      socket.on('error', reject);
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const split = text.indexOf('\r\n\r\n');
        const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
        const parsed: Record<string, string> = {};
        for (const line of headerLines) {
          const colon = line.indexOf(':');
          parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        resolve({
          status: Number(statusLine.split(' ')[1]),
          headers: parsed,
          body: text.slice(split + 4),
        });
      });
    },
  );
}

function cookiesOf(client: Client): Map<string, string> {
  return new Map(
    client
      .cookieHeader()
      .split('; ')
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

async function tokenOf(client: Client, path = '/'): Promise<string> {
  const { html } = await client.page(path);
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

async function countTokens(t: TestApp): Promise<number> {
  const row = await t.store.db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(databases)('HTTP plumbing hardening on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
  });
  afterAll(() => t.close());

  describe('redirects after a language switch or sign-in stay on this site', () => {
    const hostile = [
      '/%09/127.0.0.1:3999/x',
      '/\t/127.0.0.1:3999/x',
      '/%0a/evil.example',
      '/%0d%0aSet-Cookie:%20x=1',
      '/\r\nSet-Cookie: x=1',
      '//evil.example',
      '/\\evil.example',
      '/%5cevil.example',
      '/%2f/evil.example',
      '/%2F%2Fevil.example',
      '/ok/..\\..\\evil',
      'https://evil.example',
      '/%E0%A4%A',
      '/\u007f/evil.example',
    ];

    it('goes home for any next that is not a same-origin path, and never answers 500', async () => {
      const c = new Client(t.url);
      for (const next of hostile) {
        const res = await c.request('GET', `/lang/en?next=${encodeURIComponent(next)}`);
        expect([next, res.status, res.headers.get('location')]).toEqual([next, 303, '/']);
      }
      // Sent as typed: a raw %09 in the query, which Chromium drops from the Location.
      const tab = await c.request('GET', '/lang/en?next=/%09/127.0.0.1:3999/x');
      expect(tab.headers.get('location')).toBe('/');
    });

    it('keeps a same-origin path, its non-ASCII part percent-encoded', async () => {
      const c = new Client(t.url);
      const keep = async (next: string) =>
        (await c.request('GET', `/lang/fr?next=${encodeURIComponent(next)}`)).headers.get(
          'location',
        );
      expect(await keep(`/c/${community.slug}?page=2`)).toBe(`/c/${community.slug}?page=2`);
      expect(await keep('/search?q=caf%C3%A9')).toBe('/search?q=caf%C3%A9');
      expect(await keep('/search?q=café €')).toBe('/search?q=caf%C3%A9%20%E2%82%AC');
    });

    it('drops a hostile next from the sign-in and sign-up forms, and after signing in', async () => {
      for (const next of hostile) {
        const anon = new Client(t.url);
        const page = await anon.page(`/signin?next=${encodeURIComponent(next)}`);
        expect(page.status).toBe(200);
        expect(page.html).toMatch(/name="next" value(="")?\/>/);
        const signup = await anon.page(`/signup?next=${encodeURIComponent(next)}`);
        expect(signup.status).toBe(200);
        expect(signup.html).toMatch(/name="next" value(="")?\/>/);
      }
      const m = await newMember(t);
      const c = new Client(t.url);
      // Each sign-in hashes a password: a few of the hostile ones are enough here.
      for (const next of ['/%09/127.0.0.1:3999/x', '/\r\nSet-Cookie: x=1', '//evil.example']) {
        const res = await c.submit('/signin', '/signin', {
          email: m.email,
          password: 'correct-horse-battery',
          next,
        });
        expect([next, res.status, res.location]).toEqual([next, 303, '/']);
      }
      const up = await new Client(t.url).submit('/signup', '/signup', {
        email: `next-${Date.now()}@example.test`,
        password: 'correct-horse-battery',
        displayName: 'Léo Suivant',
        next: '/\\evil.example',
      });
      expect(up.location).toBe('/');
      const fine = await c.submit('/signin', '/signin', {
        email: m.email,
        password: 'correct-horse-battery',
        next: `/c/${community.slug}`,
      });
      expect(fine.location).toBe(`/c/${community.slug}`);
    });
  });

  describe('a form token belongs to one session', () => {
    it("refuses a victim's session with the attacker's own _csrf cookie and token", async () => {
      const victim = await newMember(t);
      const attacker = await newMember(t);
      const c = await newCommunity(admin.client);
      for (const [label, source] of [
        ['signed in', attacker.client],
        ['anonymous', new Client(t.url)],
      ] as const) {
        const token = await tokenOf(source);
        const session = cookiesOf(victim.client).get('ruche_session') ?? '';
        const csrf = cookiesOf(source).get('_csrf') ?? '';
        expect([label, session, csrf].every(Boolean)).toBe(true);
        const res = await fetch(`${t.url}/c/${c.slug}/join`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            cookie: `ruche_session=${session}; _csrf=${csrf}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ _csrf: token, charterVersion: '1', accept: '1' }).toString(),
        });
        expect([label, res.status]).toEqual([label, 403]);
      }
      const members = await admin.client.api<{ members: { handle: string }[] }>(
        'GET',
        `/communities/${c.id}/members`,
      );
      expect(members.body.members.map((m) => m.handle)).not.toContain(victim.handle);
      // The victim's own page, token and cookie still work.
      const own = await victim.client.submit(`/c/${c.slug}`, `/c/${c.slug}/join`, {
        charterVersion: '1',
        accept: '1',
      });
      expect(own.status).toBe(303);
    });

    it('lets an anonymous visitor sign up and sign in by the forms', async () => {
      const anon = new Client(t.url);
      const email = `anon-${Date.now()}@example.test`;
      const up = await anon.submit('/signup', '/signup', {
        email,
        password: 'correct-horse-battery',
        displayName: 'Léa Anonyme',
      });
      expect(up.status).toBe(303);
      const out = await anon.submit('/', '/signout', {});
      expect(out.status).toBe(303);
      const inAgain = await anon.submit('/signin', '/signin', {
        email,
        password: 'correct-horse-battery',
      });
      expect(inAgain.status).toBe(303);
      // A token made before signing in does not serve the new session.
      const before = new Client(t.url);
      const stale = await tokenOf(before, '/signin');
      await before.submit('/signin', '/signin', { email, password: 'correct-horse-battery' });
      const res = await before.request('POST', '/signout', { form: { _csrf: stale } });
      expect(res.status).toBe(403);
    });
  });

  describe('cookie-authenticated API writes', () => {
    it('answers 403 in Ruche’s shape to an Origin that is not a URL, storing nothing', async () => {
      const m = await newMember(t);
      const before = await countTokens(t);
      for (const origin of ['not a url', '', 'http://', 'null', '://x']) {
        const res = await m.client.api(
          'POST',
          '/me/tokens',
          { name: 'x' },
          { origin, 'accept-language': 'en' },
        );
        expect([origin, res.status, res.body]).toEqual([
          origin,
          403,
          {
            error: {
              code: 'csrf_failed',
              message: 'The form has expired. Reload the page and try again.',
            },
          },
        ]);
      }
      expect(await countTokens(t)).toBe(before);
      const same = await m.client.api('POST', '/me/tokens', { name: 'x' }, { origin: t.url });
      expect(same.status).toBe(201);
    });
  });

  describe('ids and member changes', () => {
    it('answers 400 to a member change with nothing to change, and changes nothing', async () => {
      const m = await newMember(t);
      await join(m.client, community.id);
      const path = `/communities/${community.id}/members/${m.id}`;
      for (const body of [{}, { approve: false }]) {
        const res = await admin.client.api('PATCH', path, body, { 'accept-language': 'en' });
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          error: {
            code: 'invalid_input',
            message: 'Nothing to change: give at least one change.',
          },
        });
      }
      // Approving a member already active is no change either, and no error.
      expect((await admin.client.api('PATCH', path, { approve: true })).status).toBe(204);
      expect((await admin.client.api('PATCH', path, { role: 'moderator' })).status).toBe(204);
    });

    it('takes only decimal ids in paths and queries', async () => {
      const id = community.id;
      expect((await admin.client.api('GET', `/communities/${id}`)).status).toBe(200);
      for (const bad of [`0x${id.toString(16)}`, `0${id}`, `${id}e0`, `${id}.0`, `+${id}`, '0']) {
        const res = await admin.client.api('GET', `/communities/${bad}`);
        expect([bad, res.status, res.body]).toMatchObject([
          bad,
          400,
          { error: { code: 'invalid_input', field: 'id' } },
        ]);
      }
      const q = await admin.client.api('GET', `/search?q=x&communityId=0x${id.toString(16)}`);
      expect(q.status).toBe(400);
      const topic = await admin.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${id}/topics`,
        { title: 'Un sujet', body: 'Un message.' },
      );
      const tid = topic.body.topic.id;
      expect((await admin.client.page(`/c/${community.slug}/t/${tid}`)).status).toBe(200);
      const hex = await admin.client.page(`/c/${community.slug}/t/0x${tid.toString(16)}`);
      expect(hex.status).toBe(400);
    });
  });

  describe('NUL characters', () => {
    it('refuses them in paths with the same translated 400 on both engines', async () => {
      const c = new Client(t.url);
      for (const path of ['/api/v1/users/%00', '/api/v1/users/a%00b', '/api/v1/search?q=a%00b']) {
        const res = await c.request('GET', path, { headers: { 'accept-language': 'en' } });
        expect([path, res.status]).toEqual([path, 400]);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('invalid_input');
        expect(body.error.message).toMatch(/contains a null character/);
      }
      for (const path of ['/c/%00', '/u/%00', `/c/${community.slug}/t/1%00`, '/c/%00/g/x']) {
        const res = await c.page(path);
        expect([path, res.status]).toEqual([path, 400]);
        expect(res.html).toContain('caractère nul');
      }
    });

    it('refuses them in any text field, storing nothing', async () => {
      const m = await newMember(t);
      await join(m.client, community.id);
      const topics = await countRows(t, 'topics');
      const post = await m.client.api('POST', `/communities/${community.id}/topics`, {
        title: 'Un titre',
        body: 'a\u0000b',
      });
      expect(post).toMatchObject({ status: 400, body: { error: { field: 'body' } } });
      const title = await m.client.api('POST', `/communities/${community.id}/topics`, {
        title: 'Un\u0000titre',
        body: 'Un message.',
      });
      expect(title.status).toBe(400);
      expect(await countRows(t, 'topics')).toBe(topics);
      for (const patch of [{ bio: 'x\u0000' }, { displayName: 'Léa\u0000' }]) {
        expect((await m.client.api('PATCH', '/me', patch)).status).toBe(400);
      }
      const me = await m.client.api<{ user: { bio: string } }>('GET', '/me');
      expect(me.body.user.bio).not.toContain('\u0000');
      const form = await m.client.submit(`/c/${community.slug}/new`, `/c/${community.slug}/new`, {
        title: 'Un titre',
        body: 'a\u0000b',
      });
      expect(form.status).toBe(400);
      expect(await countRows(t, 'topics')).toBe(topics);
      const signup = await new Client(t.url).api('POST', '/auth/signup', {
        email: 'nul@example.test',
        password: 'correct-horse-battery',
        displayName: 'Nul\u0000',
      });
      expect(signup.status).toBe(400);
    });
  });

  describe('errors raised before any route', () => {
    const expectRucheJson = (
      res: { status: number; headers: Record<string, string>; body: string },
      status: number,
      code: string,
    ) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['permissions-policy']).toBeTruthy();
      const body = JSON.parse(res.body) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).not.toMatch(/FST_|valid url component|param length/);
      expect(res.body).not.toContain('FST_');
      return body;
    };
    const expectRuchePage = (
      res: { status: number; headers: Record<string, string>; body: string },
      status: number,
    ) => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/^<!doctype html>/);
      expect(res.body).toContain('Something went wrong');
      expect(res.body).not.toContain('FST_');
    };

    it('answers a malformed percent-escape in Ruche’s shape, without echoing it', async () => {
      const en = { 'accept-language': 'en' };
      const api = await rawRequest(t.url, 'GET /api/v1/topics/%E0%A4%A HTTP/1.1', en);
      const body = expectRucheJson(api, 400, 'malformed_request');
      expect(body.error.message).toBe('The address requested is malformed.');
      expect(api.body).not.toContain('%E0%A4%A');
      const fr = await rawRequest(t.url, 'GET /api/v1/topics/%E0%A4%A HTTP/1.1', {
        cookie: 'ruche_lang=fr',
      });
      expect(JSON.parse(fr.body)).toEqual({
        error: { code: 'malformed_request', message: 'L’adresse demandée est mal formée.' },
      });
      const page = await rawRequest(t.url, 'GET /c/%E0%A4%A HTTP/1.1', en);
      expectRuchePage(page, 400);
      expect(page.body).not.toContain('%E0%A4%A');
    });

    it('answers a path parameter over 100 characters with 414 in Ruche’s shape', async () => {
      const long = 'a'.repeat(101);
      const api = await rawRequest(t.url, `GET /api/v1/users/${long} HTTP/1.1`, {
        'accept-language': 'en',
      });
      expectRucheJson(api, 414, 'uri_too_long');
      expect(api.body).not.toContain(long);
      const page = await rawRequest(t.url, `GET /c/${long} HTTP/1.1`, { 'accept-language': 'en' });
      expectRuchePage(page, 414);
      expect(page.body).not.toContain(long);
    });

    it('answers raw UTF-8 in the request line in Ruche’s shape', async () => {
      const api = await rawRequest(t.url, 'GET /api/v1/users/é HTTP/1.1', {
        'accept-language': 'en',
      });
      const body = expectRucheJson(api, 400, 'malformed_request');
      expect(body.error.message).toBe('The request is malformed.');
      const page = await rawRequest(t.url, 'GET /c/é HTTP/1.1', { 'accept-language': 'en' });
      expectRuchePage(page, 400);
    });
  });

  describe('headers and edit pages', () => {
    it('keeps no authenticated API answer in a cache, and sends a Permissions-Policy', async () => {
      const m = await newMember(t);
      const me = await m.client.request('GET', '/api/v1/me');
      expect(me.headers.get('cache-control')).toBe('no-store');
      const list = await m.client.request('GET', '/api/v1/communities');
      expect(list.headers.get('cache-control')).toBe('no-store');
      const anon = new Client(t.url);
      for (const path of ['/', '/api/v1/communities', '/assets/app.css', '/nowhere', '/healthz']) {
        const res = await anon.request('GET', path);
        expect([path, res.headers.get('permissions-policy')]).toEqual([
          path,
          expect.stringContaining('camera=()'),
        ]);
      }
    });

    it("answers 404 to the edit page of someone else's post", async () => {
      const author = await newMember(t);
      const other = await newMember(t);
      await join(author.client, community.id);
      await join(other.client, community.id);
      const topic = await author.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${community.id}/topics`,
        { title: 'Mon sujet', body: 'Mon message.' },
      );
      const tid = topic.body.topic.id;
      const reply = await author.client.api<{ reply: { id: number } }>(
        'POST',
        `/topics/${tid}/replies`,
        { body: 'Ma réponse.' },
      );
      const rid = reply.body.reply.id;
      const topicEdit = `/c/${community.slug}/t/${tid}/edit`;
      const replyEdit = `/c/${community.slug}/r/${rid}/edit`;
      expect((await author.client.page(topicEdit)).status).toBe(200);
      expect((await author.client.page(replyEdit)).status).toBe(200);
      expect((await other.client.page(topicEdit)).status).toBe(404);
      expect((await other.client.page(replyEdit)).status).toBe(404);
      // Staff may change anyone's post: the form is theirs to use.
      expect((await admin.client.page(topicEdit)).status).toBe(200);
    });
  });
});

describe('cookies over HTTPS', () => {
  it('are Secure by default when PUBLIC_URL is https, unless COOKIE_SECURE says otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://ruche.example' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://ruche.example' }).cookieSecure).toBe(false);
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(
      loadConfig({ PUBLIC_URL: 'https://ruche.example', COOKIE_SECURE: '0' }).cookieSecure,
    ).toBe(false);
    expect(
      loadConfig({ PUBLIC_URL: 'http://ruche.example', COOKIE_SECURE: '1' }).cookieSecure,
    ).toBe(true);
    expect(
      loadConfig({ PUBLIC_URL: 'https://ruche.example', COOKIE_SECURE: '' }).cookieSecure,
    ).toBe(true);
  });

  describe.each(databases)('on %s', (kind) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, { PUBLIC_URL: 'https://ruche.example' });
    });
    afterAll(() => t.close());

    it('names the session and form cookies __Host-, and the forms still work', async () => {
      const c = new Client(t.url);
      const page = await c.request('GET', '/signup');
      const csrf = page.headers.getSetCookie().find((l) => l.startsWith('__Host-csrf='));
      expect(csrf).toMatch(/; Path=\//);
      expect(csrf).toMatch(/; Secure/);
      expect(csrf).not.toMatch(/Domain=/i);
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const up = await c.request('POST', '/signup', {
        form: {
          _csrf: token,
          email: 'https@example.test',
          password: 'correct-horse-battery',
          displayName: 'Inès Sécure',
        },
      });
      expect(up.status).toBe(303);
      const session = up.headers.getSetCookie().find((l) => l.startsWith('__Host-ruche_session='));
      expect(session).toMatch(/; Path=\/.*; Secure|; Secure.*; Path=\//);
      expect(cookiesOf(c).has('ruche_session')).toBe(false);
      const me = await c.api<{ user: { displayName: string } }>('GET', '/me');
      expect(me.body.user.displayName).toBe('Inès Sécure');
      // A plain-named cookie planted by a sibling site is not a session here.
      const raw = cookiesOf(c).get('__Host-ruche_session') ?? '';
      const res = await fetch(`${t.url}/api/v1/me`, {
        headers: { cookie: `ruche_session=${raw}` },
      });
      expect(res.status).toBe(401);
      const out = await c.submit('/', '/signout', {});
      expect(out.status).toBe(303);
      expect((await c.api('GET', '/me')).status).toBe(401);
    });
  });
});
