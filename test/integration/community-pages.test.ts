import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/app.js';
import { Client } from '../client.js';
import { charter, join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';

const t = i18n.translator('fr');
/** What a page shows of a message with its parameters, as the HTML escapes it. */
const shown = (key: string, params?: Record<string, string | number>) =>
  t(key, params).replace(/'/g, '&#39;');

type GroupJson = { id: number; memberCount: number | null };
type CommunityJson = {
  community: { purpose: string; purposePublic: boolean };
  pendingRequests: number | null;
  groups: GroupJson[];
};

// Issue 21, items 19, 20, 22 and 30: what members, outsiders and animators are told and shown.
describe.each(databases)('community pages that tell members the truth, on %s', (kind) => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  beforeAll(async () => {
    app = await startTestApp(kind);
    admin = await newAdmin(app);
  });
  afterAll(() => app.close());

  it('shows outsiders of a private community what it is and how to ask in, its purpose only if shown', async () => {
    const c = await newCommunity(admin.client, 'private');
    const purpose = 'Entraide entre bénévoles des associations.';
    await admin.client.api('POST', `/communities/${c.id}/topics`, {
      title: 'Un sujet entre membres',
      body: 'Réservé.',
    });
    await admin.client.api('POST', `/communities/${c.id}/groups`, {
      slug: 'lyon',
      name: 'Groupe de Lyon',
      visibility: 'public',
    });
    const outsider = await newMember(app);
    const anon = new Client(app.url);

    for (const who of [outsider.client, anon]) {
      const page = await who.page(`/c/${c.slug}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(shown('communities.private.title'));
      expect(page.html).toContain(shown('communities.private.body'));
      expect(page.html).toContain(purpose);
      // Neither an empty list nor an empty group list: it has both, kept for members.
      expect(page.html).not.toContain(shown('conversations.noTopics'));
      expect(page.html).not.toContain(shown('communities.groups.empty'));
      expect(page.html).not.toContain('Un sujet entre membres');
      expect(page.html).not.toContain('Groupe de Lyon');
      expect(await htmlProblems(page.html)).toEqual([]);
    }
    expect((await outsider.client.page(`/c/${c.slug}`)).html).toContain(
      shown('communities.private.howToJoin'),
    );
    expect((await anon.page(`/c/${c.slug}`)).html).toContain(
      `/signin?next=${encodeURIComponent(`/c/${c.slug}/charter`)}`,
    );

    // The animators keep the purpose for members: the settings form, sent without the box.
    const form = await admin.client.submit(`/c/${c.slug}/settings`, `/c/${c.slug}/settings`, {
      name: `Communauté ${c.slug}`,
      purpose,
      typology: 'internal_community',
      visibility: 'private',
    });
    expect(form.status).toBe(303);
    for (const who of [outsider.client, anon]) {
      const api = await who.api<CommunityJson>('GET', `/communities/${c.id}`);
      expect(api.body.community).toMatchObject({ purpose: '', purposePublic: false });
      const list = await who.api<{ communities: { id: number; purpose: string }[] }>(
        'GET',
        '/communities',
      );
      expect(list.body.communities.find((x) => x.id === c.id)?.purpose).toBe('');
      const page = await who.page(`/c/${c.slug}`);
      expect(page.html).not.toContain(purpose);
      expect(page.html).toContain(shown('communities.private.purposeHidden'));
      expect((await who.page('/')).html).not.toContain(purpose);
    }
    // Members still read it; a pending request is told it waits.
    expect(
      (await admin.client.api<CommunityJson>('GET', `/communities/${c.id}`)).body.community,
    ).toMatchObject({ purpose, purposePublic: false });
    expect((await join(outsider.client, c.id)).body).toEqual({ status: 'pending' });
    expect((await outsider.client.page(`/c/${c.slug}`)).html).toContain(
      shown('communities.private.pending'),
    );
    // And shown again through the API.
    const patch = await admin.client.api('PATCH', `/communities/${c.id}`, { purposePublic: true });
    expect(patch.status).toBe(200);
    expect(
      (await anon.api<CommunityJson>('GET', `/communities/${c.id}`)).body.community.purpose,
    ).toBe(purpose);
  });

  it('opens a private group’s card to community members, with the way in and no figures', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(app);
    await join(m.client, c.id);
    const mk = async (slug: string, visibility: string) =>
      (
        await admin.client.api<{ group: { id: number } }>('POST', `/communities/${c.id}/groups`, {
          slug,
          name: `Groupe ${slug}`,
          description: 'Ce que le groupe fait.',
          visibility,
        })
      ).body.group.id;
    const pub = await mk('ouvert', 'public');
    const priv = await mk('mentorat', 'private');
    await admin.client.api('POST', `/communities/${c.id}/topics`, {
      title: 'Secret du mentorat',
      body: 'Entre nous.',
      groupId: priv,
    });

    const groups = (await m.client.api<CommunityJson>('GET', `/communities/${c.id}`)).body.groups;
    expect(groups.find((g) => g.id === pub)?.memberCount).toBe(1);
    expect(groups.find((g) => g.id === priv)?.memberCount).toBeNull();
    const group = await m.client.api<{ group: GroupJson; activeMembers30d: number | null }>(
      'GET',
      `/groups/${priv}`,
    );
    expect(group.status).toBe(200);
    expect(group.body.group.memberCount).toBeNull();
    expect(group.body.activeMembers30d).toBeNull();

    const page = await m.client.page(`/c/${c.slug}/g/mentorat`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Groupe mentorat');
    expect(page.html).toContain(shown('communities.group.private.howToJoin'));
    expect(page.html).toContain(shown('communities.group.request'));
    expect(page.html).not.toContain('Secret du mentorat');
    expect(page.html).not.toContain(shown('conversations.noTopics'));
    expect(await htmlProblems(page.html)).toEqual([]);

    // Asking from the card (a form, no JavaScript), then approved: the topics open.
    const asked = await m.client.submit(
      `/c/${c.slug}/g/mentorat`,
      `/c/${c.slug}/g/mentorat/join`,
      {},
    );
    expect(asked.status).toBe(303);
    expect((await m.client.page(`/c/${c.slug}/g/mentorat`)).html).toContain(
      shown('communities.group.private.pending'),
    );
    // The group's animators find the request on the group's page and approve it there.
    const groupPage = `/c/${c.slug}/g/mentorat`;
    const forAnimator = await admin.client.page(groupPage);
    expect(forAnimator.html).toContain(shown('communities.group.requests', { count: 1 }));
    expect(await htmlProblems(forAnimator.html)).toEqual([]);
    const outsider = await m.client.submit(groupPage, `${groupPage}/members/${m.id}/approve`, {});
    expect(outsider.status).toBe(403);
    const approved = await admin.client.submit(
      groupPage,
      `${groupPage}/members/${m.id}/approve`,
      {},
    );
    expect(approved.status).toBe(303);
    expect((await m.client.page(groupPage)).html).toContain('Secret du mentorat');
    expect((await admin.client.page(groupPage)).html).not.toContain(
      shown('communities.group.requests', { count: 1 }),
    );
  });

  it('tells a member whose charter changed which version to read, what changed, and the versions', async () => {
    const c = await newCommunity(admin.client);
    const m = await newMember(app);
    await join(m.client, c.id);
    const topic = await admin.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${c.id}/topics`,
      { title: 'Bienvenue', body: 'Présentez-vous.' },
    );
    await admin.client.api('POST', `/communities/${c.id}/charter`, {
      body: `${charter}\n3. Citez vos sources.`,
    });

    const page = await m.client.page(`/c/${c.slug}/t/${topic.body.topic.id}`);
    expect(page.html).toContain(shown('communities.charter.changedTo', { version: 2 }));
    expect(page.html).not.toContain(shown('conversations.joinToPost'));

    const charterPage = await m.client.page(`/c/${c.slug}/charter`);
    expect(charterPage.html).toContain(shown('communities.charter.diff.title', { version: 1 }));
    expect(charterPage.html).toMatch(/<ins>(<span[^>]*>[^<]*<\/span>)?[^<]*Citez vos sources/);
    expect(charterPage.html).toContain(shown('communities.charter.reaccept'));
    expect(charterPage.html).toContain(`href="/c/${c.slug}/charter?version=1"`);
    expect(await htmlProblems(charterPage.html)).toEqual([]);
    const old = await m.client.page(`/c/${c.slug}/charter?version=1`);
    expect(old.html).toContain(shown('communities.charter.old', { version: 2 }));
    expect(old.html).not.toContain('Citez vos sources');
    expect((await m.client.page(`/c/${c.slug}/charter?version=9`)).status).toBe(404);

    const api = await m.client.api<{
      version: number;
      currentVersion: number;
      versions: { version: number }[];
    }>('GET', `/communities/${c.id}/charter?version=1`);
    expect(api.body).toMatchObject({ version: 1, currentVersion: 2 });
    expect(api.body.versions.map((v) => v.version)).toEqual([2, 1]);

    await join(m.client, c.id, 2);
    const after = await m.client.page(`/c/${c.slug}/t/${topic.body.topic.id}`);
    expect(after.html).not.toContain(shown('communities.charter.changedTo', { version: 2 }));
    expect(after.html).toContain(shown('conversations.reply.submit'));
  });

  it('puts requests to join first, counted for the animators only', async () => {
    const c = await newCommunity(admin.client, 'private');
    const member = await newMember(app, 'Aaron Abel');
    await join(member.client, c.id);
    await admin.client.api('PATCH', `/communities/${c.id}/members/${member.id}`, {
      approve: true,
    });
    const asking = [await newMember(app, 'Yves Yole'), await newMember(app, 'Zoé Zéphyr')];
    for (const a of asking) await join(a.client, c.id);

    const view = (who: Client) => who.api<CommunityJson>('GET', `/communities/${c.id}`);
    expect((await view(admin.client)).body.pendingRequests).toBe(2);
    expect((await view(member.client)).body.pendingRequests).toBeNull();

    const pending = await admin.client.api<{ members: { id: number; status: string }[] }>(
      'GET',
      `/communities/${c.id}/members?status=pending`,
    );
    expect(pending.body.members.map((x) => x.id)).toEqual(asking.map((a) => a.id));
    const all = await admin.client.api<{ members: { status: string }[] }>(
      'GET',
      `/communities/${c.id}/members?limit=2`,
    );
    expect(all.body.members.map((x) => x.status)).toEqual(['pending', 'pending']);
    const hidden = await member.client.api<{ members: unknown[] }>(
      'GET',
      `/communities/${c.id}/members?status=pending`,
    );
    expect(hidden.body.members).toEqual([]);
    expect((await admin.client.api('GET', `/communities/${c.id}/members?status=gone`)).status).toBe(
      400,
    );

    const home = await admin.client.page(`/c/${c.slug}`);
    expect(home.html).toContain(shown('communities.pendingRequests', { count: 2 }));
    expect((await member.client.page(`/c/${c.slug}`)).html).not.toContain(
      shown('communities.pendingRequests', { count: 2 }),
    );
    const members = await admin.client.page(`/c/${c.slug}/members`);
    const requests = members.html.indexOf(shown('communities.members.requests', { count: 2 }));
    expect(requests).toBeGreaterThan(0);
    expect(members.html.indexOf('Zoé Zéphyr')).toBeGreaterThan(requests);
    expect(members.html.indexOf('Zoé Zéphyr')).toBeLessThan(members.html.indexOf('Aaron Abel'));
    expect(await htmlProblems(members.html)).toEqual([]);
  });
});
