import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { PASSWORD, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { createTestStore, databases, startTestApp, type TestApp } from '../harness.js';

const WRONG = 'not-the-right-password';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client at another address (the app trusts X-Forwarded-For under TRUST_PROXY). */
function from(t: TestApp, address: string) {
  const c = new Client(t.url);
  return {
    client: c,
    signIn: (email: string, password: string) =>
      c.api<{ error?: { code: string; message: string } }>(
        'POST',
        '/auth/signin',
        { email, password },
        { 'x-forwarded-for': address },
      ),
  };
}

async function signInRaw(t: TestApp, email: string, password: string, address: string) {
  return fetch(`${t.url}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
}

async function storedHash(t: TestApp, id: number): Promise<string> {
  const row = await t.store.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

/** The parameters written in a stored argon2 hash: memory (KiB), passes, lanes. */
function paramsOf(hash: string) {
  const [, type, , params = ''] = hash.split('$');
  const values = new Map(params.split(',').map((kv) => [kv.slice(0, 1), Number(kv.slice(2))]));
  return { type, m: values.get('m'), t: values.get('t'), p: values.get('p') };
}

const OWASP = { type: 'argon2id', m: 19_456, t: 2, p: 1 };

describe.each(databases)('sign-in limits on %s', (kind) => {
  it('counts the sign-in page and the API in one bucket per address, across instances', async () => {
    const shared = await createTestStore(kind);
    const env = { RATE_LIMIT_AUTH_PER_MINUTE: '10' };
    const one = await startTestApp(kind, env, shared);
    const two = await startTestApp(kind, env, shared);
    try {
      const api = new Client(one.url);
      const page = new Client(two.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        // A new address each time: the per-account delay stays out of the way.
        const email = `guess${i}@example.test`;
        statuses.push((await api.api('POST', '/auth/signin', { email, password: WRONG })).status);
        const form = await page.submit('/signin', '/signin', {
          email: `form-${email}`,
          password: WRONG,
        });
        statuses.push(form.status);
      }
      expect(statuses).toEqual(Array(10).fill(401));
      const eleventh = await api.request('POST', '/api/v1/auth/signin', {
        json: { email: 'other@example.test', password: WRONG },
      });
      expect(eleventh.status).toBe(429);
      expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
      const refusal = (await eleventh.json()) as { error: { code: string; message: string } };
      expect(refusal.error.code).toBe('rate_limited');
      expect(refusal.error.message).toMatch(
        /^Trop de tentatives\. Réessayez dans (\d+ s|1 min)\.$/,
      );
      const onPage = await page.submit('/signin', '/signin', {
        email: 'other@example.test',
        password: WRONG,
      });
      expect(onPage.status).toBe(429);
      // Sign-up keeps a bucket of its own.
      const signUp = await api.api('POST', '/auth/signup', {
        email: 'newcomer@example.test',
        password: PASSWORD,
        displayName: 'Nouvelle venue',
      });
      expect(signUp.status).toBe(201);
    } finally {
      await one.close();
      await two.close();
      await shared.drop();
    }
  });

  describe('per account', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind, {
        TRUST_PROXY: '1',
        SIGNIN_FREE_FAILURES: '3',
        SIGNIN_DELAY_SECONDS: '2',
      });
    });
    afterAll(() => t.close());

    it('makes guesses from many addresses wait longer and longer, not the member’s own browser', async () => {
      const m = await newMember(t);
      for (let i = 1; i <= 3; i++)
        expect((await from(t, `10.0.0.${i}`).signIn(m.email, WRONG)).status).toBe(401);
      // Past the free failures even the right password waits, wherever it comes from.
      const early = await signInRaw(t, m.email, PASSWORD, '10.0.0.4');
      expect(early.status).toBe(429);
      // 2 s after the third failure (1 s if this machine took a second to get here).
      expect(['1', '2']).toContain(early.headers.get('retry-after'));
      const refusal = (await early.json()) as { error: { code: string; message: string } };
      expect(refusal.error.code).toBe('rate_limited');
      expect(refusal.error.message).toMatch(/Réessayez dans [12] s\./);
      // The browser that signed up keeps its device cookie: its own tally, so it gets in.
      expect(
        (await m.client.api('POST', '/auth/signin', { email: m.email, password: PASSWORD })).status,
      ).toBe(200);

      await sleep(2100);
      expect((await from(t, '10.0.0.5').signIn(m.email, WRONG)).status).toBe(401);
      const longer = await signInRaw(t, m.email, WRONG, '10.0.0.6');
      expect(longer.status).toBe(429);
      // Twice as long now: 4 s after the fifth failure.
      expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(2);
      // The page says so too, keeping the address typed.
      const page = await new Client(t.url).submit('/signin', '/signin', {
        email: m.email,
        password: PASSWORD,
      });
      expect(page.status).toBe(429);
      expect(page.html).toContain('Trop d’essais de mot de passe pour ce compte');
      expect(page.html).toContain(`value="${m.email}"`);

      await sleep(4100);
      expect((await from(t, '10.0.0.7').signIn(m.email, PASSWORD)).status).toBe(200);
      // A right password forgives the failures: the next mistake is free again.
      expect((await from(t, '10.0.0.8').signIn(m.email, WRONG)).status).toBe(401);
    });

    it('delays an unknown address the same way, so the answers tell no accounts apart', async () => {
      const email = 'nobody-here@example.test';
      for (let i = 1; i <= 3; i++)
        expect((await from(t, `10.0.1.${i}`).signIn(email, WRONG)).status).toBe(401);
      expect((await from(t, '10.0.1.4').signIn(email, WRONG)).status).toBe(429);
    });
  });

  describe('password hashes', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(kind);
    });
    afterAll(() => t.close());

    it('hashes with OWASP’s argon2id parameters and upgrades an older hash at sign-in', async () => {
      const m = await newMember(t);
      expect(paramsOf(await storedHash(t, m.id))).toEqual(OWASP);
      // As before this change: the library's defaults.
      const old = await argon2.hash(PASSWORD, { type: argon2.argon2id });
      expect(paramsOf(old)).toEqual({ type: 'argon2id', m: 65_536, t: 3, p: 4 });
      await t.store.db
        .updateTable('users')
        .set({ password_hash: old })
        .where('id', '=', m.id)
        .execute();

      const wrong = await new Client(t.url).api('POST', '/auth/signin', {
        email: m.email,
        password: WRONG,
      });
      expect(wrong.status).toBe(401);
      expect(await storedHash(t, m.id)).toBe(old);

      const c = new Client(t.url);
      expect(
        (await c.api('POST', '/auth/signin', { email: m.email, password: PASSWORD })).status,
      ).toBe(200);
      const upgraded = await storedHash(t, m.id);
      expect(paramsOf(upgraded)).toEqual(OWASP);
      expect(await argon2.verify(upgraded, PASSWORD)).toBe(true);
      expect(
        (
          await new Client(t.url).api('POST', '/auth/signin', {
            email: m.email,
            password: PASSWORD,
          })
        ).status,
      ).toBe(200);
    });
  });

  describe('a flood of sign-ups', () => {
    let t: TestApp;
    let reader: Client;
    let communityPath: string;
    beforeAll(async () => {
      t = await startTestApp(kind, {
        PASSWORD_HASH_CONCURRENCY: '1',
        PASSWORD_HASH_WAIT_SECONDS: '0.05',
      });
      const admin = await newAdmin(t);
      const community = await newCommunity(admin.client);
      communityPath = `/c/${community.slug}`;
      reader = admin.client;
    });
    afterAll(() => t.close());

    it('answers 503 with Retry-After past the hashing slots, while members keep reading', async () => {
      const signUps = Array.from({ length: 20 }, (_, i) =>
        new Client(t.url).request('POST', '/api/v1/auth/signup', {
          json: { email: `flood${i}@example.test`, password: PASSWORD, displayName: `Flot ${i}` },
        }),
      );
      const read = await reader.page(communityPath);
      const answers = await Promise.all(signUps);
      expect(read.status).toBe(200);
      const busy = answers.filter((r) => r.status === 503);
      expect(busy.length).toBeGreaterThan(0);
      expect(answers.filter((r) => r.status === 201).length).toBeGreaterThan(0);
      expect(answers.every((r) => r.status === 201 || r.status === 503)).toBe(true);
      expect(busy[0]?.headers.get('retry-after')).toBe('1');
      expect(await busy[0]?.json()).toEqual({
        error: {
          code: 'unavailable',
          message: 'Le serveur est très sollicité en ce moment. Réessayez dans quelques secondes.',
        },
      });
      // Nothing half-made: each refused sign-up left no account.
      const users = await t.store.db
        .selectFrom('users')
        .select('email')
        .where('email', 'like', 'flood%')
        .execute();
      expect(users.length).toBe(answers.filter((r) => r.status === 201).length);
    });

    it('shows the sign-up form again with what was typed when the server is busy', async () => {
      const clients = await Promise.all(
        Array.from({ length: 16 }, async (_, i) => {
          const c = new Client(t.url);
          const { html } = await c.page('/signup');
          return { c, i, token: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
        }),
      );
      const answers = await Promise.all(
        clients.map(async ({ c, i, token }) => {
          const res = await c.request('POST', '/signup', {
            form: {
              _csrf: token,
              displayName: `Formulaire ${i}`,
              email: `form-flood${i}@example.test`,
              password: PASSWORD,
            },
          });
          return { i, res, html: await res.text() };
        }),
      );
      const busy = answers.find((a) => a.res.status === 503);
      expect(busy).toBeDefined();
      expect(busy?.res.headers.get('retry-after')).toBe('1');
      expect(busy?.html).toContain('Le serveur est très sollicité');
      expect(busy?.html).toContain(`value="Formulaire ${busy?.i}"`);
      expect(busy?.html).toContain(`value="form-flood${busy?.i}@example.test"`);
    });
  });
});
