import { findUsersByIds } from '../accounts/index.js';
import { getGroupById } from '../communities/index.js';
import { postFacts, type PostFacts } from '../conversations/index.js';
import { now, type Db, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { conversationsStillIn } from '../messages/index.js';
import {
  defaultChannels,
  isNotificationKind,
  isWatchLevel,
  notificationKinds,
  type Channels,
  type NotificationKind,
  type WatchLevel,
} from './kinds.js';
import { createReadChecker, type Space, type SpaceNames } from './readable.js';
import * as choices from './choices-store.js';
import * as store from './store.js';

/** A notification with what it takes to write and link it, for the viewer who owns it. */
export interface NotificationView {
  row: store.NotificationRow;
  kind: NotificationKind;
  names: SpaceNames | null;
  topic: { title: string; kind: string } | null;
  actor: { handle: string; displayName: string; deletedAt: number | null } | null;
}

function notFound(): AppError {
  return new AppError('not_found', { messageKey: 'notifications.error.notFound' });
}

function isHiddenFrom(userId: number, row: store.NotificationRow, posts: PostFacts): boolean {
  const topic = row.topic_id === null ? undefined : posts.topics.get(row.topic_id);
  const reply = row.reply_id === null ? undefined : posts.replies.get(row.reply_id);
  return (
    (topic !== undefined && topic.isHidden && topic.authorId !== userId) ||
    (reply !== undefined && reply.isHidden && reply.authorId !== userId)
  );
}

/** Where a notification's content lives now, to ask whether its owner may still read it. */
function spaceOf(row: store.NotificationRow, posts: PostFacts): Space | null | 'gone' {
  if (row.topic_id !== null) {
    const topic = posts.topics.get(row.topic_id);
    const reply = row.reply_id === null ? undefined : posts.replies.get(row.reply_id);
    if (!topic || topic.isDeleted || (row.reply_id !== null && (!reply || reply.isDeleted)))
      return 'gone';
    return { kind: 'content', communityId: topic.communityId, groupId: topic.groupId };
  }
  if (row.community_id === null) return null;
  return row.kind === 'invited'
    ? { kind: 'community', communityId: row.community_id }
    : { kind: 'content', communityId: row.community_id, groupId: row.group_id };
}

/**
 * One page of the viewer's notifications, newest first. A notification whose content was
 * deleted, whose space the viewer may no longer read, or about a private conversation they left,
 * is dropped here (and from the count): it says nothing of what it was about.
 */
export async function listNotifications(
  s: Store,
  viewer: Viewer,
  page: { limit: number; offset: number },
): Promise<{ items: NotificationView[]; unread: number; hasMore: boolean }> {
  const rows = await store.listFor(s.db, viewer.id, { limit: page.limit + 1, offset: page.offset });
  const hasMore = rows.length > page.limit;
  const { views, gone } = await viewsFor(s.db, viewer.id, rows.slice(0, page.limit));
  await store.deleteNotifications(s.db, gone);
  return { items: views, unread: await store.countUnread(s.db, viewer.id), hasMore };
}

/**
 * What it takes to write and link each of these notifications of one member, asked of the
 * permission home now: those whose content was deleted, or whose space the member may no
 * longer read, are `gone` (their ids), and say nothing of what they were about.
 */
export async function viewsFor(
  db: Db,
  userId: number,
  rows: store.NotificationRow[],
): Promise<{ views: NotificationView[]; gone: number[] }> {
  const posts = await postFacts(db, {
    topicIds: rows.flatMap((r) => (r.topic_id === null ? [] : [r.topic_id])),
    replyIds: rows.flatMap((r) => (r.reply_id === null ? [] : [r.reply_id])),
  });
  const conversations = await conversationsStillIn(
    db,
    userId,
    rows.flatMap((r) => (r.conversation_id === null ? [] : [r.conversation_id])),
  );
  const checker = createReadChecker(db);
  const gone: number[] = [];
  const kept: Omit<NotificationView, 'actor'>[] = [];
  for (const row of rows) {
    // About a post hidden pending review (src/moderation): kept, in case it is shown again, but
    // said to nobody but its author.
    if (isHiddenFrom(userId, row, posts)) continue;
    const space = spaceOf(row, posts);
    const names = space === null || space === 'gone' ? null : await checker.namesFor(userId, space);
    const hasLeft = row.conversation_id !== null && !conversations.has(row.conversation_id);
    if (
      space === 'gone' ||
      hasLeft ||
      (space !== null && names === null) ||
      !isNotificationKind(row.kind)
    ) {
      gone.push(row.id);
      continue;
    }
    const topic = row.topic_id === null ? undefined : posts.topics.get(row.topic_id);
    kept.push({
      row,
      kind: row.kind,
      names,
      topic: topic ? { title: topic.title, kind: topic.kind } : null,
    });
  }
  const actors = new Map(
    (await findUsersByIds(db, [...new Set(kept.flatMap((k) => k.row.actor_id ?? []))])).map((u) => [
      u.id,
      { handle: u.handle, displayName: u.display_name, deletedAt: u.deleted_at },
    ]),
  );
  const views = kept.map((k) => ({
    ...k,
    actor: k.row.actor_id === null ? null : (actors.get(k.row.actor_id) ?? null),
  }));
  return { views, gone };
}

/** The header's figure for every page: one indexed count. */
export function countUnread(db: Db, userId: number): Promise<number> {
  return store.countUnread(db, userId);
}

/** Marks one of the viewer's notifications read; someone else's is as missing as an unknown one. */
export async function markRead(s: Store, viewer: Viewer, id: number): Promise<number> {
  const row = await store.findOwn(s.db, viewer.id, id);
  if (!row) throw notFound();
  await store.markRead(s.db, viewer.id, now(), { id });
  return store.countUnread(s.db, viewer.id);
}

export async function markAllRead(s: Store, viewer: Viewer): Promise<void> {
  await store.markRead(s.db, viewer.id, now(), 'all');
}

/** Opening a topic reads what it notified: returns how many notifications that marked read. */
export async function markTopicRead(s: Store, viewer: Viewer, topicId: number): Promise<number> {
  // Most topic pages have nothing to mark: a read first, so a page view writes only when needed.
  if (!(await store.hasUnreadAbout(s.db, viewer.id, { topicId }))) return 0;
  return store.markRead(s.db, viewer.id, now(), { topicId });
}

/** The same for a private conversation the viewer opened (the messages feature checked it). */
export async function markConversationRead(
  s: Store,
  viewer: Viewer,
  conversationId: number,
): Promise<number> {
  if (!(await store.hasUnreadAbout(s.db, viewer.id, { conversationId }))) return 0;
  return store.markRead(s.db, viewer.id, now(), { conversationId });
}

// ---- Watching --------------------------------------------------------------------------------

export interface Watching {
  level: WatchLevel;
  /** Where the level comes from: the topic's own, its group's, or neither (normal). */
  via: 'topic' | 'group' | 'default';
}

const asLevel = (level: string | undefined): WatchLevel | undefined =>
  level !== undefined && isWatchLevel(level) ? level : undefined;

/** A topic the viewer may read, else the same 404 as a missing one. */
async function requireReadableTopic(s: Store, viewer: Viewer, topicId: number) {
  const posts = await postFacts(s.db, { topicIds: [topicId], replyIds: [] });
  const unsafeTopic = posts.topics.get(topicId);
  if (!unsafeTopic || unsafeTopic.isDeleted) throw new AppError('not_found');
  const space: Space = {
    kind: 'content',
    communityId: unsafeTopic.communityId,
    groupId: unsafeTopic.groupId,
  };
  if (!(await createReadChecker(s.db).namesFor(viewer.id, space))) throw new AppError('not_found');
  return unsafeTopic;
}

async function requireReadableGroup(s: Store, viewer: Viewer, groupId: number) {
  const view = await getGroupById(s, viewer, groupId);
  if (!view.canReadContent) throw new AppError('not_found');
  return view.g.group;
}

export async function topicWatching(s: Store, viewer: Viewer, topicId: number): Promise<Watching> {
  const topic = await requireReadableTopic(s, viewer, topicId);
  const own = asLevel(await choices.topicWatchOf(s.db, viewer.id, topicId));
  if (own) return { level: own, via: 'topic' };
  const inGroup =
    topic.groupId === null
      ? undefined
      : asLevel(await choices.groupWatchOf(s.db, viewer.id, topic.groupId));
  return inGroup ? { level: inGroup, via: 'group' } : { level: 'normal', via: 'default' };
}

export async function watchTopic(
  s: Store,
  viewer: Viewer,
  topicId: number,
  level: WatchLevel,
): Promise<Watching> {
  await requireReadableTopic(s, viewer, topicId);
  await choices.setTopicWatch(s.db, viewer.id, topicId, level, now());
  return { level, via: 'topic' };
}

export async function groupWatching(s: Store, viewer: Viewer, groupId: number): Promise<Watching> {
  await requireReadableGroup(s, viewer, groupId);
  const own = asLevel(await choices.groupWatchOf(s.db, viewer.id, groupId));
  return own ? { level: own, via: 'group' } : { level: 'normal', via: 'default' };
}

export async function watchGroup(
  s: Store,
  viewer: Viewer,
  groupId: number,
  level: WatchLevel,
): Promise<Watching> {
  await requireReadableGroup(s, viewer, groupId);
  await choices.setGroupWatch(s.db, viewer.id, groupId, level, now());
  return { level, via: 'group' };
}

// ---- Preferences -----------------------------------------------------------------------------

export type Preference = { kind: NotificationKind } & Channels;

export async function getPreferences(s: Store, viewer: Viewer): Promise<Preference[]> {
  const chosen = new Map<string, Channels>();
  for (const p of await choices.preferencesOf(s.db, [viewer.id]))
    chosen.set(p.kind, { inApp: p.in_app === 1, byEmail: p.email === 1 });
  return notificationKinds.map((kind) => ({
    kind,
    ...(chosen.get(kind) ?? defaultChannels[kind]),
  }));
}

/** Changes the channels of the kinds given (a channel left out keeps its value). */
export async function setPreferences(
  s: Store,
  viewer: Viewer,
  changes: { kind: NotificationKind; inApp?: boolean | undefined; byEmail?: boolean | undefined }[],
): Promise<Preference[]> {
  const current = new Map((await getPreferences(s, viewer)).map((p) => [p.kind, p]));
  await s.db.transaction().execute(async (trx) => {
    for (const c of changes) {
      const before = current.get(c.kind) ?? { kind: c.kind, ...defaultChannels[c.kind] };
      await choices.setPreference(trx, {
        userId: viewer.id,
        kind: c.kind,
        inApp: c.inApp ?? before.inApp,
        byEmail: c.byEmail ?? before.byEmail,
      });
    }
  });
  return getPreferences(s, viewer);
}
