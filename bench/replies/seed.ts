// Builds one instance for bench/replies: members, one community and its groups, the active
// topics the run replies to, old topics, watching levels, preferences, blocks and past
// notifications, written in bulk; then the consumer catches up with the log, as a running
// instance would have long ago.
import { createApiToken, importUsers, NO_PASSWORD } from '../../src/accounts/index.js';
import { importCommunity } from '../../src/communities/index.js';
import type { Config } from '../../src/config/index.js';
import {
  importTopics,
  renderAllQueued,
  type ImportedTopic,
} from '../../src/conversations/index.js';
import {
  migrateToLatest,
  openStore,
  vacuumTables,
  type Db,
  type Store,
} from '../../src/db/index.js';
import { processNotifications } from '../../src/notifications/index.js';
import * as shape from './shape.js';
import { writeChoices } from './seed-choices.js';

const { CORE, DAY, GROUPS, draw, handleOf, isInGroup } = shape;

const BULK_TABLES = [
  'users',
  'memberships',
  'group_members',
  'topics',
  'replies',
  'search_documents',
  'activity_log',
  'topic_watches',
  'group_watches',
  'notification_preferences',
  'member_blocks',
  'notifications',
];

/** What the run needs to post: who, where, and whom to mention. */
export interface Instance {
  members: number;
  posters: { userId: number; token: string }[];
  /** The active topics, each with the ids of its earlier replies. */
  topics: { id: number; replyIds: number[] }[];
  /** Handles the replies mention: core members, some of them outside the private group. */
  mentionable: string[];
  seedSeconds: number;
}

/** A place of the community: the community itself (null) or one of its groups (index). */
type Place = number | null;

const isInPlace = (index: number, place: Place) => place === null || isInGroup(index, place);

/** The `count` core members of a place coming first in an order drawn for `purpose`. */
function coreOf(place: Place, purpose: number, skip = 0, count = CORE): number[] {
  const members: number[] = [];
  for (let i = 0; i < CORE; i++) if (isInPlace(i, place)) members.push(i);
  members.sort((a, b) => draw(a, purpose) - draw(b, purpose));
  return members.slice(skip, skip + count);
}

/** Someone of the place for `purpose`: among the core for active topics, anyone for old ones. */
function memberOf(place: Place, purpose: number, among: number): number {
  for (let k = 0; ; k++) {
    const i = Math.floor(draw(purpose, k) * among);
    if (isInPlace(i, place)) return i;
  }
}

export async function seedInstance(database: Config['database'], members: number) {
  const started = Date.now();
  const s = openStore(database);
  try {
    await migrateToLatest(s);
    const instance = await s.db.transaction().execute((trx) => write(s, trx, members));
    // Imported posts wait for their HTML and search entries: the server must not do it during
    // the run. Then the consumer reads the history (old rows notify nobody, fresh ones do).
    await renderAllQueued(s);
    while ((await processNotifications(s)) > 0);
    // A running instance's tables have their planner statistics (autovacuum's, minutes later).
    await vacuumTables(s.db, s.dialect, BULK_TABLES);
    return { ...instance, seedSeconds: (Date.now() - started) / 1000 };
  } finally {
    await s.close();
  }
}

async function write(s: Store, trx: Db, members: number): Promise<Omit<Instance, 'seedSeconds'>> {
  const now = Date.now();
  const users = await importUsers(
    s,
    trx,
    [
      ...[{ email: 'admin@bench.test', handle: 'admin', displayName: 'Admin', isAdmin: true }],
      ...Array.from({ length: members }, (_, i) => ({
        email: `${handleOf(i)}@bench.test`,
        handle: handleOf(i),
        displayName: `Membre ${i}`,
        isAdmin: false,
      })),
    ].map((u, i) => ({ ...u, bio: '', passwordHash: NO_PASSWORD, createdAt: now - 800 * DAY + i })),
  );
  const ids = Array.from({ length: members }, (_, i) => users.get(handleOf(i)) ?? 0);
  const joinedAt = (i: number) => now - 700 * DAY + i;
  const community = await importCommunity(s, trx, {
    slug: 'reseau',
    name: 'Réseau',
    purpose: 'Le réseau des bénévoles du quartier.',
    typology: 'internal_community',
    visibility: 'public',
    charter: 'Bienveillance et entraide.',
    createdAt: now - 800 * DAY,
    createdBy: users.get('admin') ?? null,
    memberships: ids.map((userId, i) => ({
      userId,
      role: i === 0 ? 'animator' : i === 1 ? 'moderator' : 'member',
      joinedAt: joinedAt(i),
    })),
    groups: GROUPS.map((g, gi) => ({
      slug: g.slug,
      name: g.name,
      description: `Le groupe ${g.name}.`,
      visibility: g.visibility,
      createdAt: now - 750 * DAY,
      members: ids.flatMap((userId, i) =>
        isInGroup(i, gi)
          ? [{ userId, role: i === 0 ? 'animator' : 'member', joinedAt: joinedAt(i) }]
          : [],
      ),
    })),
  });
  const groupIds = GROUPS.map((g) => community.groupIds.get(g.slug) ?? 0);
  const topicOf = (place: Place, author: number, title: string, at: number, replies: number[]) =>
    ({
      communityId: community.id,
      groupId: place === null ? null : (groupIds[place] ?? null),
      authorId: ids[author] ?? 0,
      kind: 'question',
      title,
      body: `${title} : qui aurait une idée ? Merci d’avance.`,
      createdAt: at,
      replies: replies.map((r, k) => ({
        authorId: ids[r] ?? 0,
        body: `Voici ce que je ferais, réponse ${k + 1}.`,
        createdAt: at + (k + 1) * 3_600_000,
        parentIndex: k > 0 && k % 2 === 0 ? k - 1 : null,
      })),
      acceptedReplyIndex: null,
      acceptedBy: null,
      acceptedAt: null,
      reactions: [],
    }) satisfies ImportedTopic;

  // The active topics: in the community and in each group with activity, by core members.
  const activePlaces: Place[] = [null, ...GROUPS.flatMap((g, gi) => (g.isActive ? [gi] : []))];
  const active: { place: Place; topic: ImportedTopic }[] = [];
  for (const place of activePlaces)
    for (let k = 0; k < shape.ACTIVE_PER_PLACE; k++) {
      const purpose = 1_000 + active.length;
      const people = coreOf(place, purpose, 0, 1 + shape.EARLIER_REPLIES);
      const [author = 0, ...repliers] = people;
      const title = `Question active ${active.length + 1}`;
      active.push({ place, topic: topicOf(place, author, title, now - 3 * DAY, repliers) });
    }
  const activeIds = await importTopics(
    s,
    trx,
    active.map((a) => a.topic),
  );

  // Old topics, from anyone: what the other members did over two years.
  const places: Place[] = [null, ...GROUPS.map((_, gi) => gi)];
  const old = Array.from({ length: shape.oldTopicCount(members) }, (_, t) => {
    const place = places[Math.floor(draw(t, 7) * places.length)] ?? null;
    const people = [0, 1, 2].map((k) => memberOf(place, 50_000 * k + t, members));
    const at = now - (30 + Math.floor(draw(t, 8) * 670)) * DAY;
    return { place, topic: topicOf(place, people[0] ?? 0, `Sujet ${t + 1}`, at, people.slice(1)) };
  });
  const oldIds = await importTopics(
    s,
    trx,
    old.map((o) => o.topic),
  );

  await writeChoices(s, trx, {
    members,
    ids,
    groupIds,
    now,
    active: active.map((a, t) => ({ ...a, ids: activeIds[t] })),
    old: old.map((o, t) => ({ ...o, ids: oldIds[t] })),
    communityId: community.id,
    coreOf,
  });

  const posters: Instance['posters'] = [];
  for (let i = 0; i < members; i++) {
    if (!shape.isPoster(i)) continue;
    const userId = ids[i] ?? 0;
    posters.push({
      userId,
      token: (await createApiToken({ ...s, db: trx }, userId, 'bench')).token,
    });
  }
  return {
    members,
    posters,
    topics: activeIds.map((t) => ({ id: t.topicId, replyIds: t.replyIds })),
    // A spread of the core: some in the private group, most not (their mention notifies nobody).
    mentionable: Array.from({ length: 60 }, (_, k) => handleOf(Math.floor(draw(k, 9) * CORE))),
  };
}
