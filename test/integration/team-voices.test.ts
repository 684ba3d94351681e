import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Voice = { team: string; initials: string; signature: string } | null;
type Team = { id: number; name: string; handle: string; members: { signature: string }[] };

const noNewAccountLimits = { MESSAGES_MIN_ACCOUNT_HOURS: '0', MESSAGES_NEW_ACCOUNT_DAYS: '0' };

/** What a refused team post must leave unchanged. */
async function footprint(t: TestApp) {
  const count = async (table: string) => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(t.store.db);
    return Number(rows[0]?.n);
  };
  return {
    topics: await count('topics'),
    replies: await count('replies'),
    messages: await count('messages'),
    conversations: await count('message_conversations'),
    audit: await count('team_voice_posts'),
    activity: await count('activity_log'),
  };
}

describe.each(databases)('team voices on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let camille: Member;
  let yanis: Member;
  let other: Member;
  let alice: Member;
  let team: Team;
  let topicId: number;

  beforeAll(async () => {
    t = await startTestApp(kind, noNewAccountLimits);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    yanis = await newMember(t, 'Yanis Ould');
    other = await newMember(t, 'Olivia Autre');
    alice = await newMember(t, 'Alice Membre');
    for (const m of [camille, yanis, other, alice]) await join(m.client, community.id);
    for (const m of [camille, yanis, other])
      await admin.client.api('PATCH', `/communities/${community.id}/members/${m.id}`, {
        role: 'animator',
      });
  });
  afterAll(() => t.close());

  it('lets animators create a team and choose signatures; members get 404', async () => {
    const created = await camille.client.api<{ team: { id: number } }>(
      'POST',
      `/communities/${community.id}/teams`,
      { name: 'L’équipe Unis-Cité' },
    );
    expect(created.status).toBe(201);
    const id = created.body.team.id;
    expect(
      (
        await camille.client.api('PUT', `/teams/${id}/members`, {
          handle: `@${camille.handle}`,
          signatureStyle: 'first_name',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await camille.client.api('PUT', `/teams/${id}/members`, {
          handle: yanis.handle,
          signatureStyle: 'initials',
        })
      ).status,
    ).toBe(204);
    // A member who is not an animator cannot join: a translated error.
    const refused = await camille.client.api<{ error: { code: string; message: string } }>(
      'PUT',
      `/teams/${id}/members`,
      { handle: alice.handle },
      { 'accept-language': 'fr' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('animateurs');

    const list = await camille.client.api<{ teams: Team[] }>(
      'GET',
      `/communities/${community.id}/teams`,
    );
    team = list.body.teams[0] as Team;
    expect(team.name).toBe('L’équipe Unis-Cité');
    expect(team.members.map((m) => m.signature).sort()).toEqual(['Camille', 'Y.O.']);
    expect((await alice.client.api('GET', `/communities/${community.id}/teams`)).status).toBe(404);
    expect((await alice.client.page(`/c/${community.slug}/teams`)).status).toBe(404);
    const page = await camille.client.page(`/c/${community.slug}/teams`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('— Camille');
  });

  it('refuses posting as a team one is not part of, writing nothing', async () => {
    const before = await footprint(t);
    const topic = await other.client.api<{ error: { message: string; field: string } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Au nom de l’équipe', body: 'Bonjour à tous', asTeam: team.id },
      { 'accept-language': 'fr' },
    );
    expect(topic.status).toBe(403);
    expect(topic.body.error.message).toContain('équipe dont vous faites partie');
    const anyTopic = await camille.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Un sujet', body: 'Texte' },
    );
    const afterOwn = await footprint(t);
    const reply = await other.client.api('POST', `/topics/${anyTopic.body.topic.id}/replies`, {
      body: 'Réponse',
      asTeam: team.id,
    });
    expect(reply.status).toBe(403);
    const message = await other.client.api('POST', '/messages/conversations', {
      recipients: [alice.handle],
      body: 'Bonjour',
      asTeam: team.id,
    });
    expect(message.status).toBe(403);
    // A member (not an animator) in no team, by the page form too.
    const form = await alice.client.submit(`/c/${community.slug}/new`, `/c/${community.slug}/new`, {
      kind: 'discussion',
      title: 'Au nom de l’équipe',
      body: 'Texte',
      asTeam: String(team.id),
    });
    expect(form.status).toBe(403);
    expect(form.html).toContain('Au nom de l’équipe');
    expect(await footprint(t)).toEqual(afterOwn);
    expect(afterOwn).toEqual({
      ...before,
      topics: before.topics + 1,
      activity: afterOwn.activity,
    });
  });

  it('shows a team post under the team with its signature, and hides its author from members', async () => {
    const created = await camille.client.api<{ topic: { id: number; teamVoice: Voice } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Bienvenue à tous', body: 'Présentez-vous ici.', asTeam: team.id },
    );
    expect(created.status).toBe(201);
    topicId = created.body.topic.id;
    expect(created.body.topic.teamVoice).toEqual({
      team: 'L’équipe Unis-Cité',
      initials: 'UC',
      signature: 'Camille',
    });
    // Yanis replies as the team by the page form, signed with his initials.
    const replied = await yanis.client.submit(
      `/c/${community.slug}/t/${topicId}`,
      `/c/${community.slug}/t/${topicId}/replies`,
      { body: 'Et bienvenue de ma part.', asTeam: String(team.id) },
    );
    expect(replied.status).toBe(303);

    const api = await alice.client.api<{
      topic: { author: { handle: string; displayName: string }; teamVoice: Voice };
      replies: { author: { handle: string }; teamVoice: Voice }[];
    }>('GET', `/topics/${topicId}`);
    expect(api.body.topic.author).toMatchObject({
      handle: team.handle,
      displayName: 'L’équipe Unis-Cité',
    });
    expect(api.body.replies[0]?.teamVoice?.signature).toBe('Y.O.');
    const json = JSON.stringify(api.body);
    const page = await alice.client.page(`/c/${community.slug}/t/${topicId}`);
    expect(page.html).toContain('— Camille');
    expect(page.html).toContain('— Y.O.');
    expect(page.html).toContain('L’équipe Unis-Cité');
    for (const shown of [json, page.html]) {
      for (const who of [camille, yanis]) {
        expect(shown).not.toContain(who.handle);
        expect(shown).not.toContain(who === camille ? 'Camille Martin' : 'Yanis Ould');
      }
    }
    // Search, the author's profile and the topic list name the team only.
    const search = await alice.client.page(`/search?q=Bienvenue`);
    expect(search.html).not.toContain('Camille Martin');
    const profile = await alice.client.page(`/u/${camille.handle}`);
    expect(profile.html).not.toContain('Bienvenue à tous');
    const list = await alice.client.api<{ topics: { id: number; author: { handle: string } }[] }>(
      'GET',
      `/communities/${community.id}/topics`,
    );
    expect(list.body.topics.find((x) => x.id === topicId)?.author.handle).toBe(team.handle);
    // The audit: an admin reads the real author, by API and page; a member gets 404.
    const audit = await admin.client.api<{
      posts: { kind: string; author: { handle: string }; signature: string }[];
    }>('GET', `/admin/team-posts?kind=topic&targetId=${topicId}`);
    expect(audit.status).toBe(200);
    expect(audit.body.posts).toHaveLength(1);
    expect(audit.body.posts[0]).toMatchObject({
      kind: 'topic',
      author: { handle: camille.handle },
      signature: 'Camille',
    });
    const auditPage = await admin.client.page('/admin/team-voices');
    expect(auditPage.html).toContain(`@${camille.handle}`);
    expect((await alice.client.api('GET', '/admin/team-posts')).status).toBe(404);
    expect((await alice.client.page('/admin/team-voices')).status).toBe(404);
    expect((await camille.client.api('GET', '/admin/team-posts')).status).toBe(404);
  });

  it('notifies about a team reply naming the team, not the animator', async () => {
    const asked = await alice.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Une question pour l’équipe', body: 'Comment faire ?' },
    );
    await camille.client.api('POST', `/topics/${asked.body.topic.id}/replies`, {
      body: 'Voici comment.',
      asTeam: team.id,
    });
    await caughtUp(t);
    const notes = await alice.client.api('GET', '/notifications');
    const text = JSON.stringify(notes.body);
    expect(text).toContain('L’équipe Unis-Cité');
    expect(text).not.toContain('Camille Martin');
    expect(text).not.toContain(camille.handle);
  });

  it('brings a member’s message to the team to every animator of the team, who answer as it', async () => {
    const sent = await alice.client.api<{ conversationId: number }>(
      'POST',
      '/messages/conversations',
      { recipients: [`@${team.handle}`], body: 'Bonjour l’équipe, une question.' },
    );
    expect(sent.status).toBe(201);
    const id = sent.body.conversationId;
    for (const animator of [camille, yanis]) {
      const list = await animator.client.api<{ conversations: { id: number; unread: number }[] }>(
        'GET',
        '/messages/conversations',
      );
      expect(list.body.conversations.find((c) => c.id === id)?.unread).toBe(1);
    }
    // Another animator, not of the team, does not see it.
    expect((await other.client.api('GET', `/messages/conversations/${id}`)).status).toBe(404);
    expect((await admin.client.api('GET', `/messages/conversations/${id}`)).status).toBe(404);
    await caughtUp(t);
    const yanisNotes = await yanis.client.api('GET', '/notifications');
    expect(JSON.stringify(yanisNotes.body)).toContain('Alice Membre');

    const answer = await yanis.client.api<{
      message: { author: { handle: string }; teamVoice: Voice };
    }>('POST', `/messages/conversations/${id}/messages`, { body: 'Bonjour Alice, voici.' });
    expect(answer.status).toBe(201);
    expect(answer.body.message.author.handle).toBe(team.handle);
    const thread = await alice.client.page(`/messages/${id}`);
    expect(thread.html).toContain('— Y.O.');
    expect(thread.html).not.toContain('Yanis Ould');
    const threadApi = await alice.client.api('GET', `/messages/conversations/${id}`);
    expect(JSON.stringify(threadApi.body)).not.toContain(yanis.handle);
    // Camille, of the team, reads the answer as the team's.
    const camilleView = await camille.client.page(`/messages/${id}`);
    expect(camilleView.html).toContain('Bonjour Alice, voici.');

    // A team writes first, to a member, by the page form.
    const started = await camille.client.submit('/messages/new', '/messages/new', {
      recipients: alice.handle,
      body: 'Un mot de l’équipe.',
      asTeam: String(team.id),
    });
    expect(started.status).toBe(303);
    const aliceList = await alice.client.api<{
      conversations: { lastMessage: { author: { displayName: string } } }[];
    }>('GET', '/messages/conversations');
    expect(aliceList.body.conversations[0]?.lastMessage.author.displayName).toBe(
      'L’équipe Unis-Cité',
    );
  });
});
