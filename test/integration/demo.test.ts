import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ensureDemo } from '../../src/demo/index.js';
import { Client } from '../client.js';
import { countRows } from '../fixtures.js';
import { caughtUp } from '../notified.js';
import {
  createTestStore,
  databases,
  startTestApp,
  type TestApp,
  type TestStore,
} from '../harness.js';

describe.each(databases)('demo community on %s', (kind) => {
  let db: TestStore;
  let t: TestApp;
  let lines: string[] = [];
  beforeAll(async () => {
    db = await createTestStore(kind);
    lines = await ensureDemo(db.store, { log: () => undefined, progress: false });
    t = await startTestApp(kind, {}, db);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('seeds a realistic community once, and prints the animator’s login', async () => {
    expect(await countRows(t, 'users')).toBe(300);
    expect(await countRows(t, 'communities')).toBe(2);
    expect(await countRows(t, 'groups')).toBeGreaterThanOrEqual(6);
    expect(await countRows(t, 'topics')).toBeGreaterThanOrEqual(350);
    expect(await countRows(t, 'replies')).toBeGreaterThanOrEqual(2500);
    expect(lines.at(-2)).toContain(`camille@demo.ruche.test / password: ${DEMO_PASSWORD}`);
    expect(lines.at(-1)).toBe(
      "Demo sponsor (the cockpit's figures, aggregated, no names): helene-rousseau@demo.ruche.test / same password",
    );
    await ensureDemo(db.store, { log: () => undefined, progress: false });
    expect(await countRows(t, 'users')).toBe(300);
  });

  it('lets the demo sponsor see the volunteers’ cockpit, aggregated, without a name', async () => {
    const c = new Client(t.url);
    const signedIn = await c.api('POST', '/auth/signin', {
      email: 'helene-rousseau@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    const list = await c.api<{ communities: { id: number; slug: string }[] }>(
      'GET',
      '/communities',
    );
    const id = list.body.communities.find((x) => x.slug === 'reseau-des-benevoles')?.id ?? 0;
    const cockpit = await c.api<{ audience: string; circles: { core_members: unknown[] } }>(
      'GET',
      `/communities/${id}/analytics`,
    );
    expect(cockpit.body.audience).toBe('sponsor');
    expect(cockpit.body.circles.core_members).toEqual([]);
    const page = await c.page('/c/reseau-des-benevoles/cockpit');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Vue direction : chiffres agrégés seulement');
    expect(page.html).not.toContain('Camille Martin');
  });

  it('lets the demo animator sign in and see the split advice and the private community', async () => {
    const c = new Client(t.url);
    expect(
      (
        await c.api('POST', '/auth/signin', {
          email: 'camille@demo.ruche.test',
          password: DEMO_PASSWORD,
        })
      ).status,
    ).toBe(200);
    const list = await c.api<{
      communities: { id: number; visibility: string; isMember: boolean }[];
    }>('GET', '/communities');
    expect(list.body.communities.filter((x) => x.isMember)).toHaveLength(2);
    const community = await c.api<{ groups: { id: number }[] }>(
      'GET',
      `/communities/${list.body.communities[0]?.id ?? 0}`,
    );
    const views = await Promise.all(
      community.body.groups.map((g) => c.api<{ suggestSplit: boolean }>('GET', `/groups/${g.id}`)),
    );
    expect(views.some((v) => v.body.suggestSplit)).toBe(true);
    const found = await c.api<{ total: number }>('GET', '/search?q=bénévoles');
    expect(found.body.total).toBeGreaterThan(10);
  });

  it('gives the animator notifications and private conversations, one of them waiting for her', async () => {
    await caughtUp(t);
    const c = new Client(t.url);
    await c.api('POST', '/auth/signin', {
      email: 'camille@demo.ruche.test',
      password: DEMO_PASSWORD,
    });
    const messages = await c.page('/messages');
    expect(messages.status).toBe(200);
    expect(messages.html).toContain('réunion d’information');
    const unread = await c.api<{ unread: number }>('GET', '/messages/unread');
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);
    const notifications = await c.page('/notifications');
    expect(notifications.html).toContain('vous a envoyé un message privé');
    const count = await c.api<{ unread: number }>('GET', '/notifications/unread');
    expect(count.body.unread).toBeGreaterThanOrEqual(1);
  });
});
