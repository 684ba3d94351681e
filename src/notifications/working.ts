import type { Db } from '../db/index.js';
import type { Channels, NotificationKind } from './kinds.js';
import { postRank } from './kinds.js';
import { groupedKinds, type Draft, type Intent } from './plan.js';
import * as store from './store.js';

/** An intent that passed the checks; a notification carries the channels it goes to. */
export type CheckedIntent =
  { type: 'notify'; draft: Draft; channels: Channels } | Exclude<Intent, { type: 'notify' }>;

/** One notification row as the batch leaves it. */
interface Entry {
  id: number | null;
  userId: number;
  subject: string;
  kind: NotificationKind;
  actorId: number | null;
  communityId: number | null;
  groupId: number | null;
  topicId: number | null;
  replyId: number | null;
  conversationId: number | null;
  inApp: boolean;
  email: boolean;
  createdAt: number;
  updatedAt: number;
  readAt: number | null;
  /** Grouped kinds: everyone the notification names, with when they did it. */
  actors: Map<number, number> | null;
  added: Map<number, number>;
  removed: Set<number>;
  status: 'same' | 'new' | 'changed';
  /** Something new to tell in this batch: an email may be due again. */
  notified: boolean;
}

/** A member with something new of this kind to hear about by email. */
export interface EmailDue {
  userId: number;
  kind: NotificationKind;
}

/** What a batch changed: who has something new to read, and what may go out by email. */
export interface Applied {
  touched: Set<number>;
  emailDue: EmailDue[];
}

const keyOf = (userId: number, subject: string) => `${userId}|${subject}`;

function fromDraft(d: Draft, channels: Channels): Entry {
  const grouped = groupedKinds.has(d.kind) && d.actorId !== null;
  const actors = grouped && d.actorId !== null ? new Map([[d.actorId, d.at]]) : null;
  return {
    id: null,
    userId: d.userId,
    subject: d.subject,
    kind: d.kind,
    actorId: d.actorId,
    communityId: d.communityId,
    groupId: d.groupId,
    topicId: d.topicId,
    replyId: d.replyId,
    conversationId: d.conversationId,
    inApp: channels.inApp,
    email: channels.byEmail,
    createdAt: d.at,
    updatedAt: d.at,
    readAt: null,
    actors,
    added: new Map(actors ?? []),
    removed: new Set(),
    status: 'new',
    notified: true,
  };
}

/** The latest of a grouped notification's actors: the name it shows first. */
function latestActor(actors: Map<number, number>): number | null {
  let latest: [number, number] | null = null;
  for (const [actor, at] of actors) if (!latest || at >= latest[1]) latest = [actor, at];
  return latest?.[0] ?? null;
}

/**
 * Applies a batch's checked intents, in the log's order, to the notification rows they touch
 * (loaded once), then writes what changed. Returns the members with something new to read.
 */
export async function applyIntents(trx: Db, intents: CheckedIntent[]): Promise<Applied> {
  const entries = await loadEntries(trx, intents);
  const goneIds: number[] = [];
  const drops: Exclude<CheckedIntent, { type: 'notify' | 'unthank' | 'forget' }>[] = [];
  const remove = (key: string) => {
    const e = entries.get(key);
    if (e && e.id !== null) goneIds.push(e.id);
    entries.delete(key);
  };
  const touch = (e: Entry) => {
    if (e.status === 'same') e.status = 'changed';
  };
  for (const intent of intents) {
    switch (intent.type) {
      case 'notify': {
        const d = intent.draft;
        const key = keyOf(d.userId, d.subject);
        const e = entries.get(key);
        if (!e) {
          entries.set(key, fromDraft(d, intent.channels));
          break;
        }
        const grouped = e.actors !== null && d.actorId !== null;
        const rank = postRank[d.kind];
        const held = postRank[e.kind];
        // A post already notified for a reason as personal or more: nothing new to say.
        if (!grouped && rank !== undefined && held !== undefined && rank <= held) break;
        if (grouped && d.actorId !== null) {
          e.actors?.set(d.actorId, d.at);
          e.added.set(d.actorId, d.at);
          e.removed.delete(d.actorId);
        }
        Object.assign(e, {
          kind: d.kind,
          actorId: d.actorId,
          updatedAt: d.at,
          readAt: null,
          inApp: intent.channels.inApp,
          email: intent.channels.byEmail,
          notified: true,
        });
        touch(e);
        break;
      }
      case 'unthank': {
        const e = entries.get(keyOf(intent.userId, intent.subject));
        if (!e?.actors?.has(intent.actorId)) break;
        e.actors.delete(intent.actorId);
        e.added.delete(intent.actorId);
        e.removed.add(intent.actorId);
        if (e.actors.size === 0) {
          remove(keyOf(intent.userId, intent.subject));
          break;
        }
        e.actorId = latestActor(e.actors);
        touch(e);
        break;
      }
      case 'forget':
        remove(keyOf(intent.userId, intent.subject));
        break;
      case 'drop':
      case 'leave':
        drops.push(intent);
        for (const [key, e] of entries) if (isDropped(e, intent)) remove(key);
        break;
    }
  }
  return save(trx, [...entries.values()], goneIds, drops);
}

function isDropped(e: Entry, intent: Extract<CheckedIntent, { type: 'drop' | 'leave' }>): boolean {
  if (intent.type === 'drop')
    return 'topicId' in intent.about
      ? e.topicId === intent.about.topicId
      : e.replyId === intent.about.replyId;
  if (e.userId !== intent.userId) return false;
  const left = intent.space;
  if ('communityId' in left) return e.communityId === left.communityId;
  if ('groupId' in left) return e.groupId === left.groupId;
  return e.conversationId === left.conversationId;
}

/** The rows of the members and subjects the intents name, with the actors of grouped ones. */
async function loadEntries(trx: Db, intents: CheckedIntent[]): Promise<Map<string, Entry>> {
  const wanted = new Set<string>();
  const users = new Set<number>();
  const subjects = new Set<string>();
  for (const i of intents) {
    const pair =
      i.type === 'notify' ? i.draft : i.type === 'unthank' || i.type === 'forget' ? i : null;
    if (!pair) continue;
    wanted.add(keyOf(pair.userId, pair.subject));
    users.add(pair.userId);
    subjects.add(pair.subject);
  }
  const rows = (await store.notificationsBySubject(trx, [...users], [...subjects])).filter((r) =>
    wanted.has(keyOf(r.user_id, r.subject)),
  );
  const grouped = rows.filter((r) => groupedKinds.has(r.kind as NotificationKind));
  const actors = new Map<number, Map<number, number>>(grouped.map((r) => [r.id, new Map()]));
  for (const a of await store.actorsOf(
    trx,
    grouped.map((r) => r.id),
  ))
    actors.get(a.notification_id)?.set(a.actor_id, a.at);
  return new Map(
    rows.map((r) => [
      keyOf(r.user_id, r.subject),
      {
        id: r.id,
        userId: r.user_id,
        subject: r.subject,
        kind: r.kind as NotificationKind,
        actorId: r.actor_id,
        communityId: r.community_id,
        groupId: r.group_id,
        topicId: r.topic_id,
        replyId: r.reply_id,
        conversationId: r.conversation_id,
        inApp: r.in_app === 1,
        email: r.email === 1,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        readAt: r.read_at,
        actors: actors.get(r.id) ?? null,
        added: new Map(),
        removed: new Set(),
        status: 'same',
        notified: false,
      },
    ]),
  );
}

async function save(
  trx: Db,
  entries: Entry[],
  goneIds: number[],
  drops: Extract<CheckedIntent, { type: 'drop' | 'leave' }>[],
): Promise<Applied> {
  for (const d of drops)
    if (d.type === 'drop') await store.deleteAbout(trx, d.about);
    else await store.deleteInSpace(trx, d.userId, d.space);
  await store.deleteNotifications(trx, goneIds);
  const changed = entries.filter((e) => e.status !== 'same');
  // New rows in one statement per few hundred: a post's watchers cost one round trip.
  const inserted = await store.insertNotifications(
    trx,
    changed
      .filter((e) => e.id === null)
      .map((e) => ({
        ...columnsOf(e),
        user_id: e.userId,
        subject: e.subject,
        community_id: e.communityId,
        group_id: e.groupId,
        topic_id: e.topicId,
        reply_id: e.replyId,
        conversation_id: e.conversationId,
        created_at: e.createdAt,
      })),
  );
  const made = new Map(inserted.map((r) => [keyOf(r.user_id, r.subject), Number(r.id)]));
  const actors: { notificationId: number; actorId: number; at: number }[] = [];
  const touched = new Set<number>();
  const due = new Map<string, EmailDue>();
  for (const e of changed) {
    const id = e.id ?? made.get(keyOf(e.userId, e.subject));
    if (id === undefined) throw new Error(`notification ${keyOf(e.userId, e.subject)} not saved`);
    if (e.id !== null) await store.updateNotification(trx, id, columnsOf(e));
    for (const [actorId, at] of e.added) actors.push({ notificationId: id, actorId, at });
    await store.removeActors(trx, id, [...e.removed]);
    if (e.readAt === null && e.inApp) touched.add(e.userId);
    if (e.notified && e.readAt === null && e.email)
      due.set(`${e.userId}|${e.kind}`, { userId: e.userId, kind: e.kind });
  }
  await store.addActors(trx, actors);
  return { touched, emailDue: [...due.values()] };
}

/** The columns a later event on the subject may change. */
function columnsOf(e: Entry) {
  return {
    // A notification with something new goes out by email again (its last email said less).
    ...(e.notified ? { emailed_at: null } : {}),
    kind: e.kind,
    actor_id: e.actorId,
    actor_count: e.actors ? e.actors.size : e.actorId === null ? 0 : 1,
    in_app: e.inApp ? 1 : 0,
    email: e.email ? 1 : 0,
    updated_at: e.updatedAt,
    read_at: e.readAt,
  };
}
