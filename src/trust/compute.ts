import { consumeLog, type LogRow } from '../activity/index.js';
import type { ActivityKind } from '../activity/index.js';
import type { Db, Store } from '../db/index.js';
import {
  REGULAR_GRACE_MS,
  TOPICS_CAP,
  WINDOW_DAYS,
  isTrustLevel,
  levelFor,
  type WindowCounts,
} from './levels.js';
import * as store from './store.js';

const DAY = 86_400_000;
export const CURSOR = 'trust';

/** Acts of the member themselves that make a day a visited one. */
const visitKinds = new Set<ActivityKind>([
  'user.signed_in',
  'content.viewed',
  'topic.created',
  'reply.created',
  'reaction.added',
  'answer.accepted',
  'message.sent',
  'pulse.opened',
]);

interface Delta {
  days: Set<number>;
  views: number;
  given: number;
  received: number;
  entered: Set<number>;
  replied: Set<number>;
  perDay: Map<number, { views: number; replies: number; given: number; received: number }>;
}

function emptyDelta(): Delta {
  return {
    days: new Set(),
    views: 0,
    given: 0,
    received: 0,
    entered: new Set(),
    replied: new Set(),
    perDay: new Map(),
  };
}

/** What one batch of log rows adds to each member's counters. */
async function deltasOf(trx: Db, rows: LogRow[]): Promise<Map<number, Delta>> {
  const topicTargets = rows
    .filter((r) => r.kind === 'reaction.added' && r.target_kind === 'topic')
    .map((r) => Number(r.target_id));
  const replyTargets = rows
    .filter(
      (r) =>
        (r.kind === 'reaction.added' || r.kind === 'answer.accepted') && r.target_kind === 'reply',
    )
    .map((r) => Number(r.target_id));
  const authors = await store.authorsOf(
    trx,
    [...new Set(topicTargets)],
    [...new Set(replyTargets)],
  );
  const deltas = new Map<number, Delta>();
  const of = (userId: number) => {
    let d = deltas.get(userId);
    if (!d) deltas.set(userId, (d = emptyDelta()));
    return d;
  };
  const onDay = (d: Delta, day: number) => {
    let c = d.perDay.get(day);
    if (!c) d.perDay.set(day, (c = { views: 0, replies: 0, given: 0, received: 0 }));
    return c;
  };
  for (const row of rows) {
    if (row.actor_id === null || !visitKinds.has(row.kind)) continue;
    const actor = Number(row.actor_id);
    const day = Math.floor(row.created_at / DAY);
    const d = of(actor);
    d.days.add(day);
    onDay(d, day);
    const topicId = row.topic_id === null ? null : Number(row.topic_id);
    if (row.kind === 'content.viewed') {
      d.views += 1;
      onDay(d, day).views += 1;
      if (topicId !== null) d.entered.add(topicId);
    } else if (row.kind === 'topic.created' && topicId !== null) {
      d.entered.add(topicId);
    } else if (row.kind === 'reply.created') {
      onDay(d, day).replies += 1;
      if (topicId !== null) d.replied.add(topicId);
    } else if (row.kind === 'reaction.added' || row.kind === 'answer.accepted') {
      if (row.kind === 'reaction.added') {
        d.given += 1;
        onDay(d, day).given += 1;
      }
      const id = Number(row.target_id);
      const author = row.target_kind === 'topic' ? authors.topics.get(id) : authors.replies.get(id);
      // A reaction to one's own post, or one's own answer accepted, earns nothing.
      if (author !== undefined && author !== actor) {
        const a = of(author);
        a.received += 1;
        onDay(a, day).received += 1;
      }
    }
  }
  return deltas;
}

/** Adds the batch's deltas to the members' rows; returns the members whose counts moved. */
async function applyDeltas(trx: Db, deltas: Map<number, Delta>, at: number): Promise<number[]> {
  const people = await store.livePeopleAmong(trx, [...deltas.keys()]);
  const ids = [...people];
  await store.insertMissingRows(trx, ids, at);
  const [rows, topics] = await Promise.all([store.rowsOf(trx, ids), store.topicsOf(trx, ids)]);
  const known = new Map<number, { entered: Set<number>; replied: Set<number> }>();
  for (const t of topics) {
    const k = known.get(Number(t.user_id)) ?? { entered: new Set(), replied: new Set() };
    k[t.how].add(Number(t.topic_id));
    known.set(Number(t.user_id), k);
  }
  const newTopics: { user_id: number; topic_id: number; how: 'entered' | 'replied' }[] = [];
  const dayRows: Parameters<typeof store.addDayCounts>[1] = [];
  for (const row of rows) {
    const userId = Number(row.user_id);
    const d = deltas.get(userId);
    if (!d) continue;
    const k = known.get(userId) ?? { entered: new Set(), replied: new Set() };
    // Distinct topics are remembered only up to the largest threshold that needs them.
    const add = (how: 'entered' | 'replied', seen: Set<number>) => {
      for (const topicId of seen) {
        if (k[how].size >= TOPICS_CAP[how]) break;
        if (k[how].has(topicId)) continue;
        k[how].add(topicId);
        newTopics.push({ user_id: userId, topic_id: topicId, how });
      }
    };
    add('entered', d.entered);
    add('replied', d.replied);
    // Log rows come in id order, so a visited day is new when it is after the last one counted.
    const newDays = [...d.days].filter((day) => day > row.last_visit_day);
    await store.updateCounters(trx, userId, {
      visit_days: row.visit_days + newDays.length,
      last_visit_day: Math.max(row.last_visit_day, ...newDays),
      views: row.views + d.views,
      topics_entered: k.entered.size,
      topics_replied: k.replied.size,
      reactions_given: row.reactions_given + d.given,
      reactions_received: row.reactions_received + d.received,
    });
    for (const [day, c] of d.perDay)
      dayRows.push({
        user_id: userId,
        day,
        views: c.views,
        replies: c.replies,
        reactions_given: c.given,
        reactions_received: c.received,
      });
  }
  await store.insertTopics(trx, newTopics);
  await store.addDayCounts(trx, dayRows);
  return ids;
}

const noWindow: WindowCounts = {
  visitDays: 0,
  views: 0,
  replies: 0,
  reactionsGiven: 0,
  reactionsReceived: 0,
};

/** Sets each member's level from their counters; returns the changes. */
async function settleLevels(trx: Db, userIds: number[], at: number): Promise<LevelChange[]> {
  if (userIds.length === 0) return [];
  const fromDay = Math.floor(at / DAY) - WINDOW_DAYS + 1;
  const [rows, windows] = await Promise.all([
    store.rowsOf(trx, userIds),
    store.windowCounts(trx, userIds, fromDay),
  ]);
  const windowOf = new Map(windows.map((w) => [w.userId, w]));
  const changes: LevelChange[] = [];
  for (const row of rows) {
    const userId = Number(row.user_id);
    const current = isTrustLevel(row.level) ? row.level : 0;
    const next = levelFor(
      { level: current, locked: row.locked === 1, since: row.updated_at },
      {
        visitDays: row.visit_days,
        views: row.views,
        topicsEntered: row.topics_entered,
        topicsReplied: row.topics_replied,
        reactionsGiven: row.reactions_given,
        reactionsReceived: row.reactions_received,
      },
      windowOf.get(userId) ?? noWindow,
      at,
    );
    if (next === current) continue;
    await store.setLevel(trx, userId, { level: next, at });
    changes.push({ userId, from: current, to: next });
  }
  return changes;
}

export interface LevelChange {
  userId: number;
  from: number;
  to: number;
}

/**
 * One run of the level job at `at`: folds the log rows written since the last run into the
 * members' counters and levels (each batch in one transaction with the cursor, so a rerun or a
 * second instance handles no row twice), then looks again at regulars whose window moved.
 */
export async function updateTrustLevels(s: Store, at: number): Promise<LevelChange[]> {
  const changes: LevelChange[] = [];
  await consumeLog(s, CURSOR, { batch: 2_000 }, async (trx, rows) => {
    const touched = await applyDeltas(trx, await deltasOf(trx, rows), at);
    changes.push(...(await settleLevels(trx, touched, at)));
  });
  await s.db.transaction().execute(async (trx) => {
    await store.forgetDaysBefore(trx, Math.floor(at / DAY) - WINDOW_DAYS);
    const regulars = await store.regularsSettledBefore(trx, at - REGULAR_GRACE_MS);
    changes.push(...(await settleLevels(trx, regulars, at)));
  });
  return changes;
}
