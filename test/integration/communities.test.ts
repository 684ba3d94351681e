import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { charter, countRows, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

describe.each(databases)('communities and groups on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
  });
  afterAll(() => t.close());

  it('lets only admins create a community; a refused one writes nothing', async () => {
    const m = await newMember(t);
    const before = await countRows(t, 'communities');
    const res = await m.client.api('POST', '/communities', {
      slug: 'nope',
      name: 'Nope',
      purpose: 'Une raison d’être assez longue.',
      typology: 'process_support',
      visibility: 'public',
      charter,
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(await countRows(t, 'communities')).toBe(before);
    const c = await newCommunity(admin.client);
    const dup = await admin.client.api('POST', '/communities', {
      slug: c.slug,
      name: 'Bis',
      purpose: 'Une raison d’être assez longue.',
      typology: 'process_support',
      visibility: 'public',
      charter,
    });
    expect(dup.status).toBe(409);
  });

  it('joins with the current charter and asks again when a new version is published', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(t);
    expect((await join(m.client, c.id, 2)).body).toMatchObject({
      error: { code: 'charter_not_accepted' },
    });
    expect((await join(m.client, c.id, 1)).body).toEqual({ status: 'active' });
    const post = () =>
      m.client.api('POST', `/communities/${c.id}/topics`, {
        title: 'Bonjour à tous',
        body: 'Premier message',
      });
    expect((await post()).status).toBe(201);
    expect(
      (
        await admin.client.api('POST', `/communities/${c.id}/charter`, {
          body: `${charter}\n3. Nouvelle règle.`,
        })
      ).status,
    ).toBe(201);
    const blocked = await post();
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ error: { code: 'charter_outdated' } });
    const page = await m.client.page(`/c/${c.slug}`);
    expect(page.html).toContain('La charte de la communauté a changé : la version 2');
    // Valid markup, each navigation landmark named (the main one, the list's pages).
    expect(await htmlProblems(page.html)).toEqual([]);
    // Its purpose is what search engines and link previews show of it.
    expect(page.html).toContain(
      '<meta name="description" content="Entraide entre bénévoles des associations."/>',
    );
    expect((await join(m.client, c.id, 1)).status).toBe(409);
    expect((await join(m.client, c.id, 2)).status).toBe(200);
    expect((await post()).status).toBe(201);
  });

  it('joins through the charter page form, without JavaScript', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(t);
    const refused = await m.client.submit(`/c/${c.slug}/charter`, `/c/${c.slug}/join`, {
      charterVersion: '1',
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('accepter la charte');
    const ok = await m.client.submit(`/c/${c.slug}/charter`, `/c/${c.slug}/join`, {
      charterVersion: '1',
      accept: '1',
    });
    expect(ok.status).toBe(303);
    const view = await m.client.api<{ viewer: { status: string; canPost: boolean } }>(
      'GET',
      `/communities/${c.id}`,
    );
    expect(view.body.viewer).toMatchObject({ status: 'active', canPost: true });
  });

  it('turns a join into a request in a private community, approved by an animator', async () => {
    const c = await newCommunity(admin.client, 'private');
    const m = await newMember(t);
    expect((await join(m.client, c.id)).body).toEqual({ status: 'pending' });
    expect((await m.client.api('GET', `/communities/${c.id}/topics`)).status).toBe(404);
    expect(
      (await admin.client.api('PATCH', `/communities/${c.id}/members/${m.id}`, { approve: true }))
        .status,
    ).toBe(204);
    expect((await m.client.api('GET', `/communities/${c.id}/topics`)).status).toBe(200);
    expect(
      (await m.client.api('PATCH', `/communities/${c.id}/members/${m.id}`, { role: 'animator' }))
        .status,
    ).toBe(403);
  });

  it('hides an invite-only community from outsiders and lets the invited in', async () => {
    const c = await newCommunity(admin.client, 'invite_only');
    const m = await newMember(t);
    const anon = new Client(t.url);
    expect((await anon.api('GET', `/communities/${c.id}`)).status).toBe(404);
    expect((await anon.page(`/c/${c.slug}`)).status).toBe(404);
    const list = await m.client.api<{ communities: { id: number }[] }>('GET', '/communities');
    expect(list.body.communities.map((x) => x.id)).not.toContain(c.id);
    expect((await join(m.client, c.id)).status).toBe(404);
    expect(
      (await admin.client.api('POST', `/communities/${c.id}/invitations`, { handle: m.handle }))
        .status,
    ).toBe(201);
    expect((await join(m.client, c.id)).body).toEqual({ status: 'active' });
  });

  it('lets members leave, and keeps roles to animators', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(t);
    await join(m.client, c.id);
    expect(
      (
        await admin.client.api('PATCH', `/communities/${c.id}/members/${m.id}`, {
          role: 'moderator',
        })
      ).status,
    ).toBe(204);
    const members = await m.client.api<{ members: { id: number; role: string }[] }>(
      'GET',
      `/communities/${c.id}/members`,
    );
    expect(members.body.members.find((x) => x.id === m.id)?.role).toBe('moderator');
    expect((await m.client.api('POST', `/communities/${c.id}/leave`)).status).toBe(204);
    const after = await m.client.api<{ viewer: { status: string | null } }>(
      'GET',
      `/communities/${c.id}`,
    );
    expect(after.body.viewer.status).toBeNull();
  });

  it('runs groups: public to join, private on request, invite-only hidden', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(t);
    await join(m.client, c.id);
    const mk = (slug: string, visibility: string) =>
      admin.client.api<{ group: { id: number } }>('POST', `/communities/${c.id}/groups`, {
        slug,
        name: `Groupe ${slug}`,
        description: 'Petit groupe',
        visibility,
      });
    const pub = (await mk('lyon', 'public')).body.group.id;
    const priv = (await mk('mentorat', 'private')).body.group.id;
    const hidden = (await mk('bureau', 'invite_only')).body.group.id;
    expect(
      (
        await m.client.api('POST', `/communities/${c.id}/groups`, {
          slug: 'pirate',
          name: 'Pirate',
          visibility: 'public',
        })
      ).status,
    ).toBe(403);
    expect((await m.client.api('POST', `/groups/${pub}/join`)).body).toEqual({ status: 'active' });
    expect((await m.client.api('POST', `/groups/${priv}/join`)).body).toEqual({
      status: 'pending',
    });
    expect(
      (
        await m.client.api('POST', `/communities/${c.id}/topics`, {
          title: 'Dans le groupe privé',
          body: 'x',
          groupId: priv,
        })
      ).status,
    ).toBe(404);
    expect((await m.client.api('GET', `/groups/${hidden}`)).status).toBe(404);
    const view = await m.client.api<{ groups: { id: number }[] }>('GET', `/communities/${c.id}`);
    expect(view.body.groups.map((g) => g.id).sort()).toEqual([pub, priv].sort());
    expect((await admin.client.api('POST', `/groups/${priv}/members/${m.id}/approve`)).status).toBe(
      204,
    );
    expect(
      (
        await m.client.api('POST', `/communities/${c.id}/topics`, {
          title: 'Dans le groupe privé',
          body: 'x',
          groupId: priv,
        })
      ).status,
    ).toBe(201);
    expect((await m.client.api('POST', `/groups/${pub}/leave`)).status).toBe(204);
  });

  it('opens settings pages to those who manage, sends others away', async () => {
    const c = await newCommunity(admin.client);
    await admin.client.api('POST', `/communities/${c.id}/groups`, {
      slug: 'atelier',
      name: 'Atelier',
      visibility: 'public',
    });
    const m = await newMember(t);
    await join(m.client, c.id);
    for (const path of [
      `/c/${c.slug}/settings`,
      `/c/${c.slug}/groups/new`,
      `/c/${c.slug}/g/atelier/settings`,
    ]) {
      expect((await admin.client.page(path)).status, path).toBe(200);
      expect((await m.client.page(path)).status, path).toBe(403);
      expect((await new Client(t.url).page(path)).location, path).toBe(
        `/signin?next=${encodeURIComponent(path)}`,
      );
    }
    expect((await m.client.page('/communities/new')).status).toBe(403);
    expect((await admin.client.page('/communities/new')).status).toBe(200);
  });

  it('tells animators when a group passes 25 active members and suggests a split', async () => {
    const c = await newCommunity(admin.client);
    const g = (
      await admin.client.api<{ group: { id: number; slug?: string } }>(
        'POST',
        `/communities/${c.id}/groups`,
        { slug: 'grand', name: 'Grand groupe', visibility: 'public' },
      )
    ).body.group.id;
    const post = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const m = await newMember(t);
        await join(m.client, c.id);
        await m.client.api('POST', `/groups/${g}/join`);
        const res = await m.client.api('POST', `/communities/${c.id}/topics`, {
          title: `Sujet ${i}`,
          body: 'Bonjour',
          groupId: g,
        });
        expect(res.status).toBe(201);
      }
    };
    await post(25);
    expect(
      (await admin.client.api<{ suggestSplit: boolean }>('GET', `/groups/${g}`)).body.suggestSplit,
    ).toBe(false);
    await post(1);
    const view = await admin.client.api<{ suggestSplit: boolean; activeMembers30d: number }>(
      'GET',
      `/groups/${g}`,
    );
    expect(view.body).toMatchObject({ suggestSplit: true, activeMembers30d: 26 });
    const page = await admin.client.page(`/c/${c.slug}/g/grand`);
    expect(page.html).toContain('proposez de le scinder');
    const memberPage = await (await newMember(t)).client.page(`/c/${c.slug}/g/grand`);
    expect(memberPage.html).not.toContain('proposez de le scinder');
  });
});
