// Buddies (issue 23): members volunteer as marraine or parrain and withdraw; for a newcomer,
// Ruche proposes the volunteers active in the last 30 days — those sharing the newcomer's
// interests first, then those with the fewest newcomers — never the newcomer themselves; an
// animator gives one from the welcome form (one submit) or the API; both are notified; a member
// who did not volunteer is refused with nothing written; anyone but the animators gets a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryOutDueDeletions } from '../../src/own-data/index.js';
import { join, newAdmin, newCommunity, newMember, PASSWORD } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Person = { id: number; handle: string; displayName: string; href: string };
type Proposal = {
  member: Person;
  newcomers: number;
  active: boolean;
  sharedInterests: string[];
  sharedGroups: number;
};
type Notification = { kind: string; text: string; href: string };
const noNewAccountLimits = { MESSAGES_MIN_ACCOUNT_HOURS: '0', MESSAGES_NEW_ACCOUNT_DAYS: '0' };
const DAY = 86_400_000;

describe.each(databases)('buddies on %s', (kind) => {
  let t: TestApp;
  let community: { id: number; slug: string };
  let camille: Member; // animator
  let bob: Member; // active member, never volunteers
  let nina: Member; // newcomer who also volunteers: never proposed to herself
  let paul: Member; // newcomer
  let vera: Member; // volunteer sharing Nina's interests
  let olga: Member; // volunteer, no shared interest
  let zoe: Member; // volunteer, no shared interest
  let igor: Member; // volunteer sharing Nina's interests, but quiet for 40 days

  const base = () => `/communities/${community.id}`;
  const buddyApi = (newcomer: Member) => `${base()}/welcome-queue/${newcomer.id}/buddy`;
  const proposalsFor = async (newcomer: Member) =>
    (
      await camille.client.api<{ buddy: Person | null; proposals: Proposal[] }>(
        'GET',
        buddyApi(newcomer),
      )
    ).body;
  const assignedRows = () =>
    t.store.db
      .selectFrom('activity_log')
      .select(['actor_id', 'target_id', 'target_kind', 'community_id'])
      .where('kind', '=', 'buddy.assigned')
      .orderBy('id')
      .execute();
  const count = async (table: 'messages' | 'buddy_assignments') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const notificationsOf = async (who: Member) => {
    await caughtUp(t);
    const res = await who.client.api<{ notifications: Notification[] }>('GET', '/notifications');
    return res.body.notifications.filter((n) => n.kind.startsWith('buddy_'));
  };
  const post = (who: Member, title: string) =>
    who.client.api('POST', `${base()}/topics`, { title, body: 'Bonjour à toutes et à tous.' });

  beforeAll(async () => {
    t = await startTestApp(kind, noNewAccountLimits);
    const admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    bob = await newMember(t, 'Bob Durand');
    vera = await newMember(t, 'Vera Jardin');
    olga = await newMember(t, 'Olga Livres');
    zoe = await newMember(t, 'Zoé Cinéma');
    igor = await newMember(t, 'Igor Potager');
    nina = await newMember(t, 'Nina Smith');
    paul = await newMember(t, 'Paul Petit');
    for (const m of [camille, bob, vera, olga, zoe, igor, nina, paul])
      await join(m.client, community.id);
    await admin.client.api('PATCH', `${base()}/members/${camille.id}`, { role: 'animator' });
    await nina.client.api('PATCH', '/me', { locale: 'en', bio: 'Gardening and repair cafés' });
    await vera.client.api('PATCH', '/me', { bio: 'Jardinage, repair café et couture' });
    await olga.client.api('PATCH', '/me', { bio: 'Lecture et poésie' });
    await igor.client.api('PATCH', '/me', { bio: 'Gardening, always' });
    for (const m of [bob, vera, olga, zoe, igor, nina]) await post(m, 'Je me présente');
    // Igor's only posts are 40 days old: he is not active enough to be proposed.
    await t.store.db
      .updateTable('activity_log')
      .set({ created_at: Date.now() - 40 * DAY })
      .where('actor_id', '=', igor.id)
      .execute();
  });
  afterAll(() => t.close());

  it('lets members volunteer and withdraw, by page and API', async () => {
    const page = `/c/${community.slug}/buddies`;
    const before = await vera.client.page(page);
    expect(before.status).toBe(200);
    expect(before.html).toContain('Devenir marraine ou parrain');
    expect(await htmlProblems(before.html)).toEqual([]);
    const done = await vera.client.submit(page, page, { volunteer: 'yes' });
    expect(done.status).toBe(303);
    const after = await vera.client.page(page);
    expect(after.html).toContain('Vous êtes volontaire');
    expect(after.html).toContain('Ne plus être volontaire');
    // A member sees no list of volunteers; that is for the animators.
    expect(after.html).not.toContain('Les volontaires');

    for (const m of [olga, zoe, igor, nina]) {
      const res = await m.client.api<{ volunteering: boolean }>('PUT', `${base()}/buddy-volunteer`);
      expect(res.status).toBe(200);
      expect(res.body.volunteering).toBe(true);
    }
    // Bob tries, then withdraws.
    await bob.client.api('PUT', `${base()}/buddy-volunteer`);
    const withdrawn = await bob.client.api<{ volunteering: boolean }>(
      'DELETE',
      `${base()}/buddy-volunteer`,
    );
    expect(withdrawn.body.volunteering).toBe(false);
    expect(
      (await bob.client.api<{ volunteering: boolean }>('GET', `${base()}/buddy-volunteer`)).body
        .volunteering,
    ).toBe(false);

    // Someone who is not a member cannot volunteer: the page and API are a 404.
    const stranger = await newMember(t, 'Sam Dehors');
    expect((await stranger.client.api('PUT', `${base()}/buddy-volunteer`)).status).toBe(404);
    expect((await stranger.client.page(page)).status).toBe(404);

    const list = await camille.client.api<{
      activeDays: number;
      volunteers: { member: Person; active: boolean; newcomers: number }[];
    }>('GET', `${base()}/buddies`);
    expect(list.status).toBe(200);
    expect(list.body.activeDays).toBe(30);
    expect(list.body.volunteers.map((v) => v.member.handle).sort()).toEqual(
      [igor, nina, olga, vera, zoe].map((m) => m.handle).sort(),
    );
    expect(list.body.volunteers.find((v) => v.member.handle === igor.handle)?.active).toBe(false);
    expect(list.body.volunteers.find((v) => v.member.handle === vera.handle)?.active).toBe(true);
    const staffPage = await camille.client.page(page);
    expect(staffPage.html).toContain('Les volontaires');
    expect(staffPage.html).toContain('Igor Potager');
    expect(staffPage.html).toContain('pas proposé·e pour l’instant');
    expect(await htmlProblems(staffPage.html)).toEqual([]);
  });

  it('is a 404 for members who are not animators, with nothing written', async () => {
    expect((await bob.client.api('GET', `${base()}/buddies`)).status).toBe(404);
    expect((await bob.client.api('GET', buddyApi(nina))).status).toBe(404);
    expect((await bob.client.api('PUT', buddyApi(nina), { buddyId: vera.id })).status).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}/buddies/${nina.id}`)).status).toBe(404);
    expect(await assignedRows()).toEqual([]);
    expect(await count('buddy_assignments')).toBe(0);
  });

  it('proposes active volunteers: shared interests first, then the fewest newcomers', async () => {
    // Olga becomes Paul's buddy by API: she now has one newcomer.
    const given = await camille.client.api<{ buddy: Person }>('PUT', buddyApi(paul), {
      buddyId: olga.id,
    });
    expect(given.status).toBe(200);
    expect(given.body.buddy.handle).toBe(olga.handle);

    const forNina = await proposalsFor(nina);
    // Vera shares Nina's interests; Zoé (no newcomer yet) comes before Olga (one). Igor shares
    // them too but took no part in 30 days; Nina is never her own buddy.
    expect(forNina.proposals.map((p) => p.member.handle)).toEqual([
      vera.handle,
      zoe.handle,
      olga.handle,
    ]);
    expect(forNina.proposals.map((p) => p.newcomers)).toEqual([0, 0, 1]);
    expect(forNina.proposals[0]?.sharedInterests).toEqual(['repair', 'cafés']);
    expect(forNina.proposals[1]?.sharedInterests).toEqual([]);
    expect(forNina.buddy).toBeNull();

    // Paul wrote no bio, but he and Zoé are in the same group: she comes first for him.
    const group = await camille.client.api<{ group: { id: number } }>('POST', `${base()}/groups`, {
      slug: 'velo',
      name: 'Vélo',
      description: 'À vélo.',
      visibility: 'public',
    });
    expect(group.status).toBe(201);
    for (const m of [paul, zoe]) await m.client.api('POST', `/groups/${group.body.group.id}/join`);
    const forPaul = await proposalsFor(paul);
    expect(forPaul.proposals[0]).toMatchObject({
      member: { handle: zoe.handle },
      sharedGroups: 1,
      sharedInterests: [],
    });
    expect(forPaul.buddy?.handle).toBe(olga.handle);
    expect(forPaul.proposals.map((p) => p.member.handle)).toContain(nina.handle);
    expect(forPaul.proposals.map((p) => p.member.handle)).not.toContain(igor.handle);
  });

  it('refuses a buddy who did not volunteer, by API, welcome and page, with nothing written', async () => {
    await caughtUp(t);
    const rowsBefore = (await assignedRows()).length;
    const messagesBefore = await count('messages');
    const refused = await camille.client.api<{ error: { code: string; message: string } }>(
      'PUT',
      buddyApi(nina),
      { buddyId: bob.id },
      { 'accept-language': 'fr' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('ne s’est pas porté volontaire');
    const welcomed = await camille.client.api<{ error: { message: string } }>(
      'POST',
      `${base()}/welcome-queue/${nina.id}/welcome`,
      { body: 'Welcome Nina!', buddyId: bob.id },
      { 'accept-language': 'en' },
    );
    expect(welcomed.status).toBe(400);
    expect(welcomed.body.error.message).toContain('has not volunteered');
    const formPath = `/c/${community.slug}/welcome/${nina.id}`;
    const form = await camille.client.submit(formPath, formPath, {
      body: 'Welcome Nina, kept as typed.',
      buddyId: String(bob.id),
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain('Welcome Nina, kept as typed.');
    expect(form.html).toContain('ne s’est pas porté volontaire');
    expect(await htmlProblems(form.html)).toEqual([]);
    // Not a member of the community: nobody to give a buddy to.
    const stranger = await newMember(t, 'Sam Ailleurs');
    expect((await camille.client.api('PUT', buddyApi(stranger), { buddyId: vera.id })).status).toBe(
      404,
    );

    expect(await assignedRows()).toHaveLength(rowsBefore);
    expect(await count('messages')).toBe(messagesBefore);
    expect(await notificationsOf(bob)).toEqual([]);
    expect(await notificationsOf(nina)).toEqual([]);
  });

  it('welcomes and gives a buddy in one submit of the welcome form; both are introduced', async () => {
    const formPath = `/c/${community.slug}/welcome/${nina.id}`;
    const form = await camille.client.page(formPath);
    expect(form.status).toBe(200);
    // The first proposal is already chosen: welcoming with a buddy is a single submit.
    expect(form.html).toMatch(new RegExp(`id="buddy-${vera.id}"[^>]*checked`));
    expect(form.html).toContain('Vera Jardin n’accompagne encore aucun nouveau membre');
    expect(form.html).toContain('Olga Livres accompagne déjà 1 nouveau membre');
    expect(form.html).toContain('en commun : repair, cafés');
    expect(await htmlProblems(form.html)).toEqual([]);

    const sent = await camille.client.submit(formPath, formPath, {
      body: 'Welcome Nina! Vera will be your buddy.',
      buddyId: String(vera.id),
    });
    expect(sent.status).toBe(303);

    const queue = await camille.client.api<{
      newcomers: { member: { handle: string }; buddy: { handle: string } | null }[];
    }>('GET', `${base()}/welcome-queue`);
    const row = (who: Member) => queue.body.newcomers.find((n) => n.member.handle === who.handle);
    expect(row(nina)?.buddy?.handle).toBe(vera.handle);
    expect(row(paul)?.buddy?.handle).toBe(olga.handle);
    expect(row(bob)?.buddy).toBeNull();
    const page = await camille.client.page(`/c/${community.slug}/welcome`);
    expect(page.html).toContain('Vera Jardin');
    expect(await htmlProblems(page.html)).toEqual([]);

    const rows = await assignedRows();
    expect(rows.map((r) => [Number(r.actor_id), Number(r.target_id), r.target_kind])).toEqual([
      [olga.id, paul.id, 'user'],
      [vera.id, nina.id, 'user'],
    ]);
    expect(rows.every((r) => Number(r.community_id) === community.id)).toBe(true);

    // Vera is told who her newcomer is, and Nina (in English) who her buddy is.
    const toVera = await notificationsOf(vera);
    expect(toVera).toHaveLength(1);
    expect(toVera[0]).toMatchObject({ kind: 'buddy_assigned', href: `/u/${nina.handle}` });
    expect(toVera[0]?.text).toContain('Nina Smith');
    const toNina = await notificationsOf(nina);
    expect(toNina).toHaveLength(1);
    expect(toNina[0]).toMatchObject({ kind: 'buddy_introduced', href: `/u/${vera.handle}` });
    expect(toNina[0]?.text).toContain('Vera Jardin');
    const toOlga = await notificationsOf(olga);
    expect(toOlga.map((n) => n.kind)).toEqual(['buddy_assigned']);
  });

  it('welcomes with a buddy by API, and gives one without welcoming from the page', async () => {
    const lea = await newMember(t, 'Léa Tardive');
    await join(lea.client, community.id);
    const sent = await camille.client.api<{ conversationId: number }>(
      'POST',
      `${base()}/welcome-queue/${lea.id}/welcome`,
      { body: 'Bienvenue Léa !', buddyId: zoe.id },
    );
    expect(sent.status).toBe(201);
    expect((await proposalsFor(lea)).buddy?.handle).toBe(zoe.handle);

    const max = await newMember(t, 'Max Nouveau');
    await join(max.client, community.id);
    const assignPath = `/c/${community.slug}/buddies/${max.id}`;
    const page = await camille.client.page(assignPath);
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.html)).toEqual([]);
    const done = await camille.client.submit(assignPath, assignPath, { buddyId: String(vera.id) });
    expect(done.status).toBe(303);
    expect((await proposalsFor(max)).buddy?.handle).toBe(vera.handle);
    // Vera now has two newcomers: she is proposed after those with fewer.
    const forPaul = await proposalsFor(paul);
    expect(forPaul.proposals.find((p) => p.member.handle === vera.handle)?.newcomers).toBe(2);
    expect((await notificationsOf(max)).map((n) => n.kind)).toEqual(['buddy_introduced']);
  });

  it('puts buddy ties in the member’s export, and a deleted account accompanies nobody', async () => {
    type Tie = { community: { slug: string }; member: string };
    const exported = await vera.client.api<{
      buddies: { volunteerIn: { community: { slug: string } }[]; accompanying: Tie[] };
    }>('GET', '/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.buddies.volunteerIn.map((v) => v.community.slug)).toEqual([
      community.slug,
    ]);
    const accompanied = exported.body.buddies.accompanying.map((a) => a.member);
    expect(accompanied).toContain(nina.handle);
    const newcomer = await nina.client.api<{ buddies: { accompaniedBy: Tie[] } }>(
      'GET',
      '/me/export',
    );
    expect(newcomer.body.buddies.accompaniedBy.map((a) => a.member)).toEqual([vera.handle]);

    const asked = await vera.client.api('POST', '/me/deletion', {
      currentPassword: PASSWORD,
      posts: 'keep',
    });
    expect(asked.status).toBe(202);
    expect(await carryOutDueDeletions(t.store, Date.now() + 15 * 86_400_000)).toBe(1);
    // Nina is left without a buddy, and Vera is proposed to nobody.
    expect((await proposalsFor(nina)).buddy).toBeNull();
    expect((await proposalsFor(paul)).proposals.map((p) => p.member.id)).not.toContain(vera.id);
  });
});
