import type { Db } from '../db/index.js';
import { dayOf, type Scope } from './rollup/scopes.js';
import { DAY } from './stats.js';

/** One member's counts for one day in the scope. */
export interface DayRow {
  day: number;
  member: number;
  contributions: number;
  reactions: number;
  visits: number;
  commitments: number;
}

export interface TopicFact {
  id: number;
  author: number;
  kind: string;
  group: number | null;
  at: number;
  /** The first live reply by someone else. */
  firstReply: Response | undefined;
  accepted: boolean;
}

export interface Response {
  at: number;
  by: number;
}

/** A member's first topic or reply in the scope, and the first response it got. */
export interface FirstPost {
  member: number;
  kind: 'topic' | 'reply';
  id: number;
  at: number;
  response: Response | undefined;
}

/**
 * What the indicators of one scope and period read, all from the roll-ups: member days from
 * the month before the period (flows, churn) to its end, the period's topics and first posts,
 * membership spells, and the staff, who are counted apart.
 */
export interface ScopeFacts {
  from: number;
  to: number;
  staff: Set<number>;
  days: DayRow[];
  /** Per group of the community, the last 60 days (lifecycle of each group). */
  groupDays: Map<number, DayRow[]>;
  topics: TopicFact[];
  firstPosts: FirstPost[];
  membersAtEnd: Set<number>;
  /** When each member first joined the scope, for everyone who joined before `to`. */
  firstJoined: Map<number, number>;
}

/** The first day the cockpit of [from, to) reads: a month before the period, and 60 days before `to`. */
export function firstDayNeeded(from: number, to: number): number {
  const d = new Date(from);
  const monthBefore = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  return dayOf(Math.min(monthBefore, to - 120 * DAY));
}

export async function loadScopeFacts(
  db: Db,
  scope: Scope,
  period: { from: number; to: number },
  staff: Set<number>,
): Promise<ScopeFacts> {
  const { from, to } = period;
  const [days, groupDays, topics, firstPosts, spells] = await Promise.all([
    loadDays(db, scope, firstDayNeeded(from, to), dayOf(to)),
    scope.communityId !== 0 && scope.groupId === 0
      ? loadGroupDays(db, scope.communityId, dayOf(to) - 60, dayOf(to))
      : new Map<number, DayRow[]>(),
    loadTopics(db, scope, from, to),
    loadFirstPosts(db, scope, from, to),
    db
      .selectFrom('rollup_memberships')
      .select(['member_id', 'joined_at', 'left_at'])
      .where('community_id', '=', scope.communityId)
      .where('group_id', '=', scope.groupId)
      .where('joined_at', '<', to)
      .execute(),
  ]);
  const membersAtEnd = new Set<number>();
  const firstJoined = new Map<number, number>();
  for (const s of spells) {
    if (s.left_at === null || s.left_at >= to) membersAtEnd.add(s.member_id);
    const known = firstJoined.get(s.member_id);
    if (known === undefined || s.joined_at < known) firstJoined.set(s.member_id, s.joined_at);
  }
  return { from, to, staff, days, groupDays, topics, firstPosts, membersAtEnd, firstJoined };
}

function daysQuery(db: Db, communityId: number, fromDay: number, toDay: number) {
  // Aliased to DayRow's names: a year of a large community is millions of rows, read once.
  return db
    .selectFrom('rollup_member_days')
    .select(['day', 'member_id as member', 'contributions', 'reactions', 'visits', 'commitments'])
    .where('community_id', '=', communityId)
    .where('day', '>=', fromDay)
    .where('day', '<', toDay)
    .where((eb) =>
      eb.or([eb('contributions', '>', 0), eb('reactions', '>', 0), eb('visits', '>', 0)]),
    );
}

function loadDays(db: Db, scope: Scope, fromDay: number, toDay: number): Promise<DayRow[]> {
  return daysQuery(db, scope.communityId, fromDay, toDay)
    .where('group_id', '=', scope.groupId)
    .execute();
}

async function loadGroupDays(db: Db, communityId: number, fromDay: number, toDay: number) {
  const rows = await daysQuery(db, communityId, fromDay, toDay)
    .select('group_id')
    .where('group_id', '!=', 0)
    .execute();
  const byGroup = new Map<number, DayRow[]>();
  for (const { group_id, ...day } of rows) {
    const list = byGroup.get(group_id) ?? [];
    list.push(day);
    byGroup.set(group_id, list);
  }
  return byGroup;
}

async function loadTopics(db: Db, scope: Scope, from: number, to: number): Promise<TopicFact[]> {
  let q = db
    .selectFrom('rollup_posts')
    .select([
      'id',
      'author_id',
      'detail',
      'group_id',
      'created_at',
      'first_reply_at',
      'first_reply_by',
      'accepted_reply_id',
    ])
    .where('kind', '=', 'topic')
    .where('deleted', '=', 0)
    .where('created_at', '>=', from)
    .where('created_at', '<', to);
  if (scope.communityId !== 0) q = q.where('community_id', '=', scope.communityId);
  if (scope.groupId !== 0) q = q.where('group_id', '=', scope.groupId);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    author: r.author_id,
    kind: r.detail ?? 'discussion',
    group: r.group_id === 0 ? null : r.group_id,
    at: r.created_at,
    firstReply: responseOf(r.first_reply_at, r.first_reply_by),
    accepted: r.accepted_reply_id !== null,
  }));
}

function responseOf(at: number | null, by: number | null): Response | undefined {
  return at === null || by === null ? undefined : { at, by };
}

async function loadFirstPosts(db: Db, scope: Scope, from: number, to: number) {
  const rows = await db
    .selectFrom('rollup_first_posts as f')
    .innerJoin('rollup_posts as p', (j) =>
      j.onRef('p.kind', '=', 'f.post_kind').onRef('p.id', '=', 'f.post_id'),
    )
    .select([
      'f.member_id',
      'f.post_kind',
      'f.post_id',
      'f.created_at',
      'p.first_reply_at',
      'p.first_reply_by',
      'p.first_reaction_at',
      'p.first_reaction_by',
    ])
    .where('f.community_id', '=', scope.communityId)
    .where('f.group_id', '=', scope.groupId)
    .where('f.created_at', '>=', from)
    .where('f.created_at', '<', to)
    .execute();
  return rows.map((r): FirstPost => {
    const reply = responseOf(r.first_reply_at, r.first_reply_by);
    // A reply is answered by a reply to it or a reaction to it; a topic only by a reply.
    const reaction =
      r.post_kind === 'reply' ? responseOf(r.first_reaction_at, r.first_reaction_by) : undefined;
    const response =
      reply && reaction ? (reaction.at < reply.at ? reaction : reply) : (reply ?? reaction);
    return { member: r.member_id, kind: r.post_kind, id: r.post_id, at: r.created_at, response };
  });
}
