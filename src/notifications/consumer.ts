import { consumeLog, type LogRow } from '../activity/index.js';
import { activeMemberIdsOf } from '../communities/index.js';
import { postFacts, type PostFacts } from '../conversations/index.js';
import type { Db, Store } from '../db/index.js';
import { whoBlocked } from './blocks.js';
import {
  defaultChannels,
  isNotificationKind,
  type Channels,
  type NotificationKind,
} from './kinds.js';
import { messageRecipients } from './message-recipients.js';
import { planRow, referencesOf, type Draft, type Intent } from './plan.js';
import { readersOfSpaces } from './readable.js';
import * as choices from './choices-store.js';
import * as store from './store.js';
import { Watches } from './watches.js';
import { applyIntents, type CheckedIntent, type EmailDue } from './working.js';

/** The notifications' cursor in log_cursors (024_notifications starts it at the log's end). */
export const CONSUMER = 'notifications';
// Log rows per transaction: a burst of posts is a few batches, each a few indexed queries.
const BATCH = 500;
// Rows older than this notify nobody: an import's years of history, a backlog after a long
// outage. They still remove what they undo.
const FRESH_MS = 7 * 86_400_000;

/** Told after each commit: this member has this many unread notifications now (live push). */
/** Told, after each batch's commit, each notified member's unread count (to push it live). */
export type OnNotified = (unread: ReadonlyMap<number, number>) => void | Promise<void>;

/**
 * Told, inside a batch's transaction, of the members who have something new to hear about by
 * email: the email slice queues its job there, so it is queued if and only if they commit.
 */
export type OnEmailDue = (trx: Db, due: EmailDue[]) => Promise<void>;

export interface ProcessOptions {
  onNotified?: OnNotified | undefined;
  onEmailDue?: OnEmailDue | undefined;
  /** The clock, for the freshness window (tests). */
  now?: number;
}

/**
 * Turns the log rows written since the last pass into notifications, exactly once: each batch
 * commits its notifications with the cursor's move (src/activity/consume.ts). Returns how many
 * log rows were read. Safe to call from several places and processes at once.
 */
export async function processNotifications(
  s: Store,
  options: ProcessOptions = {},
): Promise<number> {
  const freshSince = (options.now ?? Date.now()) - FRESH_MS;
  const { read } = await consumeLog(
    s,
    CONSUMER,
    {
      batch: BATCH,
      afterCommit: async (touched: Set<number>) => {
        if (!options.onNotified || touched.size === 0) return;
        await options.onNotified(await store.countUnreadOf(s.db, [...touched]));
      },
    },
    (trx, rows) => notifyBatch(trx, rows, freshSince, options.onEmailDue),
  );
  return read;
}

async function notifyBatch(
  trx: Db,
  rows: LogRow[],
  freshSince: number,
  onEmailDue: OnEmailDue | undefined,
): Promise<Set<number>> {
  const refs = referencesOf(rows);
  const posts = await postFacts(trx, refs);
  const topicIds = [...posts.topics.keys()];
  const groupIds = new Set<number>();
  for (const r of rows) if (r.group_id !== null) groupIds.add(r.group_id);
  for (const t of posts.topics.values()) if (t.groupId !== null) groupIds.add(t.groupId);
  const watches = new Watches(
    await choices.watchesOfTopics(trx, topicIds),
    await choices.watchesOfGroups(trx, [...groupIds]),
  );
  const messages = await messageRecipients(trx, [...refs.messageIds]);
  const announced = new Set<number>();
  for (const t of posts.topics.values())
    if (t.kind === 'announcement' && t.groupId === null) announced.add(t.communityId);
  const communityMembers = await activeMemberIdsOf(trx, [...announced]);
  const facts = { posts, watches, messages, communityMembers };
  const intents = rows.flatMap((row) => planRow(row, facts, row.created_at >= freshSince));
  const { touched, emailDue } = await applyIntents(trx, await check(trx, intents, posts));
  await choices.watchTopicsByDefault(trx, watches.byDefault);
  if (onEmailDue && emailDue.length > 0) await onEmailDue(trx, emailDue);
  return touched;
}

/**
 * Keeps the notifications that may go out: not to their own actor, about content still there,
 * of a kind the member has not switched off, from nobody they blocked, and about what they may
 * read now.
 */
async function check(trx: Db, intents: Intent[], posts: PostFacts): Promise<CheckedIntent[]> {
  const drafts = intents.flatMap((i) => (i.type === 'notify' ? [i.draft] : []));
  const channelsOf = await preferences(trx, [...new Set(drafts.map((d) => d.userId))]);
  const blocked = await blocks(trx, drafts);
  const mayRead = await readersOfSpaces(trx, drafts);
  const out: CheckedIntent[] = [];
  for (const intent of intents) {
    if (intent.type !== 'notify') {
      out.push(intent);
      continue;
    }
    const d = intent.draft;
    if (d.actorId === d.userId || !isCurrent(d, posts)) continue;
    const channels = channelsOf(d.userId, d.kind);
    if (!channels.inApp && !channels.byEmail) continue;
    if (d.actorId !== null && blocked.has(`${d.userId}:${d.actorId}`)) continue;
    if (d.space && !(await mayRead(d.userId, d.space))) continue;
    out.push({ ...intent, channels });
  }
  return out;
}

/** Whether what the notification is about is still there (and, for an answer, still accepted). */
function isCurrent(d: Draft, posts: PostFacts): boolean {
  if (d.topicId === null) return true;
  const topic = posts.topics.get(d.topicId);
  // A post hidden pending review (src/moderation) notifies nobody while hidden.
  if (!topic || topic.isDeleted || topic.isHidden) return false;
  if (d.replyId !== null) {
    const reply = posts.replies.get(d.replyId);
    if (!reply || reply.isDeleted || reply.isHidden) return false;
  }
  return d.kind !== 'answer_accepted' || topic.acceptedReplyId === d.replyId;
}

async function preferences(trx: Db, userIds: number[]) {
  const chosen = new Map<string, Channels>();
  for (const p of await choices.preferencesOf(trx, userIds))
    if (isNotificationKind(p.kind))
      chosen.set(`${p.user_id}:${p.kind}`, { inApp: p.in_app === 1, byEmail: p.email === 1 });
  return (userId: number, kind: NotificationKind) =>
    chosen.get(`${userId}:${kind}`) ?? defaultChannels[kind];
}

/** "recipient:actor" for each recipient who blocked the actor of one of their drafts. */
async function blocks(trx: Db, drafts: Draft[]): Promise<Set<string>> {
  const byActor = new Map<number, Set<number>>();
  for (const d of drafts) {
    if (d.actorId === null) continue;
    const users = byActor.get(d.actorId) ?? new Set<number>();
    users.add(d.userId);
    byActor.set(d.actorId, users);
  }
  const out = new Set<string>();
  for (const [actorId, users] of byActor)
    for (const userId of await whoBlocked(trx, [...users], actorId))
      out.add(`${userId}:${actorId}`);
  return out;
}
