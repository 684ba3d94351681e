// Crisis mode (issue 24): the prepared set of restrictions animators choose ahead; crises started
// by hand or by the raid detector, one per scope, alerting the animators and moderators at once;
// renewed, ended by hand, or ending by themselves after the calm period; a banner for staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCrisisFor, endCalmCrises, noteSignal } from '../../src/crisis/index.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';
import { htmlProblems } from '../html.js';
import { caughtUp } from '../notified.js';

type Member = Awaited<ReturnType<typeof newMember>>;
type Notification = { kind: string; text: string; href: string };
type Crisis = {
  id: number;
  topic: { id: number; title: string } | null;
  automatic: boolean;
  trigger: string;
  endedAt: string | null;
};
const MINUTE = 60_000;
const defaults = {
  autoStart: true,
  holdYoungPosts: true,
  slowModeMinutes: 2,
  approveSignups: true,
  youngLinksOff: true,
  calmMinutes: 30,
};

describe.each(databases)('crisis mode on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let other: { id: number; slug: string };
  let camille: Member; // animator
  let mona: Member; // moderator
  let bob: Member; // member
  let topicId: number;
  let otherTopic: number;
  let privateTopic: number;

  const crisesRows = async () =>
    t.store.db.selectFrom('crises').selectAll().orderBy('id').execute();
  const openOf = async (who: Member) =>
    (await who.client.api<{ crises: Crisis[] }>('GET', `/communities/${community.id}/crises`)).body
      .crises;
  const crisisAlerts = async (who: Member) => {
    await caughtUp(t);
    const res = await who.client.api<{ notifications: Notification[] }>('GET', '/notifications');
    return res.body.notifications.filter((n) => n.kind === 'crisis_started');
  };
  const post = async (
    who: { client: Member['client'] },
    communityId: number,
    title: string,
    groupId?: number,
  ) => {
    const res = await who.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${communityId}/topics`,
      { title, body: 'Bonjour à toutes et à tous.', ...(groupId ? { groupId } : {}) },
    );
    expect(res.status).toBe(201);
    return res.body.topic.id;
  };
  const endAll = () =>
    t.store.db
      .updateTable('crises')
      .set({ ended_at: Date.now() })
      .where('ended_at', 'is', null)
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    other = await newCommunity(admin.client);
    camille = await newMember(t, 'Camille Martin');
    mona = await newMember(t, 'Mona Lefèvre');
    bob = await newMember(t, 'Bob Durand');
    for (const m of [camille, mona, bob]) await join(m.client, community.id);
    await join(bob.client, other.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${camille.id}`, {
      role: 'animator',
    });
    await admin.client.api('PATCH', `/communities/${community.id}/members/${mona.id}`, {
      role: 'moderator',
    });
    topicId = await post(bob, community.id, 'Le communiqué de presse');
    otherTopic = await post(bob, other.id, 'Ailleurs');
    const group = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: 'bureau', name: 'Bureau', description: 'Le bureau', visibility: 'invite_only' },
    );
    privateTopic = await post(admin, community.id, 'Entre nous', group.body.group.id);
  });
  afterAll(() => t.close());

  it('gives the prepared set’s defaults to moderators and animators, a 404 to others', async () => {
    const path = `/communities/${community.id}/crisis/settings`;
    expect((await camille.client.api('GET', path)).body).toEqual(defaults);
    expect((await mona.client.api('GET', path)).body).toEqual(defaults);
    expect((await bob.client.api('GET', path)).status).toBe(404);
    expect((await bob.client.page(`/c/${community.slug}/crisis`)).status).toBe(404);
    // A moderator reads it, but only animators change it.
    const refused = await mona.client.api('PUT', path, { calmMinutes: 45 });
    expect(refused.status).toBe(404);
    expect((await camille.client.api('GET', path)).body).toEqual(defaults);
  });

  it('is edited by animators by API and by a page without JavaScript; bad values change nothing', async () => {
    const path = `/communities/${community.id}/crisis/settings`;
    const bad = await camille.client.api<{ error: { code: string; message: string } }>(
      'PUT',
      path,
      { slowModeMinutes: 5, calmMinutes: 2 },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.message).toContain('La période de calme');
    expect((await camille.client.api('GET', path)).body).toEqual(defaults);
    const ok = await camille.client.api('PUT', path, { slowModeMinutes: 5, approveSignups: false });
    expect(ok.body).toEqual({ ...defaults, slowModeMinutes: 5, approveSignups: false });

    const page = `/c/${community.slug}/crisis`;
    const form = await camille.client.page(page);
    expect(form.status).toBe(200);
    expect(form.html).toContain('Restrictions préparées');
    expect(await htmlProblems(form.html)).toEqual([]);
    const typo = await camille.client.submit(page, `${page}/settings`, {
      autoStart: '1',
      holdYoungPosts: '1',
      youngLinksOff: '1',
      slowModeMinutes: 'deux',
      calmMinutes: '20',
    });
    expect(typo.status).toBe(400);
    expect(typo.html).toContain(
      'Le mode lent doit être un nombre entier de minutes, de 0 à 60 minutes.',
    );
    expect(typo.html).toContain('value="deux"');
    expect(typo.html).toContain('value="20"');
    expect((await camille.client.api('GET', path)).body).toMatchObject({ calmMinutes: 30 });
    const saved = await camille.client.submit(page, `${page}/settings`, {
      autoStart: '1',
      holdYoungPosts: '1',
      approveSignups: '1',
      youngLinksOff: '1',
      slowModeMinutes: '2',
      calmMinutes: '30',
    });
    expect(saved.status).toBe(303);
    expect((await camille.client.api('GET', path)).body).toEqual(defaults);
    // The moderator sees the set, without a form to change it.
    const modPage = await mona.client.page(page);
    expect(modPage.html).toContain('Seuls les animateurs et animatrices peuvent modifier');
    expect(modPage.html).not.toContain(`action="${page}/settings"`);
  });

  it('is started by hand, once per scope, renewed and ended by staff; others get a 404', async () => {
    const base = `/communities/${community.id}/crises`;
    // Refusals first: nothing is written.
    expect((await bob.client.api('POST', base, {})).status).toBe(404);
    expect((await bob.client.api('GET', base)).status).toBe(404);
    expect((await mona.client.api('POST', base, { topicId: otherTopic })).status).toBe(404);
    expect((await mona.client.api('POST', base, { topicId: privateTopic })).status).toBe(404);
    expect((await mona.client.api('POST', base, { topicId: 999_999 })).status).toBe(404);
    expect(await crisesRows()).toEqual([]);

    const started = await mona.client.api<Crisis>('POST', base, { topicId });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      topic: { id: topicId, title: 'Le communiqué de presse' },
      automatic: false,
      trigger: 'manual',
    });
    // A second start on the same topic extends the one under way.
    const again = await camille.client.api<Crisis>('POST', base, { topicId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);
    expect((await crisesRows()).length).toBe(1);
    // The animator is told; the moderator who started it is not.
    const alerts = await crisisAlerts(camille);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toBe(
      `Mona Lefèvre a démarré le mode crise sur « Le communiqué de presse » (Communauté ${community.slug})`,
    );
    expect(alerts[0]?.href).toBe(`/c/${community.slug}/crisis`);
    expect(await crisisAlerts(mona)).toEqual([]);
    expect(await crisisAlerts(bob)).toEqual([]);

    // The page shows it, with its buttons; renew and end by the page.
    const page = `/c/${community.slug}/crisis`;
    const shown = await camille.client.page(page);
    expect(shown.html).toContain('Conversation « Le communiqué de presse »');
    expect(shown.html).toContain('Démarré à la main');
    expect(await htmlProblems(shown.html)).toEqual([]);
    const id = started.body.id;
    expect((await bob.client.api('POST', `/crises/${id}/renew`)).status).toBe(404);
    const renewed = await camille.client.submit(page, `${page}/${id}/renew`, {});
    expect(renewed.status).toBe(303);
    const row = (await crisesRows())[0];
    expect(Number(row?.renewed_until)).toBeGreaterThan(Date.now() + 29 * MINUTE);
    expect((await bob.client.api('POST', `/crises/${id}/end`)).status).toBe(404);
    expect((await crisesRows())[0]?.ended_at).toBeNull();
    const ended = await mona.client.submit(page, `${page}/${id}/end`, {});
    expect(ended.status).toBe(303);
    expect(await openOf(camille)).toEqual([]);
    const twice = await mona.client.api<{ error: { code: string } }>('POST', `/crises/${id}/end`);
    expect(twice.status).toBe(409);

    // The whole community, by the page's start form, and by API: one at a time.
    const byForm = await camille.client.submit(page, `${page}/start`, { topicId: '' });
    expect(byForm.status).toBe(303);
    const open = await openOf(mona);
    expect(open).toMatchObject([{ topic: null, trigger: 'manual' }]);
    const mAlerts = await crisisAlerts(mona);
    expect(mAlerts[0]?.text).toBe(
      `Camille Martin a démarré le mode crise dans toute la communauté Communauté ${community.slug}`,
    );
    expect((await mona.client.api<Crisis>('POST', base, {})).body.id).toBe(open[0]?.id);
    // A topic's start while the whole community is in crisis: the community's covers it.
    expect((await mona.client.api<Crisis>('POST', base, { topicId })).body.id).toBe(open[0]?.id);
    expect((await crisesRows()).filter((r) => r.ended_at === null)).toHaveLength(1);
    // A bad topic number on the page: the form again with the number kept.
    const badForm = await camille.client.submit(page, `${page}/start`, { topicId: 'abc' });
    expect(badForm.status).toBe(400);
    expect(badForm.html).toContain('value="abc"');
    await endAll();
  });

  it('keeps one active crisis per scope in the database itself', async () => {
    const row = {
      community_id: community.id,
      topic_id: topicId,
      topic_key: topicId,
      started_at: Date.now(),
      started_by: null,
      trigger: 'manual',
      last_trigger_at: Date.now(),
    };
    await t.store.db.insertInto('crises').values(row).execute();
    await expect(t.store.db.insertInto('crises').values(row).execute()).rejects.toThrow();
    await endAll();
  });

  it('starts by itself on a topic hit by 40 young posts in a minute, alerts staff, and ends after the calm period', async () => {
    const before = (await crisisAlerts(camille)).length;
    const t0 = Date.UTC(2026, 11, 7, 21, 0);
    let starts = 0;
    for (let i = 0; i < 40; i++) {
      const r = await t.store.db
        .transaction()
        .execute((trx) =>
          noteSignal(
            trx,
            t.store.dialect,
            { communityId: community.id, topicId },
            'young_posts',
            t0 + i * 1_000,
          ),
        );
      starts += r.filter((x) => x.started).length;
    }
    // The topic's count reached the floor of 30: one topic crisis, extended by each later post.
    // The community's count is the same wave, so it starts too (the wave is all the community saw).
    const rows = (await crisesRows()).filter((r) => r.ended_at === null);
    const topicCrisis = rows.find((r) => r.topic_id !== null);
    expect(topicCrisis).toMatchObject({ trigger: 'young_posts', started_by: null });
    expect(Number(topicCrisis?.started_at)).toBe(t0 + 29_000);
    expect(Number(topicCrisis?.last_trigger_at)).toBe(t0 + 39_000);
    expect(starts).toBe(rows.length);
    const alerts = await crisisAlerts(camille);
    expect(alerts.length - before).toBe(rows.length);
    expect(alerts.map((a) => a.text)).toContain(
      `Le mode crise a démarré de lui-même sur « Le communiqué de presse » (Communauté ${community.slug})`,
    );
    expect((await crisisAlerts(mona)).map((a) => a.text)).toContain(
      `Le mode crise a démarré de lui-même sur « Le communiqué de presse » (Communauté ${community.slug})`,
    );

    // The moderation gate's question: the crisis in force here, with the community's set.
    const last = t0 + 39_000;
    const inForce = await activeCrisisFor(t.store.db, community.id, topicId, last + MINUTE);
    expect(inForce?.restrictions).toEqual(defaults);
    expect(inForce?.crisis.topic_id).toBeNull(); // the community's covers the topic
    expect(await activeCrisisFor(t.store.db, other.id, otherTopic, last)).toBeUndefined();

    // Calm: not before 30 minutes after the last trigger, then ended by itself.
    expect(await endCalmCrises(t.store, last + 29 * MINUTE)).toEqual([]);
    // Renewed by a moderator until far ahead: the calm period does not end it.
    await t.store.db
      .updateTable('crises')
      .set({ renewed_until: last + 60 * MINUTE })
      .where('id', '=', Number(topicCrisis?.id))
      .execute();
    const first = await endCalmCrises(t.store, last + 31 * MINUTE);
    expect(first.map((c) => c.topic_id)).not.toContain(topicId);
    const later = await endCalmCrises(t.store, last + 61 * MINUTE);
    expect(later.map((c) => Number(c.topic_id))).toEqual([topicId]);
    expect((await crisesRows()).filter((r) => r.ended_at === null)).toEqual([]);
  });

  it('does not start by itself when the animators switched the automatic start off', async () => {
    await camille.client.api('PUT', `/communities/${community.id}/crisis/settings`, {
      autoStart: false,
    });
    const t1 = Date.UTC(2026, 11, 8, 9, 0);
    for (let i = 0; i < 40; i++)
      await t.store.db
        .transaction()
        .execute((trx) =>
          noteSignal(
            trx,
            t.store.dialect,
            { communityId: community.id, topicId },
            'young_posts',
            t1 + i * 500,
          ),
        );
    expect((await crisesRows()).filter((r) => r.ended_at === null)).toEqual([]);
    await camille.client.api('PUT', `/communities/${community.id}/crisis/settings`, {
      autoStart: true,
    });
  });

  it('shows the banner to staff only, while a crisis is under way', async () => {
    const home = `/c/${community.slug}`;
    expect((await camille.client.page(home)).html).not.toContain('Mode crise en cours');
    await mona.client.api('POST', `/communities/${community.id}/crises`, {});
    const staffHome = await camille.client.page(home);
    expect(staffHome.html).toContain('Mode crise en cours depuis le');
    expect(staffHome.html).toContain(`href="/c/${community.slug}/crisis"`);
    expect((await mona.client.page(home)).html).toContain('Mode crise en cours depuis le');
    expect((await bob.client.page(home)).html).not.toContain('Mode crise');
    // In English too.
    await mona.client.api('PATCH', '/me', { locale: 'en' });
    expect((await mona.client.page(home)).html).toContain('Crisis mode on since');
    const page = await mona.client.page(`/c/${community.slug}/crisis`);
    expect(page.html).toContain('Prepared restrictions');
    expect(page.html).toContain('The whole community');
    await endAll();
  });
});
