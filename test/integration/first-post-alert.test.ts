// The first-post alert (issue 23): a newcomer's first post left without a response from anyone
// else for the community's hours tells its animators and the newcomer's buddy, once, linking to
// the reply box; a response by someone else, or the setting switched off, tells nobody; the
// newcomer's own reply is no response; a private group's post reaches only those who may read it.
// The clock: the alert is run at a chosen time, as the badge job's tests do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertUnansweredFirstPosts } from '../../src/first-post-alert/index.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Notification = { kind: string; text: string; href: string; actor: { handle: string } | null };
const HOUR = 3_600_000;

describe.each(databases)('the first-post alert on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let camille: Member;
  let julie: Member;
  let bob: Member;
  let nina: Member;
  let paul: Member;
  let lea: Member;
  let zoe: Member;
  let hugo: Member;
  let iris: Member;
  let bobTopic: number;
  let ninaTopic: number;
  let zoeTopic: number;
  let leaTopic: number;

  const alertsOf = async (who: Member) => {
    await caughtUp(t);
    const res = await who.client.api<{ notifications: Notification[] }>('GET', '/notifications');
    return res.body.notifications.filter((n) => n.kind === 'first_post_unanswered');
  };
  const post = async (who: Member, communityId: number, title: string, groupId?: number) => {
    const res = await who.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${communityId}/topics`,
      { title, body: 'Bonjour à toutes et à tous.', ...(groupId ? { groupId } : {}) },
    );
    expect(res.status).toBe(201);
    return res.body.topic.id;
  };
  // Julie volunteers and an animator gives her the newcomer, as the buddies feature does.
  const buddy = async (of: Member, communityId: number) => {
    await julie.client.api('PUT', `/communities/${communityId}/buddy-volunteer`);
    const given = await admin.client.api(
      'PUT',
      `/communities/${communityId}/welcome-queue/${of.id}/buddy`,
      { buddyId: julie.id },
    );
    expect(given.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    julie = await newMember(t, 'Julie Bernard');
    bob = await newMember(t, 'Bob Durand');
    nina = await newMember(t, 'Nina Smith');
    paul = await newMember(t, 'Paul Petit');
    lea = await newMember(t, 'Léa Roux');
    zoe = await newMember(t, 'Zoé Blanc');
    hugo = await newMember(t, 'Hugo Noir');
    iris = await newMember(t, 'Iris Vert');
    for (const m of [camille, julie, bob, nina, paul, lea, zoe, hugo, iris])
      await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${camille.id}`, {
      role: 'animator',
    });
    // Bob's first post was answered by an animator.
    bobTopic = await post(bob, community.id, 'Le planning de décembre');
    await camille.client.api('POST', `/topics/${bobTopic}/replies`, { body: 'Merci Bob.' });
    // A private group: Zoé is in it, Julie is not.
    const group = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      {
        slug: 'tresorerie',
        name: 'Trésorerie',
        description: 'Les comptes.',
        visibility: 'private',
      },
    );
    const groupId = group.body.group.id;
    await zoe.client.api('POST', `/groups/${groupId}/join`);
    expect(
      (await admin.client.api('POST', `/groups/${groupId}/members/${zoe.id}/approve`)).status,
    ).toBe(204);
    for (const m of [nina, lea, zoe]) await buddy(m, community.id);

    ninaTopic = await post(nina, community.id, 'Comment aider le samedi ?');
    const paulTopic = await post(paul, community.id, 'Je peux prêter une perceuse');
    await bob.client.api('POST', `/topics/${paulTopic}/replies`, { body: 'Merci Paul !' });
    leaTopic = await post(lea, community.id, 'Des idées pour Noël ?');
    // Léa adds to her own topic: that is no response.
    await lea.client.api('POST', `/topics/${leaTopic}/replies`, { body: 'Personne ?' });
    zoeTopic = await post(zoe, community.id, 'Le budget 2027', groupId);
    // First posts that are replies: Hugo's is answered by a reply to it, Iris's is not.
    const reply = async (who: Member, body: string, parentReplyId?: number) => {
      const res = await who.client.api<{ reply: { id: number } }>(
        'POST',
        `/topics/${bobTopic}/replies`,
        { body, ...(parentReplyId ? { parentReplyId } : {}) },
      );
      expect(res.status).toBe(201);
      return res.body.reply.id;
    };
    const hugoReply = await reply(hugo, 'Je peux le samedi.');
    await reply(bob, 'Parfait, merci Hugo.', hugoReply);
    await reply(iris, 'Et moi le dimanche.');
  });
  afterAll(() => t.close());

  it('tells nobody before the community’s hours have passed', async () => {
    expect(await alertUnansweredFirstPosts(t.store, Date.now() + 23 * HOUR)).toEqual([]);
    expect(await alertsOf(camille)).toEqual([]);
  });

  it('tells the animators and the buddy of each first post left without a response, once', async () => {
    const at = Date.now() + 25 * HOUR;
    const first = await alertUnansweredFirstPosts(t.store, at);
    const told = Object.fromEntries(
      first.map((a) => [a.memberId, [...a.recipientIds].sort((x, y) => x - y)]),
    );
    // The community's animators: Camille, and the admin who created it.
    const animators = [admin.id, camille.id];
    const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
    // Paul and Bob were answered: no alert. Léa's own reply does not count.
    expect(told).toEqual({
      [nina.id]: sorted([...animators, julie.id]),
      [lea.id]: sorted([...animators, julie.id]),
      // Zoé wrote in a private group Julie cannot read: only the animators are told.
      [zoe.id]: sorted(animators),
      [iris.id]: sorted(animators),
    });
    // Run again, and again later, or by a second instance: nothing twice.
    expect(await alertUnansweredFirstPosts(t.store, at)).toEqual([]);
    expect(await alertUnansweredFirstPosts(t.store, at + 3 * HOUR)).toEqual([]);

    const camilles = await alertsOf(camille);
    expect(camilles).toHaveLength(4);
    // A reply's alert opens its topic at the reply box too.
    expect(camilles.find((n) => n.actor?.handle === iris.handle)?.href).toBe(
      `/c/${community.slug}/t/${bobTopic}#reply-title`,
    );
    const aboutNina = camilles.find((n) => n.actor?.handle === nina.handle);
    expect(aboutNina?.text).toBe(
      `Personne n’a encore répondu au premier message de Nina Smith dans « Communauté ${community.slug} » : « Comment aider le samedi ? »`,
    );
    expect(aboutNina?.href).toBe(`/c/${community.slug}/t/${ninaTopic}#reply-title`);
    const julies = await alertsOf(julie);
    expect(julies.map((n) => n.href).sort()).toEqual(
      [
        `/c/${community.slug}/t/${ninaTopic}#reply-title`,
        `/c/${community.slug}/t/${leaTopic}#reply-title`,
      ].sort(),
    );
    expect(julies.some((n) => n.href.includes(`/t/${zoeTopic}`))).toBe(false);
    expect(await alertsOf(bob)).toEqual([]);
    expect(await alertsOf(nina)).toEqual([]);

    const page = await camille.client.page('/notifications');
    expect(page.html).toContain('Personne n’a encore répondu au premier message de Nina Smith');
    expect(await htmlProblems(page.html)).toEqual([]);
  });

  it('tells nobody where the animators switched it off, and keeps its setting from others', async () => {
    const quiet = await newCommunity(admin.client);
    for (const m of [camille, julie, nina]) await join(m.client, quiet.id);
    await admin.client.api('PATCH', `/communities/${quiet.id}/members/${camille.id}`, {
      role: 'animator',
    });
    // Julie is no animator: the setting is as hidden as a missing page, and stays as it was.
    const refused = await julie.client.api('PUT', `/communities/${quiet.id}/first-post-alert`, {
      enabled: false,
    });
    expect(refused.status).toBe(404);
    expect((await julie.client.page(`/c/${quiet.slug}/first-post-alert`)).status).toBe(404);
    const off = await camille.client.api<{ enabled: boolean; hours: number }>(
      'PUT',
      `/communities/${quiet.id}/first-post-alert`,
      { enabled: false },
    );
    expect(off.body).toEqual({ enabled: false, hours: 24 });
    await buddy(nina, quiet.id);
    await post(nina, quiet.id, 'Bonjour ici aussi');
    expect(await alertUnansweredFirstPosts(t.store, Date.now() + 48 * HOUR)).toEqual([]);
  });

  it('is set by animators on a page without JavaScript; a bad wait is kept with its message', async () => {
    const path = `/c/${community.slug}/first-post-alert`;
    const form = await camille.client.page(path);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Délai sans réponse, en heures');
    expect(await htmlProblems(form.html)).toEqual([]);
    const bad = await camille.client.submit(path, path, { enabled: '1', hours: 'douze' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Le délai doit être un nombre entier d’heures, de 1 à 72 heures.');
    expect(bad.html).toContain('value="douze"');
    const saved = await camille.client.submit(path, path, { enabled: '1', hours: '12' });
    expect(saved.status).toBe(303);
    const api = await camille.client.api('GET', `/communities/${community.id}/first-post-alert`);
    expect(api.body).toEqual({ enabled: true, hours: 12 });
    const tooLong = await camille.client.api<{ error: { code: string } }>(
      'PUT',
      `/communities/${community.id}/first-post-alert`,
      { enabled: true, hours: 500 },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('invalid_input');
  });
});
