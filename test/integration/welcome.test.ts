// The welcome queue (issue 23): only animators see it; it tells who posted, who was answered and
// by whom, who was welcomed and by whom; one action sends the newcomer a private message drafted
// from the template of their language and marks them welcomed; a broken template writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Person = { handle: string; displayName: string } | undefined;
type Newcomer = {
  member: { id: number; handle: string; locale: string };
  interests: string;
  posted: boolean;
  answered: { by: Person } | null;
  welcomed: { by: Person } | null;
};
const noNewAccountLimits = { MESSAGES_MIN_ACCOUNT_HOURS: '0', MESSAGES_NEW_ACCOUNT_DAYS: '0' };

describe.each(databases)('the welcome queue on %s', (kind) => {
  let t: TestApp;
  let community: { id: number; slug: string };
  let camille: Member;
  let bob: Member;
  let nina: Member;
  let paul: Member;

  const queue = async (who: Member) =>
    who.client.api<{ days: number; newcomers: Newcomer[] }>(
      'GET',
      `/communities/${community.id}/welcome-queue`,
    );
  const count = async (table: 'messages' | 'welcome_templates') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const welcomedRows = () =>
    t.store.db
      .selectFrom('activity_log')
      .select(['actor_id', 'target_id', 'target_kind', 'community_id'])
      .where('kind', '=', 'newcomer.welcomed')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind, noNewAccountLimits);
    const admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    bob = await newMember(t, 'Bob Durand');
    nina = await newMember(t, 'Nina Smith');
    paul = await newMember(t, 'Paul Petit');
    for (const m of [camille, bob, nina, paul]) await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${camille.id}`, {
      role: 'animator',
    });
    // Nina reads Ruche in English and says what she cares about.
    await nina.client.api('PATCH', '/me', { locale: 'en', bio: 'Gardening and repair cafés' });
  });
  afterAll(() => t.close());

  it('is linked from the community’s page for its animators only', async () => {
    const home = `/c/${community.slug}`;
    const links = async (who: Member) =>
      [...(await who.client.page(home)).html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(await links(camille)).toEqual(
      expect.arrayContaining([
        `${home}/welcome`,
        `${home}/recognition`,
        `${home}/teams`,
        `${home}/calendar`,
      ]),
    );
    const member = await links(bob);
    expect(member).toContain(`${home}/badges`);
    expect(member).not.toContain(`${home}/welcome`);
    expect(member).not.toContain(`${home}/recognition`);
    // From the queue, the animator reaches the rest of the welcome's settings.
    const queuePage = await camille.client.page(`${home}/welcome`);
    const fromQueue = [...queuePage.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(fromQueue).toEqual(
      expect.arrayContaining([
        `${home}/welcome/templates`,
        `${home}/first-steps/edit`,
        `${home}/first-post-alert`,
        `${home}/buddies`,
      ]),
    );
  });

  it('is a 404 for members who are not animators, by page and API', async () => {
    expect((await queue(bob)).status).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}/welcome`)).status).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}/welcome/${nina.id}`)).status).toBe(404);
    const sent = await bob.client.api(
      'POST',
      `/communities/${community.id}/welcome-queue/${nina.id}/welcome`,
      { body: 'Bienvenue !' },
    );
    expect(sent.status).toBe(404);
    expect(await welcomedRows()).toEqual([]);
    expect(await count('messages')).toBe(0);
  });

  it('lists newcomers newest first, with whether they posted and who answered', async () => {
    const asked = await nina.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Hello everyone', body: 'Where do I start?' },
    );
    expect(asked.status).toBe(201);
    // Nina's own reply is not an answer; Bob's is.
    await nina.client.api('POST', `/topics/${asked.body.topic.id}/replies`, { body: 'Anyone?' });
    await bob.client.api('POST', `/topics/${asked.body.topic.id}/replies`, { body: 'Here!' });

    const res = await queue(camille);
    expect(res.status).toBe(200);
    expect(res.body.days).toBe(30);
    const handles = res.body.newcomers.map((n) => n.member.handle);
    // Camille is staff: not a newcomer to welcome. Paul joined last.
    expect(handles).toEqual([paul.handle, nina.handle, bob.handle]);
    const ninaRow = res.body.newcomers.find((n) => n.member.handle === nina.handle);
    expect(ninaRow).toMatchObject({
      posted: true,
      interests: 'Gardening and repair cafés',
      member: { locale: 'en' },
      answered: { by: { handle: bob.handle, displayName: 'Bob Durand' } },
      welcomed: null,
    });
    const paulRow = res.body.newcomers.find((n) => n.member.handle === paul.handle);
    expect(paulRow).toMatchObject({ posted: false, answered: null, welcomed: null });

    const page = await camille.client.page(`/c/${community.slug}/welcome`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Nina Smith');
    expect(page.html).toContain('Bob Durand');
    expect(page.html).toContain(`/c/${community.slug}/welcome/${nina.id}`);
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('refuses a template with an unknown variable, by API and page, and writes nothing', async () => {
    const refused = await camille.client.api<{ error: { code: string; message: string } }>(
      'PUT',
      `/communities/${community.id}/welcome-templates`,
      { locale: 'fr', body: 'Bonjour {prenom}, bienvenue dans {community} !' },
      { 'accept-language': 'fr' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('{prenom}');
    expect(refused.body.error.message).toContain('n’existe pas');
    const templatesPage = `/c/${community.slug}/welcome/templates`;
    const form = await camille.client.submit(templatesPage, templatesPage, {
      locale: 'en',
      template_en: 'Hi {firstName}!',
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain('{firstName}');
    expect(form.html).toContain('Hi {firstName}!');
    expect(await htmlProblems(form.html)).toEqual([]);
    expect(await count('welcome_templates')).toBe(0);
    // Bob is no animator: the templates are as hidden as the queue.
    expect(
      (
        await bob.client.api('PUT', `/communities/${community.id}/welcome-templates`, {
          locale: 'en',
          body: 'Hi {name}',
        })
      ).status,
    ).toBe(404);
    expect(await count('welcome_templates')).toBe(0);
  });

  it('welcomes a newcomer with a private message drafted in their language', async () => {
    const saved = await camille.client.api<{ templates: { fr: string; en: string } }>(
      'PUT',
      `/communities/${community.id}/welcome-templates`,
      { locale: 'en', body: 'Hi {name}, welcome to {community}!\n\n{interests}' },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.templates.en).toContain('Hi {name}');
    expect(saved.body.templates.fr).toContain('Bienvenue dans « {community} »');

    // The form, without JavaScript, holds the draft for Nina: English, her name, her interests.
    const formPath = `/c/${community.slug}/welcome/${nina.id}`;
    const form = await camille.client.page(formPath);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Hi Nina Smith, welcome to Communauté');
    expect(form.html).toContain('Gardening and repair cafés');
    expect(await htmlProblems(form.html)).toEqual([]);

    const sent = await camille.client.submit(formPath, formPath, {
      body: 'Hi Nina Smith, welcome! Tell us about your repair café.',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/c/${community.slug}/welcome`);

    // Nina reads it in her messages, and is notified.
    const list = await nina.client.api<{
      conversations: { id: number; unread: number; lastMessage: { body: string } | null }[];
    }>('GET', '/messages/conversations');
    expect(list.body.conversations).toHaveLength(1);
    expect(JSON.stringify(list.body)).toContain('Tell us about your repair café.');
    await caughtUp(t);
    const notes = await nina.client.api('GET', '/notifications');
    expect(JSON.stringify(notes.body)).toContain('Camille Martin');

    // The queue marks her welcomed by Camille; the log row names both.
    const after = await queue(camille);
    const ninaRow = after.body.newcomers.find((n) => n.member.handle === nina.handle);
    expect(ninaRow?.welcomed?.by?.handle).toBe(camille.handle);
    expect(after.body.newcomers.find((n) => n.member.handle === paul.handle)?.welcomed).toBeNull();
    const rows = await welcomedRows();
    expect(rows.map((r) => [Number(r.actor_id), Number(r.target_id), r.target_kind])).toEqual([
      [camille.id, nina.id, 'user'],
    ]);
    expect(Number(rows[0]?.community_id)).toBe(community.id);
    const page = await camille.client.page(`/c/${community.slug}/welcome`);
    expect(page.html).toContain('Accueilli·e par Camille Martin');
  });

  it('welcomes by API, and refuses an empty message with nothing written', async () => {
    const empty = await camille.client.api(
      'POST',
      `/communities/${community.id}/welcome-queue/${paul.id}/welcome`,
      { body: '   ' },
    );
    expect(empty.status).toBe(400);
    expect(await welcomedRows()).toHaveLength(1);
    const draft = await camille.client.api<{ body: string }>(
      'GET',
      `/communities/${community.id}/welcome-queue/${paul.id}`,
    );
    expect(draft.body.body).toContain('Bonjour Paul Petit');
    const sent = await camille.client.api<{ conversationId: number; href: string }>(
      'POST',
      `/communities/${community.id}/welcome-queue/${paul.id}/welcome`,
      { body: draft.body.body },
    );
    expect(sent.status).toBe(201);
    expect(sent.body.href).toBe(`/messages/${sent.body.conversationId}`);
    const thread = await paul.client.api(
      'GET',
      `/messages/conversations/${sent.body.conversationId}`,
    );
    expect(JSON.stringify(thread.body)).toContain('Bienvenue dans « Communauté');
    // Someone who is not a newcomer of this community (staff) cannot be "welcomed".
    expect(
      (
        await camille.client.api(
          'POST',
          `/communities/${community.id}/welcome-queue/${camille.id}/welcome`,
          { body: 'Bienvenue' },
        )
      ).status,
    ).toBe(404);
    expect(await welcomedRows()).toHaveLength(2);
  });

  it('welcomes as a team voice: the team writes, and the queue names it', async () => {
    const team = await camille.client.api<{ team: { id: number } }>(
      'POST',
      `/communities/${community.id}/teams`,
      { name: 'L’équipe d’accueil' },
    );
    expect(team.status).toBe(201);
    await camille.client.api('PUT', `/teams/${team.body.team.id}/members`, {
      handle: camille.handle,
      signatureStyle: 'first_name',
    });
    const late = await newMember(t, 'Léa Tardive');
    await join(late.client, community.id);
    // A team that is not Camille's: refused, nothing written.
    const refused = await camille.client.api(
      'POST',
      `/communities/${community.id}/welcome-queue/${late.id}/welcome`,
      { body: 'Bienvenue !', asTeam: team.body.team.id + 1000 },
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await welcomedRows()).toHaveLength(2);
    expect(await count('messages')).toBe(2);
    const sent = await camille.client.api<{ conversationId: number }>(
      'POST',
      `/communities/${community.id}/welcome-queue/${late.id}/welcome`,
      { body: 'Bienvenue Léa !', asTeam: team.body.team.id },
    );
    expect(sent.status).toBe(201);
    const thread = await late.client.api<{
      messages: { author: { displayName: string }; teamVoice: { signature: string } | null }[];
    }>('GET', `/messages/conversations/${sent.body.conversationId}`);
    expect(thread.body.messages[0]?.author.displayName).toBe('L’équipe d’accueil');
    expect(thread.body.messages[0]?.teamVoice?.signature).toBe('Camille');
    const row = (await queue(camille)).body.newcomers.find((n) => n.member.handle === late.handle);
    expect(row?.welcomed?.by?.displayName).toBe('L’équipe d’accueil');
  });
});
