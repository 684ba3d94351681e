import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTo, groupAccessTo } from '../../src/communities/access.js';
import { canReadCommunityContent, canReadGroupContent } from '../../src/communities/index.js';
import {
  canReadReply,
  canReadTopic,
  filterReadable,
  filterReadableForMany,
  filterReaders,
} from '../../src/conversations/index.js';
import type { Viewer } from '../../src/http/index.js';
import { Client } from '../client.js';
import { join, newAdmin, newCommunity, newMember } from '../fixtures.js';
import { databases, startTestApp, type TestApp } from '../harness.js';

/**
 * Who may read what (issue 22): one hand-built world, every viewer against every item, asked
 * four ways: the named question (canReadTopic…), the batch form (filterReadable), the
 * many-readers form (filterReaders) and what the pages and the API serve. All four must agree
 * with the table below, written by hand: changing one rule in policy.ts breaks it.
 *
 * Community P is public, with a public, a private and an invite-only group; community Q is
 * private, with a public group. Its animator and creator (root) is nobody below.
 */
const viewerNames = [
  'anonymous', // not signed in
  'outsider', // signed in, member of nothing
  'member', // of P, in no group
  'groupMember', // of P, and of its private and invite-only groups
  'groupNonMember', // of P; asked to join its private group, invited to its invite-only one
  'applicant', // asked to join Q, not yet let in
  'animator', // of P, in no group: animators read every group of their community
  'moderator', // of P, in no group: moderators do not
  'sponsor', // of P, in no group
  'admin', // of the instance, member of nothing
  'author', // of P and Q: wrote most posts; left P's private group since
] as const;
type ViewerName = (typeof viewerNames)[number];

type ItemKind = 'community' | 'group' | 'topic' | 'reply';
const everyone = viewerNames;
const privateGroupReaders: ViewerName[] = ['groupMember', 'animator', 'admin'];
const qReaders: ViewerName[] = ['admin', 'author'];

/** Each item, and who may read it. */
const table = {
  P: { kind: 'community', readers: everyone },
  Q: { kind: 'community', readers: qReaders },
  gPub: { kind: 'group', readers: everyone },
  gPriv: { kind: 'group', readers: privateGroupReaders },
  gInv: { kind: 'group', readers: privateGroupReaders },
  qg: { kind: 'group', readers: qReaders },
  tP: { kind: 'topic', readers: everyone },
  tPdel: { kind: 'topic', readers: [] }, // deleted by its author
  tPub: { kind: 'topic', readers: everyone },
  tPriv: { kind: 'topic', readers: privateGroupReaders }, // not its author, who left the group
  tPrivDel: { kind: 'topic', readers: [] },
  tInv: { kind: 'topic', readers: privateGroupReaders },
  tQ: { kind: 'topic', readers: qReaders },
  tQg: { kind: 'topic', readers: qReaders },
  rP: { kind: 'reply', readers: everyone },
  rPdel: { kind: 'reply', readers: [] }, // deleted
  rPriv: { kind: 'reply', readers: privateGroupReaders },
  rInv: { kind: 'reply', readers: privateGroupReaders },
  rQ: { kind: 'reply', readers: qReaders },
  rInDel: { kind: 'reply', readers: [] }, // live, in a deleted topic
} satisfies Record<string, { kind: ItemKind; readers: readonly ViewerName[] }>;
type ItemName = keyof typeof table;
const itemNames = Object.keys(table) as ItemName[];

/** Counts the statements a Kysely instance sends. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs) {
    return Promise.resolve(args.result);
  }
}

describe.each(databases)('who may read what, on %s', (kind) => {
  let t: TestApp;
  const clients = {} as Record<ViewerName, Client>;
  const viewers = {} as Record<ViewerName, Viewer | null>;
  const ids = {} as Record<ItemName, number>;
  /** Where each topic and reply is: the community's slug and the topic, for pages. */
  const places = new Map<ItemName, { slug: string; communityId: number; topicId: number }>();

  beforeAll(async () => {
    t = await startTestApp(kind);
    const root = await newAdmin(t);
    for (const name of viewerNames) {
      if (name === 'anonymous') {
        clients[name] = new Client(t.url);
        viewers[name] = null;
      } else if (name === 'admin') {
        const a = await newAdmin(t);
        clients[name] = a.client;
        viewers[name] = { id: a.id, handle: '', displayName: name, isAdmin: true, locale: null };
      } else {
        const m = await newMember(t, name);
        clients[name] = m.client;
        viewers[name] = {
          id: m.id,
          handle: m.handle,
          displayName: name,
          isAdmin: false,
          locale: null,
        };
      }
    }
    const idOf = (name: ViewerName) => viewers[name]?.id ?? 0;
    const ok = <T extends { status: number; body: unknown }>(res: T, status = 200): T => {
      if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
      return res;
    };

    const P = await newCommunity(root.client, 'public');
    const Q = await newCommunity(root.client, 'private');
    ids.P = P.id;
    ids.Q = Q.id;
    const group = async (communityId: number, slug: string, visibility: string) =>
      ok(
        await root.client.api<{ group: { id: number } }>(
          'POST',
          `/communities/${communityId}/groups`,
          { slug, name: `Groupe ${slug}`, description: '', visibility },
        ),
        201,
      ).body.group.id;
    ids.gPub = await group(P.id, 'ouvert', 'public');
    ids.gPriv = await group(P.id, 'prive', 'private');
    ids.gInv = await group(P.id, 'invites', 'invite_only');
    ids.qg = await group(Q.id, 'ouvert', 'public');

    for (const name of [
      'member',
      'groupMember',
      'groupNonMember',
      'animator',
      'moderator',
      'sponsor',
      'author',
    ] as const)
      ok(await join(clients[name], P.id));
    for (const role of ['animator', 'moderator', 'sponsor'] as const)
      ok(
        await root.client.api('PATCH', `/communities/${P.id}/members/${idOf(role)}`, { role }),
        204,
      );
    expect((await join(clients.author, Q.id)).body).toEqual({ status: 'pending' });
    ok(
      await root.client.api('PATCH', `/communities/${Q.id}/members/${idOf('author')}`, {
        approve: true,
      }),
      204,
    );
    expect((await join(clients.applicant, Q.id)).body).toEqual({ status: 'pending' });
    for (const name of ['groupMember', 'author', 'groupNonMember'] as const)
      expect((await clients[name].api('POST', `/groups/${ids.gPriv}/join`)).body).toEqual({
        status: 'pending',
      });
    for (const name of ['groupMember', 'author'] as const)
      ok(await root.client.api('POST', `/groups/${ids.gPriv}/members/${idOf(name)}/approve`), 204);
    // No page lets one into an invite-only group yet: its memberships are written as an
    // import would.
    await t.store.db
      .insertInto('group_members')
      .values([
        {
          group_id: ids.gInv,
          user_id: idOf('groupMember'),
          role: 'member',
          status: 'active',
          joined_at: Date.now(),
        },
        {
          group_id: ids.gInv,
          user_id: idOf('groupNonMember'),
          role: 'member',
          status: 'invited',
          joined_at: Date.now(),
        },
      ])
      .execute();

    const topic = async (
      name: ItemName,
      by: ViewerName,
      c: { id: number; slug: string },
      groupId: number | null,
    ) => {
      const res = await clients[by].api<{ topic: { id: number } }>(
        'POST',
        `/communities/${c.id}/topics`,
        {
          title: `Zorglub ${name}`,
          body: `Le sujet ${name}.`,
          ...(groupId === null ? {} : { groupId }),
        },
      );
      ids[name] = ok(res, 201).body.topic.id;
      places.set(name, { slug: c.slug, communityId: c.id, topicId: ids[name] });
    };
    const reply = async (name: ItemName, by: ViewerName, on: ItemName) => {
      const res = await clients[by].api<{ reply: { id: number } }>(
        'POST',
        `/topics/${ids[on]}/replies`,
        { body: `La réponse ${name}.` },
      );
      ids[name] = ok(res, 201).body.reply.id;
      const place = places.get(on);
      if (place) places.set(name, place);
    };
    await topic('tP', 'author', P, null);
    await topic('tPdel', 'author', P, null);
    await topic('tPub', 'author', P, ids.gPub);
    await topic('tPriv', 'author', P, ids.gPriv);
    await topic('tPrivDel', 'author', P, ids.gPriv);
    await topic('tInv', 'groupMember', P, ids.gInv);
    await topic('tQ', 'author', Q, null);
    await topic('tQg', 'author', Q, ids.qg);
    await reply('rP', 'member', 'tP');
    await reply('rPdel', 'author', 'tP');
    await reply('rPriv', 'groupMember', 'tPriv');
    await reply('rInv', 'groupMember', 'tInv');
    await reply('rQ', 'author', 'tQ');
    await reply('rInDel', 'member', 'tPdel');
    ok(await clients.author.api('DELETE', `/replies/${ids.rPdel}`), 204);
    ok(await clients.author.api('DELETE', `/topics/${ids.tPdel}`), 204);
    ok(await clients.author.api('DELETE', `/topics/${ids.tPrivDel}`), 204);
    ok(await clients.author.api('POST', `/groups/${ids.gPriv}/leave`), 204);
  });
  afterAll(() => t.close());

  const expected = (viewer: ViewerName, item: ItemName) =>
    (table[item].readers as readonly ViewerName[]).includes(viewer);

  /** The named question, asked of the item's own rows, deleted ones included. */
  async function askNamed(viewer: Viewer | null, item: ItemName): Promise<boolean> {
    const db = t.store.db;
    const community = (id: number) =>
      db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const groupOf = async (id: number | null) =>
      id === null
        ? undefined
        : groupAccessTo(
            db,
            viewer,
            await db
              .selectFrom('groups')
              .selectAll()
              .where('id', '=', id)
              .executeTakeFirstOrThrow(),
          );
    const topicRow = (id: number) =>
      db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const id = ids[item];
    switch (table[item].kind) {
      case 'community':
        return canReadCommunityContent(await accessTo(db, viewer, await community(id)));
      case 'group': {
        const g = await groupOf(id);
        if (!g) throw new Error('no group');
        return canReadGroupContent(
          await accessTo(db, viewer, await community(g.group.community_id)),
          g,
        );
      }
      case 'topic': {
        const topic = await topicRow(id);
        const access = await accessTo(db, viewer, await community(topic.community_id));
        return canReadTopic(access, await groupOf(topic.group_id), topic, viewer?.id ?? null);
      }
      case 'reply': {
        const reply = await db
          .selectFrom('replies')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const topic = await topicRow(reply.topic_id);
        const access = await accessTo(db, viewer, await community(topic.community_id));
        return canReadReply(
          access,
          await groupOf(topic.group_id),
          topic,
          reply,
          viewer?.id ?? null,
        );
      }
    }
  }

  /** What the pages and the API serve the viewer: 200 with the item, or 404. */
  async function askServed(viewer: ViewerName, item: ItemName): Promise<boolean> {
    const client = clients[viewer];
    const statusOf = (s: number) => {
      if (s !== 200 && s !== 404) throw new Error(`${viewer} × ${item}: ${s}`);
      return s === 200;
    };
    switch (table[item].kind) {
      case 'community':
        return statusOf((await client.api('GET', `/communities/${ids[item]}/topics`)).status);
      case 'group': {
        const communityId = item === 'qg' ? ids.Q : ids.P;
        const path = `/communities/${communityId}/topics?groupId=${ids[item]}`;
        return statusOf((await client.api('GET', path)).status);
      }
      case 'topic': {
        const place = places.get(item);
        if (!place) throw new Error(item);
        const api = statusOf((await client.api('GET', `/topics/${ids[item]}`)).status);
        const page = statusOf((await client.page(`/c/${place.slug}/t/${ids[item]}`)).status);
        if (api !== page) throw new Error(`${viewer} × ${item}: API ${api}, page ${page}`);
        return api;
      }
      case 'reply': {
        const place = places.get(item);
        if (!place) throw new Error(item);
        const res = await client.api<{ replies?: { id: number }[] }>(
          'GET',
          `/topics/${place.topicId}`,
        );
        const page = await client.page(`/c/${place.slug}/t/${place.topicId}`);
        const inApi =
          statusOf(res.status) && (res.body.replies ?? []).some((r) => r.id === ids[item]);
        const inPage = statusOf(page.status) && page.html.includes(`id="reply-${ids[item]}"`);
        if (inApi !== inPage) throw new Error(`${viewer} × ${item}: API ${inApi}, page ${inPage}`);
        return inApi;
      }
    }
  }

  const idsOfKind = (k: ItemKind) =>
    itemNames.filter((n) => table[n].kind === k).map((n) => ids[n]);

  it('answers each named question as the table says, for every viewer and item', async () => {
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const v of viewerNames)
      for (const item of itemNames) {
        if (await askNamed(viewers[v], item)) answers.push(`${v} × ${item}`);
        if (expected(v, item)) wanted.push(`${v} × ${item}`);
      }
    expect(answers).toEqual(wanted);
  });

  it('answers the batch form exactly as the named questions, in a few queries', async () => {
    for (const v of viewerNames) {
      const counter = new QueryCounter();
      const db = t.store.db.withPlugin(counter);
      const readable = await filterReadable(db, viewers[v], {
        topicIds: idsOfKind('topic'),
        replyIds: idsOfKind('reply'),
        groupIds: idsOfKind('group'),
        communityIds: idsOfKind('community'),
      });
      const setOf = {
        community: readable.communityIds,
        group: readable.groupIds,
        topic: readable.topicIds,
        reply: readable.replyIds,
      };
      for (const item of itemNames)
        expect(setOf[table[item].kind].has(ids[item]), `${v} × ${item}`).toBe(
          await askNamed(viewers[v], item),
        );
      // One statement per table at most, whatever the number of ids.
      expect(counter.count).toBeLessThanOrEqual(6);
    }
  });

  it('answers many readers at once as the named questions, each with their own ids, in a few queries', async () => {
    const signedIn = viewerNames.filter((v) => viewers[v] !== null);
    // Each reader asks of a different slice of the items: nobody's answer leaks into another's.
    const askedBy = (i: number) => itemNames.filter((_, k) => (k + i) % 3 !== 0);
    const idsOf = (names: readonly ItemName[], kind: ItemKind) =>
      names.filter((n) => table[n].kind === kind).map((n) => ids[n]);
    const counter = new QueryCounter();
    const answers = await filterReadableForMany(
      t.store.db.withPlugin(counter),
      signedIn.map((v, i) => {
        const names = askedBy(i);
        const viewer = viewers[v];
        if (!viewer) throw new Error('signed in');
        return {
          reader: viewer,
          ids: {
            topicIds: idsOf(names, 'topic'),
            replyIds: idsOf(names, 'reply'),
            groupIds: idsOf(names, 'group'),
            communityIds: idsOf(names, 'community'),
          },
        };
      }),
    );
    for (const [i, v] of signedIn.entries()) {
      const viewer = viewers[v];
      const readable = viewer && answers.get(viewer.id);
      if (!readable) throw new Error(`no answer for ${v}`);
      const setOf = {
        community: readable.communityIds,
        group: readable.groupIds,
        topic: readable.topicIds,
        reply: readable.replyIds,
      };
      const asked = new Set(askedBy(i));
      for (const item of itemNames)
        expect(setOf[table[item].kind].has(ids[item]), `${v} × ${item}`).toBe(
          asked.has(item) && (await askNamed(viewer, item)),
        );
    }
    // One statement per table for all of them.
    expect(counter.count).toBeLessThanOrEqual(6);
  });

  it('answers a thousand ids in as few queries as ten, and ids of nothing as unreadable', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ids.tP + 100_000 + i);
    const counter = new QueryCounter();
    const db = t.store.db.withPlugin(counter);
    const readable = await filterReadable(db, viewers.member, {
      topicIds: [...many, ids.tP, ids.tPriv],
      replyIds: many,
      groupIds: many,
      communityIds: many,
    });
    expect([...readable.topicIds]).toEqual([ids.tP]);
    expect(readable.replyIds.size + readable.groupIds.size + readable.communityIds.size).toBe(0);
    // Two statements of at most a thousand ids for each table.
    expect(counter.count).toBeLessThanOrEqual(12);
  });

  it('answers who among many members may read an item as the table says', async () => {
    const members = viewerNames.filter((v) => v !== 'anonymous');
    for (const item of itemNames) {
      const id = ids[item];
      const ref =
        table[item].kind === 'community'
          ? { communityId: id }
          : table[item].kind === 'group'
            ? { groupId: id }
            : table[item].kind === 'topic'
              ? { topicId: id }
              : { replyId: id };
      const readers = await filterReaders(
        t.store.db,
        members.map((v) => viewers[v]?.id ?? 0),
        ref,
      );
      expect(
        members.filter((v) => readers.has(viewers[v]?.id ?? 0)),
        item,
      ).toEqual(members.filter((v) => expected(v, item)));
    }
  });

  it('serves each item (page and API) exactly to those the table names, 404 to the others', async () => {
    const served: string[] = [];
    const wanted: string[] = [];
    for (const v of viewerNames)
      for (const item of itemNames) {
        if (await askServed(v, item)) served.push(`${v} × ${item}`);
        if (expected(v, item)) wanted.push(`${v} × ${item}`);
      }
    expect(served).toEqual(wanted);
  });

  it('lists in a community and finds in search only the topics the table lets one read', async () => {
    const topics = itemNames.filter((n) => table[n].kind === 'topic');
    for (const v of viewerNames) {
      const readable = topics.filter((n) => expected(v, n)).map((n) => ids[n]);
      const listed: number[] = [];
      for (const c of [ids.P, ids.Q]) {
        const res = await clients[v].api<{ topics?: { id: number }[] }>(
          'GET',
          `/communities/${c}/topics`,
        );
        listed.push(...(res.body.topics ?? []).map((x) => x.id));
      }
      expect(listed.sort(), v).toEqual([...readable].sort());
      const found = await clients[v].api<{ results: { topicId: number }[] }>(
        'GET',
        '/search?q=zorglub',
      );
      expect(found.body.results.map((r) => r.topicId).sort(), v).toEqual([...readable].sort());
    }
  });
});
