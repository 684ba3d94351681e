import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivities, type ActivityEntry } from '../../src/activity/index.js';
import { importUsers, NO_PASSWORD } from '../../src/accounts/index.js';
import { importCommunity } from '../../src/communities/index.js';
import { redoableTransaction, type Store } from '../../src/db/index.js';
import { htmlProblems } from '../html.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The hand-built period: the 60 days before `to`, a midnight. */
const to = Date.UTC(2026, 5, 1);
const from = to - 60 * DAY;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Welcomes {
  welcomed: number | null;
  by_staff: number | null;
  by_members: number | null;
  came_back_30d: number | null;
  still_within_30d: number | null;
  came_back_rate: number | null;
}

/**
 * Two communities written by hand. In "accueils": an animator, a moderator, a member who
 * welcomes too, newcomers n1 to n8; in "ailleurs", the animator welcomes n8 as well.
 */
async function buildWelcomes(s: Store) {
  return redoableTransaction(s, async (trx) => {
    const handles = [
      'animatrice',
      'moderateur',
      'membre',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => `n${k}`),
    ];
    const made = await importUsers(
      s,
      trx,
      handles.map((handle) => ({
        email: `${handle}@welcomes.invalid`,
        handle,
        displayName: handle,
        bio: '',
        passwordHash: NO_PASSWORD,
        isAdmin: false,
        createdAt: from - 100 * DAY,
      })),
    );
    const id = (handle: string) => made.get(handle) ?? 0;
    const community = (slug: string) =>
      importCommunity(s, trx, {
        slug,
        name: slug,
        purpose: 'Des accueils écrits à la main.',
        typology: 'internal_community',
        visibility: 'public',
        charter: 'Bienveillance.',
        createdAt: from - 100 * DAY,
        createdBy: null,
        memberships: [
          { userId: id('animatrice'), role: 'animator', joinedAt: from - 100 * DAY },
          { userId: id('moderateur'), role: 'moderator', joinedAt: from - 100 * DAY },
          ...handles
            .slice(2)
            .map((h) => ({ userId: id(h), role: 'member', joinedAt: from - 80 * DAY })),
        ],
        groups: [
          {
            slug: 'groupe',
            name: 'Groupe',
            description: 'Un groupe.',
            visibility: 'public',
            createdAt: from - 100 * DAY,
            members: [],
          },
        ],
      });
    const here = await community('accueils');
    const elsewhere = await community('ailleurs');
    return {
      id,
      community: here.id,
      group: here.groupIds.get('groupe') ?? 0,
      elsewhere: elsewhere.id,
    };
  });
}

async function logWelcomes(s: Store, x: Awaited<ReturnType<typeof buildWelcomes>>) {
  const log: ActivityEntry[] = [];
  let target = 1000;
  const welcome = (by: string, newcomer: string, at: number, communityId = x.community) =>
    log.push({
      actorId: x.id(by),
      communityId,
      kind: 'newcomer.welcomed',
      targetKind: 'user',
      targetId: x.id(newcomer),
      at,
    });
  const act = (who: string, kind: ActivityEntry['kind'], at: number) =>
    log.push({
      actorId: x.id(who),
      communityId: x.community,
      kind,
      targetKind: kind === 'content.viewed' || kind === 'topic.created' ? 'topic' : 'reply',
      targetId: ++target,
      topicId: target,
      at,
    });
  // n1: welcomed by the animator 50 days before `to`, posts 5 days later: came back.
  welcome('animatrice', 'n1', to - 50 * DAY);
  act('n1', 'topic.created', to - 45 * DAY);
  // n2: welcomed by the moderator, reacts exactly 30 days later: came back (the bound is in).
  welcome('moderateur', 'n2', to - 40 * DAY);
  act('n2', 'reaction.added', to - 10 * DAY);
  // n3: welcomed by a member; only reads afterwards: a visit is not taking part, not back.
  welcome('membre', 'n3', to - 35 * DAY);
  act('n3', 'content.viewed', to - 34 * DAY);
  // n4: first welcomed by the member, the animator the next day: counted once, by members;
  // replies 10 days on: came back.
  welcome('membre', 'n4', to - 20 * DAY);
  welcome('animatrice', 'n4', to - 19 * DAY);
  act('n4', 'reply.created', to - 10 * DAY);
  // n5: welcomed by the animator before the period (not counted), by the member 25 days before
  // `to` (its first welcome in the period); posted between the two and only again after `to`:
  // not back, and still within its 30 days at `to`.
  welcome('animatrice', 'n5', from - 10 * DAY);
  act('n5', 'topic.created', from + 5 * DAY);
  welcome('membre', 'n5', to - 25 * DAY);
  act('n5', 'topic.created', to + 2 * DAY);
  // n6: welcomed by the animator 5 days before `to`, silent since: still within its 30 days.
  welcome('animatrice', 'n6', to - 5 * DAY);
  // n7: welcomed by the animator 3 days before `to`, reacts 2 days later: came back already.
  welcome('animatrice', 'n7', to - 3 * DAY);
  act('n7', 'reaction.added', to - DAY);
  // n8: welcomed in the other community only (and in this one at `to`, outside the period).
  welcome('animatrice', 'n8', to - 10 * DAY, x.elsewhere);
  welcome('animatrice', 'n8', to);
  await recordActivities(
    s,
    s.db,
    log.sort((a, b) => a.at - b.at),
  );
}

/**
 * In "accueils" over [to − 60 d, to): n1 to n7 are welcomed, 7; by staff (animator, moderator)
 * n1, n2, n6, n7 = 4, by members n3, n4, n5 = 3; came back n1, n2, n4, n7 = 4; still within
 * their 30 days n5 and n6 = 2 (n7 is back already); rate 4 ÷ (7 − 2) = 0.8.
 */
const COMMUNITY: Welcomes = {
  welcomed: 7,
  by_staff: 4,
  by_members: 3,
  came_back_30d: 4,
  still_within_30d: 2,
  came_back_rate: 0.8,
};
/** The instance adds n8 welcomed by the animator elsewhere, silent: 8, 5 by staff, 3 within. */
const INSTANCE: Welcomes = {
  welcomed: 8,
  by_staff: 5,
  by_members: 3,
  came_back_30d: 4,
  still_within_30d: 3,
  came_back_rate: 0.8,
};
/**
 * A sponsor sees the 7 welcomed only: 4 and 3 by whom are under 5; came back (4), still within
 * (2) and the rest (1) too, and so the rate.
 */
const SPONSOR: Welcomes = {
  welcomed: 7,
  by_staff: null,
  by_members: null,
  came_back_30d: null,
  still_within_30d: null,
  came_back_rate: null,
};

describe.each(databases)('the welcome figures from a hand-built log on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let built: Awaited<ReturnType<typeof buildWelcomes>>;
  const period = `from=${date(from)}&to=${date(to)}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    built = await buildWelcomes(t.store);
    await logWelcomes(t.store, built);
  });
  afterAll(() => t.close());

  it('counts the welcomed, by staff and by members, and who came back within 30 days', async () => {
    type Answer = { welcomes: Welcomes | null };
    const community = await admin.client.api<Answer>(
      'GET',
      `/communities/${built.community}/analytics?${period}`,
    );
    expect(community.status).toBe(200);
    expect(community.body.welcomes).toEqual(COMMUNITY);
    const instance = await admin.client.api<Answer>('GET', `/analytics?${period}`);
    expect(instance.body.welcomes).toEqual(INSTANCE);
    // A welcome is the community's: a group's cockpit has none.
    const group = await admin.client.api<Answer>(
      'GET',
      `/communities/${built.community}/groups/${built.group}/analytics?${period}`,
    );
    expect(group.body.welcomes).toBeNull();
  });

  it('writes them in the CSV and on the page, in the reader’s language', async () => {
    const csv = await (
      await admin.client.request('GET', `/c/accueils/cockpit.csv?${period}`)
    ).text();
    expect(csv).toContain('welcomes,welcomed,,7\n');
    expect(csv).toContain('welcomes,by_staff,,4\n');
    expect(csv).toContain('welcomes,came_back_rate,,0.8\n');
    const page = await admin.client.page(`/c/accueils/cockpit?${period}`);
    expect(await htmlProblems(page.html)).toEqual([]);
    expect(page.html).toContain('Nouveaux accueillis</th><td>7</td>');
    expect(page.html).toContain('dont accueillis par l’équipe d’animation</th><td>4</td>');
    expect(page.html).toContain('Revenus participer dans les 30 jours</th><td>4</td>');
    expect(page.html).toMatch(/Part des accueillis revenus participer<\/th><td>80\s?%<\/td>/);
  });

  it('shows sponsors the welcomes aggregated, none about fewer than 5 people', async () => {
    const sponsor = await newMember(t);
    await join(sponsor.client, built.community);
    await admin.client.api('PATCH', `/communities/${built.community}/members/${sponsor.id}`, {
      role: 'sponsor',
    });
    const res = await sponsor.client.api<{ audience: string; welcomes: Welcomes }>(
      'GET',
      `/communities/${built.community}/analytics?${period}`,
    );
    expect(res.body.audience).toBe('sponsor');
    expect(res.body.welcomes).toEqual(SPONSOR);
  });
});

/** Every href of a page, its `&amp;` read back. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

describe.each(databases)('acting from the cockpit on %s', (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  let newcomer: Awaited<ReturnType<typeof newMember>>;
  let pillar: Awaited<ReturnType<typeof newMember>>;
  let gone: Awaited<ReturnType<typeof newMember>>;
  let sponsor: Awaited<ReturnType<typeof newMember>>;
  let topicId: number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
    newcomer = await newMember(t, 'Nadia Nouvelle');
    pillar = await newMember(t, 'Paul Pilier');
    gone = await newMember(t, 'Gaspard Parti');
    sponsor = await newMember(t, 'Sophie Sponsor');
    for (const m of [newcomer, pillar, gone, sponsor]) await join(m.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${sponsor.id}`, {
      role: 'sponsor',
    });
    const topic = await newcomer.client.api<{ topic: { id: number } }>(
      'POST',
      `/communities/${community.id}/topics`,
      { title: 'Ma première question', body: 'Quelqu’un peut m’aider ?' },
    );
    topicId = topic.body.topic.id;
    // Three days ago, before any cockpit folds the log: unanswered for more than 48 hours.
    await t.store.db
      .updateTable('activity_log')
      .set({ created_at: Date.now() - 3 * DAY })
      .where('kind', '=', 'topic.created')
      .where('target_id', '=', topicId)
      .execute();
    // The pillar posted 10 to 14 days ago and not since; the one who left reacted 45 days ago.
    const now = Date.now();
    await recordActivities(t.store, t.store.db, [
      ...[10, 12, 14].map((d, k) => ({
        actorId: pillar.id,
        communityId: community.id,
        kind: 'topic.created' as const,
        targetKind: 'topic',
        targetId: 90_000 + k,
        topicId: 90_000 + k,
        at: now - d * DAY - HOUR,
      })),
      {
        actorId: gone.id,
        communityId: community.id,
        kind: 'reaction.added',
        targetKind: 'topic',
        targetId: 90_000,
        topicId: 90_000,
        at: now - 45 * DAY,
      },
    ]);
  });
  afterAll(() => t.close());

  it('gives staff an action beside each name, and the welcome queue', async () => {
    const page = await admin.client.page(`/c/${community.slug}/cockpit?days=90`);
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.html)).toEqual([]);
    const links = hrefs(page.html);
    // Newcomers without an answer: the queue, their welcome form, their post at the reply box.
    expect(links).toContain(`/c/${community.slug}/welcome`);
    expect(links).toContain(`/c/${community.slug}/welcome/${newcomer.id}`);
    expect(page.html).toContain('aria-label="Accueillir Nadia Nouvelle"');
    expect(links).toContain(`/c/${community.slug}/t/${topicId}#reply-title`);
    // The pillar gone quiet and the member who left: a message drafted from each template.
    const toPillar = links.find((l) => l.startsWith(`/messages/new?to=${pillar.handle}&`));
    const toGone = links.find((l) => l.startsWith(`/messages/new?to=${gone.handle}&`));
    expect(toPillar).toBeDefined();
    expect(toGone).toBeDefined();
    const pillarDraft = new URL(toPillar ?? '', t.url).searchParams.get('body') ?? '';
    expect(pillarDraft).toContain('Bonjour Paul Pilier,');
    expect(pillarDraft).toContain(
      `On ne vous voit plus beaucoup dans « Communauté ${community.slug} »`,
    );
    const goneDraft = new URL(toGone ?? '', t.url).searchParams.get('body') ?? '';
    expect(goneDraft).toContain('Cela fait un moment que vous n’êtes pas passé·e');
  });

  it('opens the message form with the draft, and sends it once the animator submits', async () => {
    const page = await admin.client.page(`/c/${community.slug}/cockpit?days=90`);
    const link =
      hrefs(page.html).find((l) => l.startsWith(`/messages/new?to=${pillar.handle}&`)) ?? '';
    const form = await admin.client.page(link);
    expect(form.status).toBe(200);
    expect(await htmlProblems(form.html)).toEqual([]);
    expect(form.html).toContain(`value="${pillar.handle}"`);
    expect(form.html).toContain('On ne vous voit plus beaucoup');
    const draft = new URL(link, t.url).searchParams.get('body') ?? '';
    const sent = await admin.client.submit(link, '/messages/new', {
      recipients: pillar.handle,
      body: `${draft}\n\nCamille`,
    });
    expect(sent.status).toBe(303);
    const inbox = await pillar.client.page('/messages');
    expect(inbox.html).toContain('On ne vous voit plus beaucoup');
  });

  it('counts a welcome sent from the welcome form in the cockpit’s figures', async () => {
    const before = await admin.client.api<{ welcomes: Welcomes }>(
      'GET',
      `/communities/${community.id}/analytics?days=30`,
    );
    expect(before.body.welcomes.welcomed).toBe(0);
    const res = await admin.client.api(
      'POST',
      `/communities/${community.id}/welcome-queue/${newcomer.id}/welcome`,
      { body: 'Bienvenue Nadia !' },
    );
    expect(res.status).toBe(201);
    const after = await admin.client.api<{ welcomes: Welcomes }>(
      'GET',
      `/communities/${community.id}/analytics?days=30`,
    );
    expect(after.body.welcomes).toMatchObject({
      welcomed: 1,
      by_staff: 1,
      by_members: 0,
      came_back_30d: 0,
      still_within_30d: 1,
    });
  });

  it('gives a moderator the answers and messages, not the welcome form (animators’ own)', async () => {
    const moderator = await newMember(t, 'Maud Modératrice');
    await join(moderator.client, community.id);
    await admin.client.api('PATCH', `/communities/${community.id}/members/${moderator.id}`, {
      role: 'moderator',
    });
    const page = await moderator.client.page(`/c/${community.slug}/cockpit?days=90`);
    expect(page.status).toBe(200);
    const links = hrefs(page.html);
    expect(links).toContain(`/c/${community.slug}/t/${topicId}#reply-title`);
    expect(links.some((l) => l.startsWith(`/messages/new?to=${pillar.handle}&`))).toBe(true);
    expect(links.filter((l) => l.includes('/welcome'))).toEqual([]);
  });

  it('shows sponsors no names and no actions', async () => {
    const page = await sponsor.client.page(`/c/${community.slug}/cockpit?days=90`);
    expect(page.status).toBe(200);
    expect(await htmlProblems(page.html)).toEqual([]);
    for (const name of ['Nadia Nouvelle', 'Paul Pilier', 'Gaspard Parti', 'Ma première question'])
      expect(page.html).not.toContain(name);
    const links = hrefs(page.html);
    expect(links.filter((l) => l.includes('/welcome'))).toEqual([]);
    expect(links.filter((l) => l.startsWith('/messages/new'))).toEqual([]);
    expect(links.filter((l) => l.includes('#reply-title'))).toEqual([]);
    const api = await sponsor.client.api<{
      recently_inactive_core: unknown[];
      churned_members: unknown[];
    }>('GET', `/communities/${community.id}/analytics?days=90`);
    expect(api.body.recently_inactive_core).toEqual([]);
    expect(api.body.churned_members).toEqual([]);
  });
});
