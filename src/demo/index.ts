import { SingleBar, Presets } from 'cli-progress';
import { hashPassword, importUsers } from '../accounts/index.js';
import { recordActivities } from '../activity/index.js';
import { importCommunity } from '../communities/index.js';
import { importTopic, renderAllQueued } from '../conversations/index.js';
import { getSetting, now, setSetting, type Store } from '../db/index.js';
import { importConversation } from '../messages/index.js';
import { seedAnimation } from './animation.js';
import { SPONSOR_HANDLE } from './content/communities.js';
import { generateDemo } from './content/index.js';

/** Known on purpose: the demo is for trying Ruche locally. Turn it off with RUCHE_DEMO=0. */
export const DEMO_PASSWORD = 'ruche-demo-2026';
const MARKER = 'demo_seeded';

interface SeedOptions {
  log: (line: string) => void;
  progress?: boolean;
}

/**
 * Seeds the demo on the first start only; on every start, returns the lines that say how to sign
 * in to it, for the terminal to print once the server listens.
 */
export async function ensureDemo(store: Store, options: SeedOptions): Promise<string[]> {
  let login = await getSetting(store.db, MARKER);
  if (login === undefined)
    login = await seedDemo(store, { ...options, progress: options.progress ?? true });
  const lines = [
    `Demo animator: ${login} / password: ${DEMO_PASSWORD} (set RUCHE_DEMO=0 to run without the demo)`,
  ];
  // A demo seeded before the sponsor existed has none to offer.
  const sponsor = await store.db
    .selectFrom('users')
    .select('email')
    .where('email', '=', `${SPONSOR_HANDLE}@demo.ruche.test`)
    .executeTakeFirst();
  if (sponsor)
    lines.push(
      `Demo sponsor (the cockpit's figures, aggregated, no names): ${sponsor.email} / same password`,
    );
  return lines;
}

export async function seedDemo(store: Store, options: SeedOptions): Promise<string> {
  if ((await getSetting(store.db, MARKER)) !== undefined)
    throw new Error('The demo community already exists.');
  const data = generateDemo({ now: now() });
  options.log(
    `Creating the demo community: ${data.members.length} members, ${data.topics.length} topics…`,
  );
  const bar = options.progress
    ? new SingleBar(
        { format: 'demo [{bar}] {percentage}% | {value}/{total} topics' },
        Presets.shades_classic,
      )
    : undefined;
  // One hash for every demo member: argon2 is slow on purpose, and they share the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const animator = data.members.find((m) => m.handle === data.animatorHandle);
  const seeded = await store.db.transaction().execute(async (trx) => {
    const users = await importUsers(
      store,
      trx,
      data.members.map((m) => ({ ...m, passwordHash })),
    );
    const idOf = (handle: string) => {
      const id = users.get(handle);
      if (id === undefined) throw new Error(`demo: unknown member ${handle}`);
      return id;
    };
    const communities = new Map<string, { id: number; groupIds: Map<string, number> }>();
    for (const c of data.communities) {
      const made = await importCommunity(store, trx, {
        ...c,
        createdBy: idOf(data.animatorHandle),
        memberships: c.memberships.map((m) => ({
          userId: idOf(m.handle),
          role: m.role,
          joinedAt: m.joinedAt,
        })),
        groups: c.groups.map((g) => ({
          ...g,
          members: g.members.map((m) => ({
            userId: idOf(m.handle),
            role: m.role,
            joinedAt: m.joinedAt,
          })),
        })),
      });
      communities.set(c.slug, made);
    }
    bar?.start(data.topics.length, 0);
    const topicIds: number[] = [];
    for (const t of data.topics) {
      const c = communities.get(t.communitySlug);
      if (!c) throw new Error(`demo: unknown community ${t.communitySlug}`);
      const accepted = t.acceptedReplyIndex !== null ? t.replies[t.acceptedReplyIndex] : undefined;
      const { topicId } = await importTopic(store, trx, {
        communityId: c.id,
        groupId: t.groupSlug ? (c.groupIds.get(t.groupSlug) ?? null) : null,
        authorId: idOf(t.authorHandle),
        kind: t.kind,
        title: t.title,
        body: t.body,
        createdAt: t.createdAt,
        replies: t.replies.map((r) => ({
          authorId: idOf(r.authorHandle),
          body: r.body,
          createdAt: r.createdAt,
          parentIndex: r.parentIndex,
        })),
        acceptedReplyIndex: t.acceptedReplyIndex,
        acceptedBy: accepted ? idOf(t.authorHandle) : null,
        acceptedAt: accepted ? accepted.createdAt + 3_600_000 : null,
        reactions: t.reactions.map((r) => ({
          userId: idOf(r.handle),
          kind: r.kind,
          target: r.target,
          createdAt: r.createdAt,
        })),
      });
      topicIds.push(topicId);
      bar?.increment();
    }
    bar?.stop();
    await recordActivities(
      store,
      trx,
      data.visits.map((v) => {
        const topic = data.topics[v.topicIndex];
        const c = communities.get(v.communitySlug);
        return {
          actorId: idOf(v.handle),
          communityId: c?.id ?? null,
          groupId: topic?.groupSlug ? (c?.groupIds.get(topic.groupSlug) ?? null) : null,
          kind: 'content.viewed' as const,
          targetKind: 'topic',
          targetId: topicIds[v.topicIndex] ?? null,
          topicId: topicIds[v.topicIndex] ?? null,
          at: v.at,
        };
      }),
    );
    await recordActivities(
      store,
      trx,
      data.anonymousVisits.map((v) => {
        const c = v.communitySlug === null ? undefined : communities.get(v.communitySlug);
        return {
          actorId: null,
          communityId: c?.id ?? null,
          groupId: v.groupSlug ? (c?.groupIds.get(v.groupSlug) ?? null) : null,
          kind: 'visit.anonymous' as const,
          at: v.at,
        };
      }),
    );
    for (const c of data.conversations)
      await importConversation(trx, {
        participantIds: c.handles.map(idOf),
        messages: c.messages.map((m) => ({ authorId: idOf(m.handle), body: m.body, at: m.at })),
        unreadFor: c.unreadFor.map(idOf),
      });
    await setSetting(trx, MARKER, animator?.email ?? '');
    return { users, communities };
  });
  await seedAnimation(store, data, seeded);
  // The demo is searchable from its first page, not a few seconds later.
  await renderAllQueued(store);
  const replies = data.topics.reduce((n, t) => n + t.replies.length, 0);
  options.log(
    `Demo ready: ${data.communities.length} communities, ${data.topics.length} topics, ${replies} replies, ${data.visits.length} visits, ${data.anonymousVisits.length} anonymous visits, ${data.conversations.length} private conversations.`,
  );
  return animator?.email ?? '';
}
