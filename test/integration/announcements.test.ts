// Announcements and the editorial calendar (issue 23): only animators see the calendar and the
// drafts; a time in the past is refused and writes nothing; the calendar shows what went out and
// what is scheduled by month and week, and moves a scheduled item; the job publishes a due
// announcement at its time, once, as a topic that notifies its group's watchers, is in the pulse
// and stays pinned for its days; and two instances on one PostgreSQL database publish it once
// (done-when item 4).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localOf, publishAnnouncementsJob, publishDue } from '../../src/announcements/index.js';
import { openStore } from '../../src/db/index.js';
import { previewPulse } from '../../src/pulse/index.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import {
  createTestStore,
  databases,
  startTestApp,
  type TestApp,
  type TestStore,
} from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Admin = Awaited<ReturnType<typeof newAdmin>>;
interface Announcement {
  id: number;
  state: string;
  title: string;
  groupId: number | null;
  scheduledAt: string | null;
  scheduledLocal: string | null;
  pinDays: number;
  pinnedUntil: string | null;
  topic: { id: number; href: string } | null;
}
type Notification = { kind: string; text: string; topicId: number | null };

const DAY = 86_400_000;
const ZONE = 'Europe/Paris';
const pulseConfig = { defaultTimeZone: ZONE, publicUrl: 'https://ruche.example.test' };
const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A time to come, on the minute, as the community types it (Paris). */
function later(ms: number): string {
  return localOf(Date.now() + ms, ZONE);
}

async function world(t: TestApp) {
  const admin = await newAdmin(t);
  const community = await newCommunity(admin.client);
  const camille = await newMember(t, 'Camille Martin');
  const bob = await newMember(t, 'Bob Durand');
  const julie = await newMember(t, 'Julie Petit');
  for (const m of [camille, bob, julie]) await join(m.client, community.id);
  await admin.client.api('PATCH', `/communities/${community.id}/members/${camille.id}`, {
    role: 'animator',
  });
  const g = await admin.client.api<{ group: { id: number; slug: string } }>(
    'POST',
    `/communities/${community.id}/groups`,
    { slug: 'jardin', name: 'Jardin partagé', visibility: 'public' },
  );
  expect(g.status).toBe(201);
  const group = g.body.group;
  // Julie watches the group: every new topic there reaches her.
  expect((await julie.client.api('POST', `/groups/${group.id}/join`)).status).toBe(200);
  expect(
    (await julie.client.api('PUT', `/groups/${group.id}/watching`, { level: 'watching' })).status,
  ).toBe(200);
  return { admin, community, camille, bob, julie, group };
}

describe.each(databases)('announcements and the editorial calendar on %s', (kind) => {
  let t: TestApp;
  let admin: Admin;
  let community: { id: number; slug: string };
  let group: { id: number; slug: string };
  let camille: Member;
  let bob: Member;
  let julie: Member;

  const count = async (table: 'announcements' | 'topics') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const create = (who: Member | Admin, body: object) =>
    who.client.api<{ announcement: Announcement; error?: { code: string; message: string } }>(
      'POST',
      `/communities/${community.id}/announcements`,
      body,
    );
  const get = (id: number) =>
    camille.client.api<{ announcement: Announcement }>('GET', `/announcements/${id}`);
  const notesOf = async (m: Member) =>
    (await m.client.api<{ notifications: Notification[] }>('GET', '/notifications?limit=100')).body
      .notifications;

  beforeAll(async () => {
    t = await startTestApp(kind);
    ({ admin, community, camille, bob, julie, group } = await world(t));
  });
  afterAll(() => t.close());

  it('is a 404 for members who are not animators, by page and API, and writes nothing', async () => {
    const draft = await create(camille, { title: 'Fête du jardin', body: 'Samedi à midi.' });
    expect(draft.status).toBe(201);
    const before = await count('announcements');
    expect((await bob.client.page(`/c/${community.slug}/calendar`)).status).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}/calendar/new`)).status).toBe(404);
    expect(
      (await bob.client.page(`/c/${community.slug}/calendar/${draft.body.announcement.id}`)).status,
    ).toBe(404);
    expect((await bob.client.api('GET', `/communities/${community.id}/announcements`)).status).toBe(
      404,
    );
    expect(
      (
        await bob.client.api(
          'GET',
          `/communities/${community.id}/calendar?from=2031-07-01&to=2031-07-31`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await bob.client.api('GET', `/announcements/${draft.body.announcement.id}`)).status,
    ).toBe(404);
    expect((await create(bob, { title: 'Pub', body: 'Achetez !' })).status).toBe(404);
    expect(
      (
        await bob.client.api('PATCH', `/announcements/${draft.body.announcement.id}`, {
          title: 'Piraté',
        })
      ).status,
    ).toBe(404);
    expect(
      (await bob.client.api('DELETE', `/announcements/${draft.body.announcement.id}`)).status,
    ).toBe(404);
    expect(await count('announcements')).toBe(before);
    expect((await get(draft.body.announcement.id)).body.announcement.title).toBe('Fête du jardin');
    // The community's staff (here an instance admin) may.
    expect((await admin.client.page(`/c/${community.slug}/calendar`)).status).toBe(200);
  });

  it('saves a draft, schedules it in the community’s time zone, and refuses a past time with nothing written', async () => {
    const draft = await create(camille, { title: 'Assemblée générale', body: 'Ordre du jour.' });
    expect(draft.status).toBe(201);
    expect(draft.body.announcement).toMatchObject({ state: 'draft', scheduledAt: null });
    const id = draft.body.announcement.id;

    const before = await count('announcements');
    const past = await create(camille, {
      title: 'Trop tard',
      body: 'Hier.',
      scheduleAt: '2020-03-01T09:00',
    });
    expect(past.status).toBe(400);
    expect(past.body.error?.message).toContain('Cette date et cette heure sont passées');
    expect(await count('announcements')).toBe(before);
    const moved = await camille.client.api<{ error: { message: string } }>(
      'PATCH',
      `/announcements/${id}`,
      { scheduleAt: '2020-03-01T09:00', title: 'Changé' },
    );
    expect(moved.status).toBe(400);
    expect((await get(id)).body.announcement).toMatchObject({
      state: 'draft',
      title: 'Assemblée générale',
    });
    const nonsense = await camille.client.api<{ error: { message: string } }>(
      'PATCH',
      `/announcements/${id}`,
      { scheduleAt: '2031-02-30T09:00' },
    );
    expect(nonsense.status).toBe(400);
    expect(nonsense.body.error.message).toContain('date et une heure valides');

    // Summer in Paris is UTC+2, winter UTC+1.
    const summer = await camille.client.api<{ announcement: Announcement }>(
      'PATCH',
      `/announcements/${id}`,
      { scheduleAt: '2031-07-01T09:30' },
    );
    expect(summer.status).toBe(200);
    expect(summer.body.announcement).toMatchObject({
      state: 'scheduled',
      scheduledAt: '2031-07-01T07:30:00.000Z',
      scheduledLocal: '2031-07-01T09:30',
    });
    const winter = await camille.client.api<{ announcement: Announcement }>(
      'PATCH',
      `/announcements/${id}`,
      { scheduleAt: '2031-01-15T09:30' },
    );
    expect(winter.body.announcement.scheduledAt).toBe('2031-01-15T08:30:00.000Z');

    // The page's form says the same in French, with the typed values kept.
    const form = await camille.client.submit(
      `/c/${community.slug}/calendar/new`,
      `/c/${community.slug}/calendar/new`,
      {
        title: 'Vide-grenier',
        body: 'Dimanche.',
        scheduleAt: '2020-05-01T10:00',
        action: 'schedule',
      },
    );
    expect(form.status).toBe(400);
    expect(form.html).toContain('Cette date et cette heure sont passées');
    expect(form.html).toContain('value="Vide-grenier"');
    expect(await htmlProblems(form.html)).toEqual([]);
    expect(await count('announcements')).toBe(before);
  });

  it('shows the month and week calendars with what is scheduled and the drafts, and moves an item', async () => {
    const made = await create(camille, {
      title: 'Troc de graines',
      body: 'Apportez vos graines.',
      scheduleAt: '2031-09-10T18:00',
      groupId: group.id,
    });
    expect(made.status).toBe(201);
    const id = made.body.announcement.id;
    await create(camille, { title: 'Idée pour l’hiver', body: 'À creuser.' });

    const month = await camille.client.page(
      `/c/${community.slug}/calendar?view=month&date=2031-09-20`,
    );
    expect(month.status).toBe(200);
    expect(month.html).toContain('septembre 2031');
    expect(month.html).toContain('Troc de graines');
    expect(month.html).toContain('mercredi 10 septembre 2031');
    expect(month.html).toContain('view=month&amp;date=2031-08-01');
    expect(month.html).toContain('view=month&amp;date=2031-10-01');
    expect(month.html).toContain('Brouillons');
    expect(month.html).toContain('Idée pour l’hiver');
    expect(await htmlProblems(month.html)).toEqual([]);

    const week = await camille.client.page(
      `/c/${community.slug}/calendar?view=week&date=2031-09-10`,
    );
    expect(week.status).toBe(200);
    expect(week.html).toContain('Semaine du 8 septembre 2031');
    expect(week.html.match(/<h3/g)?.length).toBe(7);
    expect(week.html).toContain('Troc de graines');
    expect(week.html).toContain('view=week&amp;date=2031-09-01');
    expect(await htmlProblems(week.html)).toEqual([]);

    const edit = await camille.client.page(`/c/${community.slug}/calendar/${id}`);
    expect(edit.html).toContain('value="2031-09-10T18:00"');
    expect(await htmlProblems(edit.html)).toEqual([]);
    // Moved with the form, then with the API.
    const moved = await camille.client.submit(
      `/c/${community.slug}/calendar/${id}`,
      `/c/${community.slug}/calendar/${id}`,
      {
        title: 'Troc de graines',
        body: 'Apportez vos graines.',
        groupId: String(group.id),
        scheduleAt: '2031-09-17T18:00',
        pinDays: '0',
        action: 'schedule',
      },
    );
    expect(moved.status).toBe(303);
    expect((await get(id)).body.announcement.scheduledLocal).toBe('2031-09-17T18:00');
    const movedWeek = await camille.client.page(
      `/c/${community.slug}/calendar?view=week&date=2031-09-10`,
    );
    expect(movedWeek.html).not.toContain('Troc de graines');
    const api = await camille.client.api<{ announcements: Announcement[] }>(
      'GET',
      `/communities/${community.id}/calendar?from=2031-09-15&to=2031-09-21`,
    );
    expect(api.body.announcements.map((a) => a.title)).toEqual(['Troc de graines']);
    await camille.client.api('PATCH', `/announcements/${id}`, { scheduleAt: '2031-09-24T08:00' });
    const after = await camille.client.api<{ announcements: Announcement[] }>(
      'GET',
      `/communities/${community.id}/calendar?from=2031-09-15&to=2031-09-21`,
    );
    expect(after.body.announcements).toEqual([]);

    // In English too.
    const en = await camille.client.request(
      'GET',
      `/c/${community.slug}/calendar?view=month&date=2031-09-01`,
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(await en.text()).toContain('September 2031');
  });

  it('publishes a due announcement at its time, once, notifying its group’s watchers; it is in the pulse and pinned for its days', async () => {
    const at = later(2 * DAY);
    const made = await create(camille, {
      title: 'Récolte des courges',
      body: 'Rendez-vous au jardin.',
      scheduleAt: at,
      groupId: group.id,
      pinDays: 2,
    });
    expect(made.status).toBe(201);
    const id = made.body.announcement.id;
    const due = Date.parse(made.body.announcement.scheduledAt ?? '');
    // The group is busy: three lively discussions, each with replies.
    for (const title of ['Arrosage en août', 'Compost collectif', 'Outils à partager']) {
      const topic = await bob.client.api<{ topic: { id: number } }>(
        'POST',
        `/communities/${community.id}/topics`,
        { title, body: 'Qu’en pensez-vous ?', groupId: group.id },
      );
      for (const body of ['Oui.', 'Bonne idée.'])
        await camille.client.api('POST', `/topics/${topic.body.topic.id}/replies`, { body });
    }
    const topicsBefore = await count('topics');

    // A minute early: nothing goes out.
    expect(await publishDue(t.store, due - 60_000)).toMatchObject({ published: 0 });
    expect((await get(id)).body.announcement.state).toBe('scheduled');

    vi.useFakeTimers({ toFake: ['Date'], now: due });
    try {
      const ctx = { store: t.store, attempt: 1, key: null, scheduledFor: due, log: silentLog };
      expect(await publishAnnouncementsJob.handler({}, ctx)).toMatchObject({ published: 1 });
      // Run again: nothing twice.
      expect(await publishAnnouncementsJob.handler({}, ctx)).toMatchObject({ published: 0 });
      expect(await count('topics')).toBe(topicsBefore + 1);
      const out = (await get(id)).body.announcement;
      expect(out.state).toBe('published');
      expect(out.topic).not.toBeNull();
      const topicId = out.topic?.id ?? 0;
      const topic = await t.store.db
        .selectFrom('topics')
        .select(['kind', 'author_id', 'group_id'])
        .where('id', '=', topicId)
        .executeTakeFirstOrThrow();
      expect(topic).toMatchObject({ kind: 'announcement', author_id: camille.id });
      const logged = await t.store.db
        .selectFrom('activity_log')
        .select(['kind', 'detail'])
        .where('target_kind', '=', 'topic')
        .where('target_id', '=', topicId)
        .execute();
      expect(logged).toEqual([{ kind: 'topic.created', detail: 'announcement' }]);

      await caughtUp(t);
      const notes = (await notesOf(julie)).filter((n) => n.topicId === topicId);
      expect(notes.map((n) => [n.kind, n.text])).toEqual([
        [
          'watched_topic',
          'Nouvelle annonce de Camille Martin dans Jardin partagé : « Récolte des courges »',
        ],
      ]);
      expect((await notesOf(bob)).filter((n) => n.topicId === topicId)).toEqual([]);

      // In Julie's next pulse, first in its group, however quiet beside the busy discussions.
      const pulse = (await previewPulse(t.store, pulseConfig, julie.id))?.text ?? '';
      expect(pulse).toContain('Récolte des courges');
      expect(pulse.indexOf('Récolte des courges')).toBeLessThan(pulse.indexOf('Compost collectif'));

      // Pinned at the top of the group's page (not the home) for two days.
      const groupPage = await julie.client.page(`/c/${community.slug}/g/${group.slug}`);
      expect(groupPage.html).toContain('À la une');
      expect(groupPage.html).toContain('Récolte des courges');
      expect(await htmlProblems(groupPage.html)).toEqual([]);
      const home = await julie.client.page(`/c/${community.slug}`);
      expect(home.html).not.toContain('À la une');

      // The calendar shows it as gone out, linked to its topic.
      const month = await camille.client.page(
        `/c/${community.slug}/calendar?view=month&date=${at.slice(0, 10)}`,
      );
      expect(month.html).toContain('Publiée');
      expect(month.html).toContain(out.topic?.href ?? '--');

      // A published announcement is a topic now: it cannot be moved.
      const late = await camille.client.api('PATCH', `/announcements/${id}`, {
        scheduleAt: later(10 * DAY),
      });
      expect(late.status).toBe(409);

      vi.setSystemTime(due + 2 * DAY + 60_000);
      const afterPin = await julie.client.page(`/c/${community.slug}/g/${group.slug}`);
      expect(afterPin.status).toBe(200);
      expect(afterPin.html).not.toContain('À la une');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets a group’s animator write for their group only', async () => {
    const g = await admin.client.api<{ group: { id: number; slug: string } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: 'potager', name: 'Potager', visibility: 'public' },
    );
    const potager = g.body.group.id;
    const nadia = await newMember(t, 'Nadia Benali');
    await join(nadia.client, community.id);
    expect((await nadia.client.api('POST', `/groups/${potager}/join`)).status).toBe(200);
    expect((await nadia.client.page(`/c/${community.slug}/calendar`)).status).toBe(404);
    // She animates the group (Ruche has no page for that role yet: set where it is kept).
    await t.store.db
      .updateTable('group_members')
      .set({ role: 'animator' })
      .where('group_id', '=', potager)
      .where('user_id', '=', nadia.id)
      .execute();

    const before = await count('announcements');
    const everyone = await create(nadia, { title: 'À tous', body: 'Bonjour.' });
    expect(everyone.status).toBe(400);
    expect(everyone.body.error?.message).toContain('groupes que vous animez');
    const elsewhere = await create(nadia, { title: 'Ailleurs', body: 'Non.', groupId: group.id });
    expect(elsewhere.status).toBe(400);
    expect(await count('announcements')).toBe(before);

    const mine = await create(nadia, {
      title: 'Semis de printemps',
      body: 'Au potager.',
      groupId: potager,
    });
    expect(mine.status).toBe(201);
    const seen = await nadia.client.api<{ announcements: Announcement[] }>(
      'GET',
      `/communities/${community.id}/announcements`,
    );
    expect(seen.body.announcements.map((a) => a.title)).toEqual(['Semis de printemps']);
    const others = await camille.client.api<{ announcements: Announcement[] }>(
      'GET',
      `/communities/${community.id}/announcements?state=draft`,
    );
    expect(others.body.announcements.map((a) => a.title)).toContain('Semis de printemps');
    const camilles = others.body.announcements.find((a) => a.title === 'Fête du jardin');
    expect((await nadia.client.api('GET', `/announcements/${camilles?.id}`)).status).toBe(404);
    const page = await nadia.client.page(`/c/${community.slug}/calendar`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Semis de printemps');
    expect(page.html).not.toContain('Fête du jardin');
    const form = await nadia.client.page(`/c/${community.slug}/calendar/new`);
    expect(form.html).not.toContain('Toute la communauté');
    expect(form.html).toContain('Potager');
    expect(form.html).not.toContain('Jardin partagé');
  });

  it('goes out in a team’s voice, signed by its animator; a team one is not part of is refused with nothing written', async () => {
    const created = await camille.client.api<{ team: { id: number } }>(
      'POST',
      `/communities/${community.id}/teams`,
      { name: 'L’équipe du jardin' },
    );
    expect(created.status).toBe(201);
    const teamId = created.body.team.id;
    expect(
      (
        await camille.client.api('PUT', `/teams/${teamId}/members`, {
          handle: camille.handle,
          signatureStyle: 'first_name',
        })
      ).status,
    ).toBe(204);
    const before = await count('announcements');
    const refused = await create(admin, {
      title: 'Au nom des autres',
      body: 'Non.',
      asTeam: teamId,
      scheduleAt: later(DAY),
    });
    expect(refused.status).toBe(403);
    expect(await count('announcements')).toBe(before);

    // The form offers the team.
    const form = await camille.client.page(`/c/${community.slug}/calendar/new`);
    expect(form.html).toContain('L’équipe du jardin');
    expect(await htmlProblems(form.html)).toEqual([]);

    const made = await create(camille, {
      title: 'Le mot de l’équipe',
      body: 'Merci à toutes et à tous.',
      asTeam: teamId,
      scheduleAt: later(DAY),
    });
    expect(made.status).toBe(201);
    const due = Date.parse(made.body.announcement.scheduledAt ?? '');
    expect(await publishDue(t.store, due)).toMatchObject({ published: 1 });
    const out = (await get(made.body.announcement.id)).body.announcement;
    const page = await bob.client.page(out.topic?.href ?? '/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('L’équipe du jardin');
    expect(page.html).toContain('— Camille');
    const topic = await t.store.db
      .selectFrom('topics')
      .select('author_id')
      .where('id', '=', out.topic?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(topic.author_id).not.toBe(camille.id);
  });

  it('tells every member of the community of a community-wide announcement, and pins it on the home', async () => {
    const made = await create(camille, {
      title: 'Nouveaux horaires',
      body: 'Le local ouvre à 9 h.',
      scheduleAt: later(DAY),
      pinDays: 7,
    });
    const due = Date.parse(made.body.announcement.scheduledAt ?? '');
    expect(await publishDue(t.store, due)).toMatchObject({ published: 1 });
    const topicId = (await get(made.body.announcement.id)).body.announcement.topic?.id;
    await caughtUp(t);
    for (const m of [bob, julie])
      expect(
        (await notesOf(m)).filter((n) => n.topicId === topicId).map((n) => [n.kind, n.text]),
      ).toEqual([
        [
          'announcement',
          `Annonce de Camille Martin dans Communauté ${community.slug} : « Nouveaux horaires »`,
        ],
      ]);
    expect((await notesOf(camille)).filter((n) => n.topicId === topicId)).toEqual([]);
    const home = await bob.client.page(`/c/${community.slug}`);
    expect(home.html).toContain('À la une');
    expect(home.html).toContain('Nouveaux horaires');
    expect(await htmlProblems(home.html)).toEqual([]);
  });

  it('lets the community’s animators set its time zone; schedules keep their moment', async () => {
    const made = await create(camille, {
      title: 'Visio avec Montréal',
      body: 'À 15 h chez nous.',
      scheduleAt: '2031-10-07T15:00',
    });
    expect(made.body.announcement.scheduledAt).toBe('2031-10-07T13:00:00.000Z');
    expect(
      (
        await bob.client.api('PUT', `/communities/${community.id}/time-zone`, {
          timeZone: 'America/Montreal',
        })
      ).status,
    ).toBe(404);
    const wrong = await camille.client.api<{ error: { message: string } }>(
      'PUT',
      `/communities/${community.id}/time-zone`,
      { timeZone: 'Mars/Olympus' },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('Ce fuseau horaire n’existe pas');
    const form = await camille.client.submit(
      `/c/${community.slug}/calendar`,
      `/c/${community.slug}/calendar/time-zone`,
      { timeZone: 'Lune/Tranquillité' },
    );
    expect(form.status).toBe(400);
    expect(form.html).toContain('value="Lune/Tranquillité"');
    expect(await htmlProblems(form.html)).toEqual([]);
    const set = await camille.client.submit(
      `/c/${community.slug}/calendar`,
      `/c/${community.slug}/calendar/time-zone`,
      { timeZone: 'America/Montreal' },
    );
    expect(set.status).toBe(303);
    const moved = (await get(made.body.announcement.id)).body.announcement;
    expect(moved).toMatchObject({
      scheduledAt: '2031-10-07T13:00:00.000Z',
      scheduledLocal: '2031-10-07T09:00',
    });
    const next = await camille.client.api<{ announcement: Announcement }>(
      'PATCH',
      `/announcements/${made.body.announcement.id}`,
      { scheduleAt: '2031-10-07T10:00' },
    );
    expect(next.body.announcement.scheduledAt).toBe('2031-10-07T14:00:00.000Z');
    await camille.client.api('PUT', `/communities/${community.id}/time-zone`, {
      timeZone: ZONE,
    });
  });
});

// Done-when item 4: two app servers on one PostgreSQL database run the publication at the same
// due time; each announcement goes out once (one topic, one notification per watcher).
describe.runIf(databases.includes('postgres'))(
  'announcements with two instances on one PostgreSQL database',
  () => {
    let db: TestStore;
    let second: TestStore;
    let one: TestApp;
    let two: TestApp;

    beforeAll(async () => {
      db = await createTestStore('postgres');
      second = {
        store: openStore(db.database ?? { kind: 'sqlite', path: ':memory:' }),
        database: db.database,
        drop: () => second.store.close(),
      };
      one = await startTestApp('postgres', {}, db);
      two = await startTestApp('postgres', {}, second);
    }, 60_000);
    afterAll(async () => {
      await two?.close();
      await one?.close();
      await second?.drop();
      await db?.drop();
    });

    it('publishes each due announcement exactly once', async () => {
      const { community, camille, julie, group } = await world(one);
      const titles = ['Annonce A', 'Annonce B', 'Annonce C', 'Annonce D'];
      const due: number[] = [];
      for (const title of titles) {
        const res = await camille.client.api<{ announcement: Announcement }>(
          'POST',
          `/communities/${community.id}/announcements`,
          { title, body: 'Pour tout le jardin.', scheduleAt: later(DAY), groupId: group.id },
        );
        expect(res.status).toBe(201);
        due.push(Date.parse(res.body.announcement.scheduledAt ?? ''));
      }
      const at = Math.max(...due);
      // The clock both instances read: a minute before, nothing is due; then the due time.
      const run = async (instance: TestApp) =>
        (await publishAnnouncementsJob.handler(
          {},
          { store: instance.store, attempt: 1, key: null, scheduledFor: null, log: silentLog },
        )) as { published: number };
      vi.useFakeTimers({ toFake: ['Date'], now: at - 60_000 });
      try {
        const early = await Promise.all([run(one), run(two)]);
        expect(early.reduce((sum, r) => sum + r.published, 0)).toBe(0);
        vi.setSystemTime(at);
        // Both instances, three runs each, all at once at the same due time.
        const runs = await Promise.all([one, two, one, two, one, two].map(run));
        expect(runs.reduce((sum, r) => sum + r.published, 0)).toBe(titles.length);
      } finally {
        vi.useRealTimers();
      }
      const topics = await one.store.db
        .selectFrom('topics')
        .select(['id', 'title'])
        .where('kind', '=', 'announcement')
        .execute();
      expect(topics.map((r) => r.title).sort()).toEqual(titles);
      const created = await one.store.db
        .selectFrom('activity_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('kind', '=', 'topic.created')
        .where('detail', '=', 'announcement')
        .executeTakeFirstOrThrow();
      expect(Number(created.n)).toBe(titles.length);
      await caughtUp(one);
      await caughtUp(two);
      const notes = (
        await julie.client.api<{ notifications: Notification[] }>('GET', '/notifications?limit=100')
      ).body.notifications.filter((n) => n.kind === 'watched_topic');
      expect(notes.map((n) => n.topicId).sort()).toEqual(topics.map((r) => r.id).sort());
    });
  },
);
