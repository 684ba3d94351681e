// Thanks and recognition (issue 23): badges from the log, awarded once by the job and announced;
// shown on profiles only where the viewer may read; spotlights shown only once the member
// accepts; leaderboards that do not exist while a community has them off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivities, type ActivityEntry } from '../../src/activity/index.js';
import { awardBadges } from '../../src/recognition/index.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
const DAY = 86_400_000;

describe.each(databases)('thanks and recognition on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let secret: { id: number; slug: string };
  let julie: Member;
  let bob: Member;
  let carol: Member;
  let dave: Member;
  const at = Date.now();

  const log = (entries: ActivityEntry[]) =>
    t.store.db.transaction().execute((trx) => recordActivities(t.store, trx, entries));
  const awardsOf = async (userId: number) =>
    (
      await t.store.db
        .selectFrom('badge_awards')
        .select(['badge', 'community_id'])
        .where('user_id', '=', userId)
        .orderBy('badge')
        .execute()
    ).map((r) => `${r.badge}@${Number(r.community_id)}`);
  const count = async (table: 'badge_awards' | 'spotlights') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    secret = await newCommunity(admin.client, 'private');
    julie = await newMember(t, 'Julie Martin');
    bob = await newMember(t, 'Bob Durand');
    carol = await newMember(t, 'Carol Petit');
    dave = await newMember(t, 'Dave Leroy');
    for (const m of [julie, bob, carol, dave])
      expect((await join(m.client, community.id)).status).toBe(200);
    expect((await join(julie.client, secret.id)).status).toBe(200);
    await admin.client.api('PATCH', `/communities/${secret.id}/members/${julie.id}`, {
      approve: true,
    });
  });
  afterAll(() => t.close());

  it('awards welcome and buddy badges from hand-written log rows, each once', async () => {
    const c = community.id;
    await log([
      // Julie welcomed five different newcomers (ids of people who need not exist here).
      ...[901, 902, 903, 904, 905].map((n) => ({
        actorId: julie.id,
        communityId: c,
        kind: 'newcomer.welcomed' as const,
        targetKind: 'user',
        targetId: n,
        at: at - 5 * DAY,
      })),
      // Bob welcomed the same newcomer five times: one newcomer.
      ...[1, 2, 3, 4, 5].map((i) => ({
        actorId: bob.id,
        communityId: c,
        kind: 'newcomer.welcomed' as const,
        targetKind: 'user',
        targetId: 901,
        at: at - i * DAY,
      })),
      // Carol was buddy of Dave 100 days ago; Dave never left: Carol earns "buddy-kept".
      {
        actorId: carol.id,
        communityId: c,
        kind: 'buddy.assigned',
        targetKind: 'user',
        targetId: dave.id,
        at: at - 100 * DAY,
      },
      // Bob was buddy of 950 100 days ago, who left 30 days later: no badge.
      {
        actorId: bob.id,
        communityId: c,
        kind: 'buddy.assigned',
        targetKind: 'user',
        targetId: 950,
        at: at - 100 * DAY,
      },
      { actorId: 950, communityId: c, kind: 'community.left', at: at - 70 * DAY },
      // Julie became buddy of 951 ten days ago: too early to tell.
      {
        actorId: julie.id,
        communityId: c,
        kind: 'buddy.assigned',
        targetKind: 'user',
        targetId: 951,
        at: at - 10 * DAY,
      },
    ]);
    const first = await awardBadges(t.store, at);
    expect(first.map((a) => `${a.userId}:${a.badge}`).sort()).toEqual(
      [`${carol.id}:buddy-kept`, `${julie.id}:welcomed-five`].sort(),
    );
    expect(await awardsOf(julie.id)).toEqual([`welcomed-five@${c}`]);
    expect(await awardsOf(bob.id)).toEqual([]);
    // Run again, and again later: nothing twice.
    expect(await awardBadges(t.store, at)).toEqual([]);
    expect(await awardBadges(t.store, at + DAY)).toEqual([]);
    expect(await awardsOf(carol.id)).toEqual([`buddy-kept@${c}`]);
    const awardedRows = await t.store.db
      .selectFrom('activity_log')
      .select(['actor_id', 'detail'])
      .where('kind', '=', 'badge.awarded')
      .execute();
    expect(awardedRows).toHaveLength(2);
  });

  it('announces a badge to its member, in words a person would write', async () => {
    await caughtUp(t);
    const res = await julie.client.api<{
      notifications: { kind: string; text: string; href: string }[];
    }>('GET', '/notifications');
    const badge = res.body.notifications.find((n) => n.kind === 'badge_awarded');
    expect(badge?.text).toBe(
      `Vous avez reçu le badge « Comité d’accueil » dans « Communauté ${community.slug} »`,
    );
    expect(badge?.href).toBe(`/c/${community.slug}/badges`);
    const page = await julie.client.page(`/c/${community.slug}/badges`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Vos badges ici : un badge.');
  });

  it('gives "first reply" for a reply, shown on the profile, and hides a private community’s', async () => {
    const topic = await admin.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Qui peut aider au tri ?', body: 'Samedi matin, au local.' },
    );
    expect(
      (await carol.client.api('POST', `/topics/${topic.body.topic.id}/replies`, { body: 'Moi !' }))
        .status,
    ).toBe(201);
    // Julie's reply in the private community earns her a badge there.
    const hidden = await admin.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${secret.id}/topics`,
      { title: 'Budget', body: 'Les chiffres.' },
    );
    expect(
      (await julie.client.api('POST', `/topics/${hidden.body.topic.id}/replies`, { body: 'Vu.' }))
        .status,
    ).toBe(201);
    await awardBadges(t.store, Date.now());
    expect(await awardsOf(carol.id)).toContain(`first-reply@${community.id}`);
    expect(await awardsOf(julie.id)).toContain(`first-reply@${secret.id}`);

    const profile = await bob.client.page(`/u/${carol.handle}`);
    expect(profile.html).toContain('Première réponse');
    expect(profile.html).toContain('Marraine ou parrain');
    // Bob may not read the private community: Julie's badge there is not his to see.
    const api = await bob.client.api<{
      badges: { badge: { id: string }; community: { id: number } }[];
    }>('GET', `/users/${julie.handle}/badges`);
    expect(api.status).toBe(200);
    expect(api.body.badges.map((b) => `${b.badge.id}@${b.community.id}`)).toEqual([
      `welcomed-five@${community.id}`,
    ]);
    const own = await julie.client.api<{ badges: { community: { id: number } }[] }>(
      'GET',
      `/users/${julie.handle}/badges`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(own.body.badges.map((b) => b.community.id).sort()).toEqual(
      [community.id, secret.id].sort(),
    );
    expect((await bob.client.page(`/u/${julie.handle}`)).html).not.toContain(
      `Communauté ${secret.slug}<`,
    );
  });

  it('has no leaderboard, by page or API, until an animator switches it on', async () => {
    expect((await bob.client.page(`/c/${community.slug}/leaderboard`)).status).toBe(404);
    expect((await bob.client.api('GET', `/communities/${community.id}/leaderboard`)).status).toBe(
      404,
    );
    // A member cannot switch it on: 404, and it stays off.
    const refused = await bob.client.api(
      'PUT',
      `/communities/${community.id}/leaderboard-setting`,
      {
        enabled: true,
      },
    );
    expect(refused.status).toBe(404);
    expect((await bob.client.api('GET', `/communities/${community.id}/leaderboard`)).status).toBe(
      404,
    );
    // The animator, through the page's form without JavaScript.
    const on = await admin.client.submit(
      `/c/${community.slug}/recognition`,
      `/c/${community.slug}/recognition/leaderboard`,
      { enabled: '1' },
    );
    expect(on.status).toBe(303);
    const board = await bob.client.api<{
      members: { handle: string; badges: number; rank: number }[];
    }>('GET', `/communities/${community.id}/leaderboard`);
    expect(board.status).toBe(200);
    expect(board.body.members[0]).toMatchObject({ handle: carol.handle, badges: 2, rank: 1 });
    expect((await bob.client.page(`/c/${community.slug}/leaderboard`)).html).toContain(
      'Carol Petit',
    );
    // Off again: gone again.
    const off = await admin.client.api('PUT', `/communities/${community.id}/leaderboard-setting`, {
      enabled: false,
    });
    expect(off.status).toBe(200);
    expect((await bob.client.page(`/c/${community.slug}/leaderboard`)).status).toBe(404);
  });

  it('shows a spotlight only once its member accepts; only animators propose one', async () => {
    const until = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
    const input = {
      handle: dave.handle,
      portrait: 'Dave répare les vélos du quartier depuis dix ans.',
      until,
    };
    const before = await count('spotlights');
    // A member is refused with the 404 of a missing page, and nothing is written.
    expect(
      (await bob.client.api('POST', `/communities/${community.id}/spotlights`, input)).status,
    ).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}/recognition`)).status).toBe(404);
    // Bad input: a translated error, nothing written.
    const past = await admin.client.api<{ error: { code: string; message: string } }>(
      'POST',
      `/communities/${community.id}/spotlights`,
      { ...input, until: '2001-01-01' },
    );
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe(
      'Choisissez une date à venir, dans les 90 prochains jours.',
    );
    const stranger = await admin.client.submit(
      `/c/${community.slug}/recognition`,
      `/c/${community.slug}/recognition/spotlights`,
      { ...input, handle: 'personne-ici' },
    );
    expect(stranger.status).toBe(400);
    expect(stranger.html).toContain('Aucun membre de cette communauté n’a cet identifiant.');
    expect(stranger.html).toContain('Dave répare les vélos'); // what was typed is kept
    expect(await count('spotlights')).toBe(before);

    const made = await admin.client.api<{ spotlight: { id: number; state: string } }>(
      'POST',
      `/communities/${community.id}/spotlights`,
      input,
    );
    expect(made.status).toBe(201);
    expect(made.body.spotlight.state).toBe('proposed');
    const id = made.body.spotlight.id;
    // Without consent it is never shown.
    expect((await bob.client.page(`/c/${community.slug}`)).html).not.toContain('Dave répare');
    expect(
      (
        await bob.client.api<{ spotlight: unknown }>(
          'GET',
          `/communities/${community.id}/spotlight`,
        )
      ).body.spotlight,
    ).toBeNull();
    // Dave is asked; nobody else may answer for him, or even see it.
    await caughtUp(t);
    const asked = await dave.client.api<{
      notifications: { kind: string; text: string; href: string }[];
    }>('GET', '/notifications');
    const n = asked.body.notifications.find((i) => i.kind === 'spotlight_proposed');
    expect(n?.text).toBe(
      `Camille Admin aimerait vous mettre à l’honneur dans « Communauté ${community.slug} » : acceptez-vous ?`,
    );
    expect(n?.href).toBe(`/spotlights/${id}`);
    expect((await bob.client.page(`/spotlights/${id}`)).status).toBe(404);
    expect((await bob.client.api('POST', `/spotlights/${id}/accept`)).status).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}`)).html).not.toContain('Dave répare');
    // Dave accepts through the page, without JavaScript.
    const accepted = await dave.client.submit(`/spotlights/${id}`, `/spotlights/${id}/accept`, {});
    expect(accepted.status).toBe(303);
    const home = await bob.client.page(`/c/${community.slug}`);
    expect(home.html).toContain('Dave Leroy, à l’honneur');
    expect(home.html).toContain('Dave répare les vélos du quartier depuis dix ans.');
    // Answering twice is refused.
    expect((await dave.client.api('POST', `/spotlights/${id}/decline`)).status).toBe(409);
  });
});
