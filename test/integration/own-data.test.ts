import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryOutDueDeletions } from '../../src/own-data/index.js';
import { Client } from '../client.js';
import { PASSWORD, join, mailsTo, newAdmin, newCommunity, newMember } from '../fixtures.js';
import {
  createTestStore,
  databases,
  startTestApp,
  type TestApp,
  type TestStore,
} from '../harness.js';
import { htmlProblems } from '../html.js';

const DAY = 86_400_000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Export {
  profile: { id: number; handle: string; displayName: string; email: string };
  memberships: {
    community: { id: number; slug: string };
    role: string;
    status: string;
    charter: { version: number; acceptedAt: string; publishedAt: string } | null;
  }[];
  groupMemberships: { group: { id: number } }[];
  topics: { id: number; title: string; body: string; revisions: { body: string }[] }[];
  replies: { id: number; topicId: number; body: string; revisions: unknown[] }[];
  reactions: { targetKind: string; targetId: number; kind: string }[];
  activity: { kind: string; communityId: number | null; groupId: number | null }[];
}

type Member = Awaited<ReturnType<typeof newMember>>;

async function topic(
  m: Member,
  communityId: number,
  title: string,
  body: string,
  groupId?: number,
) {
  const res = await m.client.api<{ topic: { id: number } }>(
    'POST',
    `/communities/${communityId}/topics`,
    { title, body, kind: 'discussion', ...(groupId ? { groupId } : {}) },
  );
  if (res.status !== 201) throw new Error(`topic: ${JSON.stringify(res.body)}`);
  return res.body.topic.id;
}

async function reply(m: Member, topicId: number, body: string) {
  const res = await m.client.api<{ reply: { id: number } }>('POST', `/topics/${topicId}/replies`, {
    body,
  });
  if (res.status !== 201) throw new Error(`reply: ${JSON.stringify(res.body)}`);
  return res.body.reply.id;
}

/** Every place a name, a handle or an address could show: none of them may. */
function expectNoTrace(text: string, who: { displayName: string; handle: string; email: string }) {
  expect(text).not.toContain(who.displayName);
  expect(text).not.toContain(who.handle);
  expect(text).not.toContain(who.email);
}

describe.each(databases)('one’s own data on %s', (kind) => {
  let db: TestStore;
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  let community: { id: number; slug: string };
  beforeAll(async () => {
    // A database file: on SQLite the export reads through worker threads, as in production.
    db = await createTestStore(kind, { file: true });
    t = await startTestApp(kind, {}, db);
    admin = await newAdmin(t);
    community = await newCommunity(admin.client);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('exports exactly the member’s data, and nothing of a private group or community she left', async () => {
    const zoe = await newMember(t, 'Zoé Exportine');
    const bob = await newMember(t, 'Bob Voisin');
    const secret = await newCommunity(admin.client, 'private');
    await join(zoe.client, community.id);
    await join(bob.client, community.id);
    await join(zoe.client, secret.id);
    await admin.client.api('PATCH', `/communities/${secret.id}/members/${zoe.id}`, {
      approve: true,
    });
    const group = await admin.client.api<{ group: { id: number } }>(
      'POST',
      `/communities/${community.id}/groups`,
      { slug: 'cercle-discret', name: 'Cercle discret', visibility: 'private' },
    );
    const groupId = group.body.group.id;
    await zoe.client.api('POST', `/groups/${groupId}/join`);
    await admin.client.api('POST', `/groups/${groupId}/members/${zoe.id}/approve`);

    const mine = await topic(zoe, community.id, 'Mon sujet public', 'Premier jet.');
    expect(
      (await zoe.client.api('PATCH', `/topics/${mine}`, { body: 'Version revue.' })).status,
    ).toBe(200);
    const bobs = await topic(bob, community.id, 'Le sujet de Bob', 'Bonjour à tous.');
    const myReply = await reply(zoe, bobs, 'Ma réponse à Bob.');
    await reply(bob, mine, 'La réponse de Bob.');
    expect((await zoe.client.api('PUT', `/topics/${bobs}/reactions/merci`)).status).toBe(204);
    await bob.client.api('PUT', `/topics/${mine}/reactions/like`);
    await topic(zoe, community.id, 'Sujet du cercle discret', 'Entre nous.', groupId);
    const hidden = await topic(zoe, secret.id, 'Sujet de la communauté secrète', 'Chut.');
    await zoe.client.api('PUT', `/topics/${hidden}/reactions/like`);
    expect((await zoe.client.api('POST', `/groups/${groupId}/leave`)).status).toBe(204);
    expect((await zoe.client.api('POST', `/communities/${secret.id}/leave`)).status).toBe(204);

    const res = await zoe.client.request('GET', '/api/v1/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`attachment; filename="ruche-${zoe.handle}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    const text = await res.text();
    const data = JSON.parse(text) as Export;

    expect(data.profile).toMatchObject({
      id: zoe.id,
      handle: zoe.handle,
      displayName: 'Zoé Exportine',
      email: zoe.email,
    });
    expect(
      data.memberships.map((m) => [m.community.id, m.community.slug, m.role, m.status]),
    ).toEqual([[community.id, community.slug, 'member', 'active']]);
    const charter = data.memberships[0]?.charter;
    expect(charter?.version).toBe(1);
    expect(Date.parse(charter?.acceptedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(charter?.publishedAt ?? '')).toBeLessThanOrEqual(
      Date.parse(charter?.acceptedAt ?? ''),
    );
    expect(data.groupMemberships).toEqual([]);
    expect(data.topics.map((x) => [x.id, x.title, x.body])).toEqual([
      [mine, 'Mon sujet public', 'Version revue.'],
    ]);
    expect(data.topics[0]?.revisions.map((r) => r.body)).toEqual(['Premier jet.']);
    expect(data.replies.map((r) => [r.id, r.topicId, r.body])).toEqual([
      [myReply, bobs, 'Ma réponse à Bob.'],
    ]);
    expect(data.reactions).toEqual([
      expect.objectContaining({ targetKind: 'topic', targetId: bobs, kind: 'merci' }),
    ]);
    // Her own actions only, and none in the spaces she left.
    const places = new Set(data.activity.map((a) => a.communityId));
    expect([...places].sort()).toEqual([community.id, null].sort());
    expect(data.activity.some((a) => a.groupId !== null)).toBe(false);
    expect(data.activity.map((a) => a.kind)).toEqual(
      expect.arrayContaining([
        'user.signed_up',
        'community.joined',
        'topic.created',
        'topic.edited',
        'reply.created',
        'reaction.added',
      ]),
    );
    const ownRows = await t.store.db
      .selectFrom('activity_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', '=', zoe.id)
      .where((eb) => eb.or([eb('community_id', 'is', null), eb('community_id', '=', community.id)]))
      .where('group_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(data.activity).toHaveLength(Number(ownRows.n));
    // Nothing of Bob's, nothing of the spaces she left.
    for (const absent of [
      'La réponse de Bob.',
      bob.email,
      'Cercle discret',
      'cercle-discret',
      'Sujet du cercle discret',
      secret.slug,
      'Sujet de la communauté secrète',
    ])
      expect(text).not.toContain(absent);

    const page = await zoe.client.request('GET', '/api/v1/me/export.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-disposition')).toContain('.html"');
    const html = await page.text();
    expect(html).toContain('Mon sujet public');
    expect(html).toContain('Premier jet.');
    expect(html).toContain('Ma réponse à Bob.');
    expect(html).not.toContain('Sujet de la communauté secrète');
    expect(html).not.toContain('Cercle discret');
    expect(await htmlProblems(html)).toEqual([]);

    expect((await new Client(t.url).api('GET', '/me/export')).status).toBe(401);
    const account = await zoe.client.page('/account');
    expect(account.html).toContain('href="/api/v1/me/export"');
    expect(account.html).toContain('href="/api/v1/me/export.html"');
    expect(account.html).toContain('href="/account/delete"');
  });

  it('deletes an account after 14 days: no surface names her, the cockpit’s figures stay', async () => {
    const who = { displayName: 'Zéphyrine Testelle', handle: '', email: '' };
    const zephyrine = await newMember(t, who.displayName);
    Object.assign(who, { handle: zephyrine.handle, email: zephyrine.email });
    const bob = await newMember(t, 'Bob Mentionneur');
    await join(zephyrine.client, community.id);
    await join(bob.client, community.id);
    const hers = await topic(zephyrine, community.id, 'Question de ruche', 'Comment hiverner ?');
    await reply(bob, hers, 'Avec du candi.');
    const bobs = await topic(
      bob,
      community.id,
      'Merci aux apicultrices',
      `Merci @${who.handle} pour le conseil sur le candi.`,
    );
    await reply(zephyrine, bobs, 'Avec plaisir, pensez au nourrissement.');
    await zephyrine.client.api('PUT', `/topics/${bobs}/reactions/merci`);
    const token = await zephyrine.client.api<{ token: string }>('POST', '/me/tokens', {
      name: 'script',
    });
    const elsewhere = new Client(t.url);
    await elsewhere.api('POST', '/auth/signin', { email: who.email, password: PASSWORD });

    const cockpitPath = `/communities/${community.id}/analytics?days=30`;
    const before = await admin.client.api('GET', cockpitPath);
    expect(before.status).toBe(200);

    const refused = await zephyrine.client.api('POST', '/me/deletion', {
      currentPassword: 'pas-le-bon-mot-de-passe',
      posts: 'keep',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { field: 'currentPassword' } });
    expect((await zephyrine.client.api('GET', '/me')).status).toBe(200);

    const asked = await zephyrine.client.api<{ deleteAfter: string; posts: string }>(
      'POST',
      '/me/deletion',
      { currentPassword: PASSWORD, posts: 'keep' },
    );
    expect(asked.status).toBe(202);
    expect(Date.parse(asked.body.deleteAfter) - Date.now()).toBeGreaterThan(13.9 * DAY);
    // Sessions and tokens stop at once.
    expect((await zephyrine.client.api('GET', '/me')).status).toBe(401);
    expect((await elsewhere.api('GET', '/me')).status).toBe(401);
    expect(
      (await new Client(t.url).api('GET', '/me', undefined, bearer(token.body.token))).status,
    ).toBe(401);
    const [mail] = await mailsTo(t.mails, who.email);
    expect(mail?.text).toContain('/signin');

    // Not before the 14 days are over.
    expect(await carryOutDueDeletions(t.store, Date.now() + 13 * DAY)).toBe(0);
    expect((await admin.client.api('GET', `/users/${who.handle}`)).status).toBe(200);
    expect(await carryOutDueDeletions(t.store, Date.now() + 15 * DAY)).toBe(1);
    expect(await carryOutDueDeletions(t.store, Date.now() + 16 * DAY)).toBe(0);

    // The cockpit's figures for the period before are the same, every one of them.
    const after = await admin.client.api('GET', cockpitPath);
    expect(after.body).toEqual(before.body);

    // No surface names her.
    expect((await admin.client.api('GET', `/users/${who.handle}`)).status).toBe(404);
    expect((await admin.client.page(`/u/${who.handle}`)).status).toBe(404);
    const herTopic = await admin.client.page(`/c/${community.slug}/t/${hers}`);
    expect(herTopic.status).toBe(200);
    expect(herTopic.html).toContain('Comment hiverner ?');
    expect(herTopic.html).toContain('ancien membre');
    expectNoTrace(herTopic.html, who);
    const bobsTopic = await admin.client.page(`/c/${community.slug}/t/${bobs}`);
    expect(bobsTopic.html).toContain('pensez au nourrissement');
    expectNoTrace(bobsTopic.html, who);
    const api = await admin.client.api<{
      topic: { author: unknown };
      replies: { author: unknown }[];
    }>('GET', `/topics/${hers}`);
    expect(api.body.topic.author).toEqual({
      handle: null,
      displayName: null,
      isFormerMember: true,
    });
    expectNoTrace(JSON.stringify(await admin.client.api('GET', `/topics/${bobs}`)), who);
    expectNoTrace(
      JSON.stringify(await admin.client.api('GET', `/communities/${community.id}/topics`)),
      who,
    );
    const members = await admin.client.api<{ members: { id: number }[] }>(
      'GET',
      `/communities/${community.id}/members`,
    );
    expect(members.body.members.map((m) => m.id)).not.toContain(zephyrine.id);
    expectNoTrace(JSON.stringify(members.body), who);
    expectNoTrace((await admin.client.page(`/c/${community.slug}/members`)).html, who);
    expectNoTrace((await admin.client.page(`/c/${community.slug}`)).html, who);
    const search = await admin.client.api('GET', '/search?q=candi');
    expect(JSON.stringify(search.body)).toContain('Merci aux apicultrices');
    expectNoTrace(JSON.stringify(search.body), who);
    expectNoTrace((await admin.client.page('/search?q=candi')).html, who);
    const cockpit = await admin.client.page(`/c/${community.slug}/cockpit?days=30`);
    expect(cockpit.status).toBe(200);
    expect(cockpit.html).toContain('ancien membre');
    expectNoTrace(cockpit.html, who);

    // Her reaction still counts; her address is free again; the old password opens nothing.
    const reactions = await admin.client.api<{
      topic: { reactions: { counts: Record<string, number> } };
    }>('GET', `/topics/${bobs}`);
    expect(reactions.body.topic.reactions.counts).toEqual({ merci: 1 });
    const signIn = await new Client(t.url).api('POST', '/auth/signin', {
      email: who.email,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(401);
    const again = await new Client(t.url).api('POST', '/auth/signup', {
      email: who.email,
      password: PASSWORD,
      displayName: 'Nouvelle venue',
    });
    expect(again.status).toBe(201);

    // Nothing in the database names her any more.
    const row = await t.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', zephyrine.id)
      .executeTakeFirstOrThrow();
    expectNoTrace(JSON.stringify(row), who);
    const bodies = await t.store.db.selectFrom('topics').select('body').execute();
    expectNoTrace(JSON.stringify(bodies), who);
  });

  it('cancels the deletion when the member signs in during the grace period, and says so', async () => {
    const m = await newMember(t, 'Célestin Revenant');
    const deletePage = await m.client.page('/account/delete');
    expect(deletePage.html).toContain('dans 14 jours');
    expect(await htmlProblems(deletePage.html)).toEqual([]);
    expect(await htmlProblems((await m.client.page('/account')).html)).toEqual([]);
    const form = await m.client.submit('/account/delete', '/account/delete', {
      posts: 'delete',
      currentPassword: 'mauvais-mot-de-passe',
    });
    expect(form.status).toBe(400);
    expect(form.html).toContain('value="delete" checked');
    const done = await m.client.submit('/account/delete', '/account/delete', {
      posts: 'keep',
      currentPassword: PASSWORD,
    });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Connectez-vous avant cette date');
    expect((await m.client.api('GET', '/me')).status).toBe(401);

    const back = new Client(t.url);
    const signedIn = await back.submit('/signin', '/signin', {
      email: m.email,
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/account?done=deletionCancelled');
    expect((await back.page(signedIn.location ?? '')).html).toContain(
      'Votre connexion a annulé la suppression de votre compte',
    );
    expect(await carryOutDueDeletions(t.store, Date.now() + 15 * DAY)).toBe(0);
    expect((await back.api('GET', '/me')).status).toBe(200);
    expect((await admin.client.api('GET', `/users/${m.handle}`)).status).toBe(200);

    // Through the API too, which tells the client.
    await back.api('POST', '/me/deletion', { currentPassword: PASSWORD, posts: 'keep' });
    const api = await new Client(t.url).api<{ deletionCancelled: boolean }>(
      'POST',
      '/auth/signin',
      {
        email: m.email,
        password: PASSWORD,
      },
    );
    expect(api.body.deletionCancelled).toBe(true);
    expect(await carryOutDueDeletions(t.store, Date.now() + 15 * DAY)).toBe(0);
  });

  it('removes the posts from pages and search when the member chose to delete them too', async () => {
    const m = await newMember(t, 'Gaspard Effacé');
    const bob = await newMember(t, 'Bob Resteur');
    await join(m.client, community.id);
    await join(bob.client, community.id);
    const own = await topic(m, community.id, 'Ruchettes xylophages', 'Les ruchettes xylophages.');
    const bobs = await topic(bob, community.id, 'Nourrissement', 'Quand nourrir ?');
    await reply(m, bobs, 'Réponse tintinnabulante.');
    const words = ['xylophages', 'tintinnabulante'];
    const texts = ['Ruchettes xylophages', 'Les ruchettes xylophages.', 'Réponse tintinnabulante.'];
    for (const q of words)
      expect((await admin.client.api<{ total: number }>('GET', `/search?q=${q}`)).body.total).toBe(
        1,
      );

    await m.client.api('POST', '/me/deletion', { currentPassword: PASSWORD, posts: 'delete' });
    expect(await carryOutDueDeletions(t.store, Date.now() + 15 * DAY)).toBe(1);

    expect((await admin.client.page(`/c/${community.slug}/t/${own}`)).status).toBe(404);
    const page = await admin.client.page(`/c/${community.slug}/t/${bobs}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('tintinnabulante');
    const list = await admin.client.page(`/c/${community.slug}`);
    expect(list.html).not.toContain('Ruchettes xylophages');
    for (const q of words) {
      expect((await admin.client.api<{ total: number }>('GET', `/search?q=${q}`)).body.total).toBe(
        0,
      );
      const results = (await admin.client.page(`/search?q=${q}`)).html;
      for (const text of texts) expect(results).not.toContain(text);
    }
    const api = await admin.client.api<{ topic: { replyCount: number } }>('GET', `/topics/${bobs}`);
    expect(api.body.topic.replyCount).toBe(0);
  });
});
