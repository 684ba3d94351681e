import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { htmlProblems } from '../html.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

type Figures = {
  audience: string;
  circles: { total: number; counts: Record<string, number | null> };
  ladder: {
    reached: number | null;
    members_reached: number | null;
    anonymous_visitors: number | null;
    interacting: number | null;
  };
  responsiveness: { topics: number; unanswered: unknown[] };
  newcomers: { count: number | null; unanswered_48h: unknown[] };
  concentration: { contributors: number; contributions: number };
  lifecycle: { stage: string };
};

function parseCsv(text: string): Map<string, string> {
  const rows = text.trim().split('\n').slice(1);
  return new Map(
    rows
      .map((r) => r.split(','))
      .map(([section, name, point, value]) => [
        `${section}.${name}${point ? `@${point}` : ''}`,
        value ?? '',
      ]),
  );
}

describe.each(databases)('the cockpit through the API and pages on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let member: Awaited<ReturnType<typeof newMember>>;
  let sponsor: Awaited<ReturnType<typeof newMember>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client, 'private');
    member = await newMember(t);
    sponsor = await newMember(t);
    for (const m of [member, sponsor]) {
      await join(m.client, community.id);
      await admin.client.api('PATCH', `/communities/${community.id}/members/${m.id}`, {
        approve: true,
      });
    }
    await admin.client.api('PATCH', `/communities/${community.id}/members/${sponsor.id}`, {
      role: 'sponsor',
    });
    const q = await member.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { kind: 'question', title: 'Première question', body: 'Qui sait ?' },
    );
    await admin.client.api('POST', `/topics/${q.body.topic.id}/replies`, { body: 'Moi.' });
    await member.client.api('POST', `/communities/${community.id}/topics`, {
      title: 'Sans réponse',
      body: 'Personne ?',
    });
  });
  afterAll(() => t.close());

  it('gives animators every figure, from the activity log', async () => {
    const res = await admin.client.api<Figures>(
      'GET',
      `/communities/${community.id}/analytics?days=30`,
    );
    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('staff');
    // The admin is staff; the member and the sponsor are the population.
    expect(res.body.circles.total).toBe(2);
    expect(res.body.circles.counts).toMatchObject({ contributor: 1, dormant: 1 });
    expect(res.body.responsiveness.topics).toBe(2);
    expect(res.body.responsiveness.unanswered).toHaveLength(1);
    expect(res.body.newcomers.count).toBe(1);
    expect(res.body.concentration).toMatchObject({ contributors: 1, contributions: 2 });
    expect(res.body.lifecycle.stage).toBe('establishment');
  });

  it('serves the same figures as CSV', async () => {
    const json = (
      await admin.client.api<Figures>('GET', `/communities/${community.id}/analytics?days=30`)
    ).body;
    const res = await admin.client.request(
      'GET',
      `/api/v1/communities/${community.id}/analytics.csv?days=30`,
    );
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = parseCsv(await res.text());
    expect(csv.get('circles.counts.contributor')).toBe(String(json.circles.counts.contributor));
    expect(csv.get('responsiveness.topics')).toBe(String(json.responsiveness.topics));
    expect(csv.get('lifecycle.stage')).toBe(json.lifecycle.stage);
    const page = await admin.client.request('GET', `/c/${community.slug}/cockpit.csv?days=30`);
    expect(await page.text()).toBe(
      await (
        await admin.client.request(
          'GET',
          `/api/v1/communities/${community.id}/analytics.csv?days=30`,
        )
      ).text(),
    );
  });

  it('shows sponsors aggregates only: small figures and lists withheld', async () => {
    const res = await sponsor.client.api<Figures>(
      'GET',
      `/communities/${community.id}/analytics?days=30`,
    );
    expect(res.body.audience).toBe('sponsor');
    expect(res.body.circles.counts).toEqual({
      core: null,
      contributor: null,
      reactor: null,
      lurker: null,
      dormant: null,
    });
    expect(res.body.newcomers.count).toBeNull();
    expect(res.body.responsiveness.unanswered).toEqual([]);
    const page = await sponsor.client.page(`/c/${community.slug}/cockpit`);
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Vue direction');
    expect(page.html).not.toContain('Sans réponse');
    expect(page.html).not.toContain('Les membres partis');
    // At a glance, the figures without the to-do.
    expect(page.html).toContain('En bref');
    expect(page.html).not.toContain('À traiter');
    // Fewer than 5 active the 30 days before: no comparison for a sponsor.
    expect(page.html).not.toContain('les 30 jours d’avant');
  });

  it('names no topic of a group the moderator may not read', async () => {
    const g = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: 'bureau', name: 'Bureau', description: 'Le bureau.', visibility: 'private' },
    );
    await admin.client.api('POST', `/communities/${community.id}/topics`, {
      title: 'Budget confidentiel',
      body: 'Entre nous.',
      groupId: g.body.group.id,
    });
    // A newcomer whose first post is in the private group, answered there by the admin.
    const insider = await newMember(t);
    await join(insider.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${insider.id}`, {
      approve: true,
    });
    await insider.client.api('POST', `/groups/${g.body.group.id}/join`);
    await admin.client.api('POST', `/groups/${g.body.group.id}/members/${insider.id}/approve`);
    const secret = await insider.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Question du bureau', body: 'Entre nous aussi.', groupId: g.body.group.id },
    );
    expect(secret.status).toBe(201);
    await admin.client.api('POST', `/topics/${secret.body.topic.id}/replies`, { body: 'Oui.' });
    const moderator = await newMember(t);
    await join(moderator.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${moderator.id}`, {
      approve: true,
    });
    await admin.client.api('PATCH', `/communities/${community.id}/members/${moderator.id}`, {
      role: 'moderator',
    });
    // Both see the topic among the unanswered; only the animator, who reads the group, its title.
    const asAdmin = await admin.client.page(`/c/${community.slug}/cockpit?days=30`);
    const asModerator = await moderator.client.page(`/c/${community.slug}/cockpit?days=30`);
    expect(await htmlProblems(asModerator.html)).toEqual([]);
    expect(asModerator.status).toBe(200);
    expect(asAdmin.html).toContain('Budget confidentiel');
    expect(asModerator.html).toContain('Sans réponse');
    expect(asModerator.html).not.toContain('Budget confidentiel');
    // Each unanswered topic says what it is, where, and how long it has waited; the group's
    // name only beside a title the reader may read (the moderator sees that the group exists).
    expect(asAdmin.html).toMatch(
      /Budget confidentiel<\/a> <span class="muted">Discussion · Bureau · [^<]+ · en attente depuis \d+ (min|h)<\/span>/,
    );
    expect(asModerator.html).toMatch(
      /<li>Un sujet d’un groupe que vous ne lisez pas <span class="muted">Discussion · [^<·]+ · en attente depuis \d+ (min|h)<\/span>/,
    );
    // Among the newcomers, who answered the insider's first post only for who may read it.
    expect(asAdmin.html).toContain('Question du bureau</a> <span class="muted">');
    expect(asAdmin.html).toMatch(
      /Question du bureau<\/a> <span class="muted">[^<]+ · répondu en \d+ min par/,
    );
    // The moderator does not learn who posts in the group: the insider is not among the newcomers.
    expect(asModerator.html).not.toContain('dans un groupe que vous ne lisez pas');
    expect(asModerator.html).not.toContain('Question du bureau');
    // The API keeps the unanswered topic (the list matches the figures) but not which one; the
    // newcomers' list has no one whose first post is there, nor who answered them.
    type Post = { topicId: number | null; replyId: number | null; groupId: number | null };
    type Lists = {
      audience: string;
      responsiveness: { unanswered: (Post & { createdAt: number })[] };
      newcomers: {
        members: (Post & { memberId: number; answeredBy: number | null })[];
        unanswered_48h: { memberId: number }[];
      };
    };
    const apiOf = (c: Client) =>
      c.api<Lists>('GET', `/communities/${community.id}/analytics?days=30`);
    const [adminApi, moderatorApi] = [await apiOf(admin.client), await apiOf(moderator.client)];
    const budget = (l: Lists) => l.responsiveness.unanswered.filter((u) => u.groupId !== null);
    expect(budget(adminApi.body)).toHaveLength(1);
    expect(budget(moderatorApi.body)).toEqual([]);
    expect(moderatorApi.body.responsiveness.unanswered).toHaveLength(
      adminApi.body.responsiveness.unanswered.length,
    );
    expect(moderatorApi.body.responsiveness.unanswered).toContainEqual(
      expect.objectContaining({ topicId: null, groupId: null }),
    );
    const insiderOf = (l: Lists) => l.newcomers.members.find((n) => n.memberId === insider.id);
    expect(insiderOf(adminApi.body)).toMatchObject({
      topicId: secret.body.topic.id,
      groupId: g.body.group.id,
      answeredBy: admin.id,
    });
    expect(insiderOf(moderatorApi.body)).toBeUndefined();
    const body = JSON.stringify(moderatorApi.body);
    expect(body).not.toContain(`"topicId":${secret.body.topic.id}`);
    expect(body).not.toContain(`"memberId":${insider.id}`);
    // The private group's own cockpit: figures only, as a sponsor sees them.
    const groupPath = `/communities/${community.id}/groups/${g.body.group.id}/analytics?days=30`;
    const groupApi = await moderator.client.api<
      Lists & { responsiveness: { topics: number | null }; circles: { total: number | null } }
    >('GET', groupPath);
    expect(groupApi.status).toBe(200);
    expect(groupApi.body.audience).toBe('aggregate');
    expect(groupApi.body.responsiveness.unanswered).toEqual([]);
    expect(groupApi.body.newcomers.members).toEqual([]);
    // Two topics and a member or two: under 5, withheld.
    expect(groupApi.body.responsiveness.topics).toBeNull();
    expect(groupApi.body.circles.total).toBeNull();
    expect(JSON.stringify(groupApi.body)).not.toMatch(/"(memberId|answeredBy|topicId)"/);
    const byAdmin = await admin.client.api<Lists>('GET', groupPath);
    expect(byAdmin.body.audience).toBe('staff');
    expect(insiderOf(byAdmin.body)).toMatchObject({ topicId: secret.body.topic.id });
    const groupPage = await moderator.client.page(`/c/${community.slug}/g/bureau/cockpit?days=30`);
    expect(groupPage.status).toBe(200);
    expect(await htmlProblems(groupPage.html)).toEqual([]);
    expect(groupPage.html).toContain('Vous ne lisez pas ce groupe');
    expect(groupPage.html).not.toContain('Question du bureau');
    expect(groupPage.html).not.toContain('À traiter');
    const groupCsv = await moderator.client.request(
      'GET',
      `/c/${community.slug}/g/bureau/cockpit.csv?days=30`,
    );
    expect(await groupCsv.text()).toContain('responsiveness,topics,,\n');
    // The groups' table: the moderator sees the private group's stage as a sponsor does, with
    // no count of its waiting topics (under 5 active, its figures are withheld).
    expect(asModerator.html).toMatch(
      /<th scope="row"><a href="[^"]+">Bureau<\/a><\/th><td class="text">masquée<\/td><td>—<\/td><td>—<\/td><\/tr>/,
    );
    expect(asAdmin.html).toMatch(
      /<th scope="row"><a href="[^"]+">Bureau<\/a><\/th><td class="text">[^<]+<\/td><td>[^<]+<\/td><td>[^<]+<\/td><td>1<\/td>/,
    );
    type Groups = { lifecycle: { groups: { unanswered_topics: number | null }[] } };
    const bySponsor = await sponsor.client.api<Groups>(
      'GET',
      `/communities/${community.id}/analytics?days=30`,
    );
    expect(bySponsor.body.lifecycle.groups.map((x) => x.unanswered_topics)).toEqual([null]);
    const sponsorPage = await sponsor.client.page(`/c/${community.slug}/cockpit?days=30`);
    expect(sponsorPage.html).toContain('Étape de chaque groupe');
    expect(sponsorPage.html).not.toContain('Sujets sans réponse');
  });

  it('refuses members (403) and hides the cockpit from outsiders (404)', async () => {
    expect((await member.client.api('GET', `/communities/${community.id}/analytics`)).status).toBe(
      403,
    );
    expect((await member.client.page(`/c/${community.slug}/cockpit`)).status).toBe(403);
    const outsider = await newMember(t);
    expect(
      (await outsider.client.api('GET', `/communities/${community.id}/analytics`)).status,
    ).toBe(404);
    expect(
      (await new Client(t.url).api('GET', `/communities/${community.id}/analytics`)).status,
    ).toBe(404);
  });

  it('renders the cockpit page with its tables and to-do lists, and rejects a reversed period', async () => {
    const page = await admin.client.page(`/c/${community.slug}/cockpit?days=90`);
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.status).toBe(200);
    // "En bref" sets the active members beside the 30 days before.
    const figures = await admin.client.api<{
      lifecycle: { active_members_30d: number; active_members_previous_30d: number };
    }>('GET', `/communities/${community.id}/analytics?days=90`);
    const { active_members_30d: now, active_members_previous_30d: before } = figures.body.lifecycle;
    expect(now).toBeGreaterThan(0);
    expect(page.html).toContain(
      `<span class="figure">${now}</span> <span class="label">Actifs sur les 30 derniers jours</span><span class="note">${before} les 30 jours d’avant</span>`,
    );
    expect(page.html).toContain('Tableau de bord de');
    expect(page.html).toContain('<table class="figures">');
    expect(page.html).toContain('Sans réponse');
    // Coefficients keep two decimals in the reader's language: "0,54", never a rounded "0,5".
    expect(page.html).toMatch(/Coefficient de Gini<\/th><td>\d,\d\d<\/td>/);
    const bad = await admin.client.api(
      'GET',
      `/communities/${community.id}/analytics?from=2026-05-01&to=2026-04-01`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'invalid_input',
        message: 'The period is invalid: the start date must come before the end date.',
      },
    });
    expect(
      (await admin.client.api('GET', `/communities/${community.id}/analytics?days=7`)).status,
    ).toBe(400);
  });

  it('reads up to 30 years, as an imported forum’s history, and folds its long month tables', async () => {
    const tooLong = await admin.client.api(
      'GET',
      `/communities/${community.id}/analytics?from=1990-01-01&to=2026-01-01`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      error: { code: 'invalid_input', message: 'La période ne peut pas dépasser 30 ans.' },
    });
    const history = await admin.client.api<{ activity: { monthly: unknown[]; weekly: unknown[] } }>(
      'GET',
      `/communities/${community.id}/analytics?from=2008-01-01&to=2027-01-01`,
    );
    expect(history.status).toBe(200);
    // Every month and week of the 19 years, the silent ones too: the ISO weeks from the one of
    // Monday 31 December 2007 to the one of Monday 28 December 2026.
    expect(history.body.activity.monthly).toHaveLength(19 * 12);
    expect(history.body.activity.weekly).toHaveLength(992);
    const page = await admin.client.page(
      `/c/${community.slug}/cockpit?from=2008-01-01&to=2027-01-01`,
    );
    expect(page.status).toBe(200);
    // Both month tables (the ladder's flows, the activity's months) fold under their charts.
    expect(page.html.match(/<summary>Les 228 mois en tableau<\/summary>/g)).toHaveLength(2);
    const year = await admin.client.page(`/c/${community.slug}/cockpit?days=365`);
    expect(year.html).not.toContain('mois en tableau');
    // The whole history is one link away: from the community's first day.
    const created = await admin.client.api<{ community: { createdAt: string } }>(
      'GET',
      `/communities/${community.id}`,
    );
    const today = created.body.community.createdAt.slice(0, 10);
    expect(year.html).toMatch(
      new RegExp(
        `<a href="/c/${community.slug}/cockpit\\?from=${today}">Tout l’historique, depuis le \\d{1,2} \\S+ \\d{4}</a>`,
      ),
    );
  });
});

describe.each(databases)('group and instance cockpits on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let member: Awaited<ReturnType<typeof newMember>>;
  let community: { id: number; slug: string };
  let group: { id: number; slug: string };
  let inGroup: number;
  let outside: number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client, 'public');
    const g = await admin.client.api<{ group: { id: number; slug: string } }>(
      'POST',
      `/communities/${community.id}/groups`,
      {
        slug: 'velo',
        name: 'Atelier vélo',
        description: 'Réparer ensemble.',
        visibility: 'public',
      },
    );
    group = g.body.group;
    member = await newMember(t);
    await join(member.client, community.id);
    await member.client.api('POST', `/groups/${group.id}/join`);
    const topicOf = async (input: Record<string, unknown>) =>
      (
        await member.client.api<{ topic: { id: number } }>(
          'POST',
          `/communities/${community.id}/topics`,
          input,
        )
      ).body.topic.id;
    inGroup = await topicOf({
      kind: 'question',
      title: 'Dans le groupe',
      body: 'Une chambre à air ?',
      groupId: group.id,
    });
    outside = await topicOf({ title: 'Hors du groupe', body: 'Bonjour à tous.' });
  });
  afterAll(() => t.close());

  it('scopes a group’s cockpit to the group’s activity and members', async () => {
    const res = await admin.client.api<Figures & { groupId: number }>(
      'GET',
      `/communities/${community.id}/groups/${group.id}/analytics?days=30`,
    );
    expect(res.status).toBe(200);
    expect(res.body.groupId).toBe(group.id);
    expect(res.body.responsiveness.topics).toBe(1);
    expect(res.body.concentration.contributions).toBe(1);
    expect(res.body.circles.counts.contributor).toBe(1);
    const whole = await admin.client.api<Figures>(
      'GET',
      `/communities/${community.id}/analytics?days=30`,
    );
    expect(whole.body.responsiveness.topics).toBe(2);
    // The CSV gives each group's lifecycle figures, one line each, as the API does.
    type GroupFigures = {
      slug: string;
      stage: string;
      member_share: number | null;
      active_members_30d: number;
    };
    const lifecycle = (
      await admin.client.api<{ lifecycle: { groups: GroupFigures[] } }>(
        'GET',
        `/communities/${community.id}/analytics?days=30`,
      )
    ).body.lifecycle.groups.find((x) => x.slug === group.slug);
    const csv = parseCsv(
      await (
        await admin.client.request(
          'GET',
          `/api/v1/communities/${community.id}/analytics.csv?days=30`,
        )
      ).text(),
    );
    expect(lifecycle?.active_members_30d).toBe(1);
    expect(csv.get(`lifecycle.groups.stage@group=${group.slug}`)).toBe(lifecycle?.stage);
    expect(csv.get(`lifecycle.groups.member_share@group=${group.slug}`)).toBe(
      String(lifecycle?.member_share),
    );
    expect(csv.get(`lifecycle.groups.active_members_30d@group=${group.slug}`)).toBe('1');
    // The community's cockpit links the group's row of its lifecycle table there, same period.
    const groupCockpit = `/c/${community.slug}/g/${group.slug}/cockpit?days=30`;
    const communityPage = await admin.client.page(`/c/${community.slug}/cockpit?days=30`);
    expect(communityPage.html).toContain(`<a href="${groupCockpit}">Atelier vélo</a>`);
    const page = await admin.client.page(groupCockpit);
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Tableau de bord d’Atelier vélo');
    expect(page.html).toContain('Dans le groupe');
    expect(page.html).not.toContain('Hors du groupe');
    expect((await member.client.page(`/c/${community.slug}/g/${group.slug}/cockpit`)).status).toBe(
      403,
    );
  });

  it('counts anonymous readers once a day per scope, never robots, and keeps no address', async () => {
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
    const read = async (c: Client, id: number, userAgent = firefox) => {
      const res = await c.request('GET', `/c/${community.slug}/t/${id}`, {
        headers: { 'user-agent': userAgent },
      });
      expect(res.status).toBe(200);
    };
    const reader = new Client(t.url);
    await read(reader, inGroup);
    await read(reader, inGroup);
    await read(reader, outside);
    // Another browser on the same address is another reader; a crawler is no one.
    await read(new Client(t.url), outside, 'Mozilla/5.0 (Macintosh) Version/18.1 Safari/605.1.15');
    await read(new Client(t.url), outside, 'Mozilla/5.0 (compatible; Googlebot/2.1)');
    // A member's read is a member's visit, never an anonymous one.
    await read(member.client, outside);
    const visitors = async (path: string) =>
      (await admin.client.api<Figures>('GET', `${path}?days=30`)).body.ladder;
    expect(await visitors(`/communities/${community.id}/analytics`)).toMatchObject({
      anonymous_visitors: 2,
      members_reached: 1,
      reached: 3,
    });
    expect(
      (await visitors(`/communities/${community.id}/groups/${group.id}/analytics`))
        .anonymous_visitors,
    ).toBe(1);
    expect((await visitors('/analytics')).anonymous_visitors).toBe(2);
    const kept = JSON.stringify([
      await t.store.db.selectFrom('visitors_seen').selectAll().execute(),
      await t.store.db
        .selectFrom('activity_log')
        .selectAll()
        .where('kind', '=', 'visit.anonymous')
        .execute(),
    ]);
    expect(kept).toContain('"actor_id":null');
    for (const secret of ['127.0.0.1', '::1', 'Firefox', 'Safari'])
      expect(kept).not.toContain(secret);
  });

  it('serves the page to an anonymous reader even when the visit cannot be counted', async () => {
    const counted = () =>
      t.store.db
        .selectFrom('activity_log')
        .select('id')
        .where('kind', '=', 'visit.anonymous')
        .execute();
    const before = (await counted()).length;
    await sql`alter table visitors_seen rename to visitors_seen_away`.execute(t.store.db);
    try {
      const res = await new Client(t.url).request('GET', `/c/${community.slug}/t/${outside}`, {
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Hors du groupe');
    } finally {
      await sql`alter table visitors_seen_away rename to visitors_seen`.execute(t.store.db);
    }
    expect(await counted()).toHaveLength(before);
  });

  it('gives instance admins the whole instance, and no one else', async () => {
    const res = await admin.client.api<Figures>('GET', '/analytics?days=30');
    expect(res.status).toBe(200);
    expect(res.body.responsiveness.topics).toBe(2);
    expect(res.body.newcomers.count).toBe(1);
    const page = await admin.client.page('/cockpit?days=30');
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.html).toContain('toute l’instance');
    // Its whole history starts with its oldest community.
    const oldest = await t.store.db
      .selectFrom('communities')
      .select((eb) => eb.fn.min<number>('created_at').as('at'))
      .executeTakeFirstOrThrow();
    const since = new Date(Number(oldest.at)).toISOString().slice(0, 10);
    expect(page.html).toContain(`<a href="/cockpit?from=${since}">Tout l’historique, depuis le `);
    // Each community with its stage as its own cockpit gives it, and a link to that cockpit.
    type Lifecycle = {
      stage: string;
      member_share: number | null;
      contributions_30d: number;
      active_members_30d: number;
      active_members_previous_30d: number;
    };
    type Listed = Lifecycle & {
      communityId: number;
      slug: string;
      name: string;
      unanswered_topics: number;
    };
    const own = await admin.client.api<{
      lifecycle: Lifecycle & { communities: Listed[] };
      responsiveness: { unanswered: unknown[] };
    }>('GET', `/communities/${community.id}/analytics?days=30`);
    const instance = await admin.client.api<{ lifecycle: { communities: Listed[] } }>(
      'GET',
      '/analytics?days=30',
    );
    const listed = instance.body.lifecycle.communities.find((c) => c.communityId === community.id);
    const { communities, ...ownFigures } = own.body.lifecycle;
    expect(communities).toEqual([]);
    expect(ownFigures.contributions_30d).toBe(3);
    expect(ownFigures.active_members_30d).toBe(1);
    expect(listed).toMatchObject({
      slug: community.slug,
      name: `Communauté ${community.slug}`,
      stage: ownFigures.stage,
      member_share: ownFigures.member_share,
      contributions_30d: ownFigures.contributions_30d,
      active_members_30d: ownFigures.active_members_30d,
      active_members_previous_30d: ownFigures.active_members_previous_30d,
      // Where the community's unanswered topics wait, as its own list counts them.
      unanswered_topics: own.body.responsiveness.unanswered.length,
    });
    expect(listed?.unanswered_topics).toBeGreaterThan(0);
    expect(page.html).toContain(
      `<a href="/c/${community.slug}/cockpit?days=30">Communauté ${community.slug}</a>`,
    );
    expect((await member.client.api('GET', '/analytics')).status).toBe(403);
    expect((await new Client(t.url).api('GET', '/analytics')).status).toBe(401);
  });
});
