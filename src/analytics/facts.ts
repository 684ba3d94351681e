import { sql } from 'kysely';
import { selectColumns, type Db, type Dialect, type Store } from '../db/index.js';
import { ensureRecentWindow, RECENT_DAYS, RUNG_PERIODS } from './rollup/recent.js';
import { decompose, memberRows, notStaff, scopeIs, type Piece } from './ranges.js';
import {
  bucketOf,
  dayOf,
  monthOf,
  nextMonth,
  previousMonth,
  weekOf,
  type Grain,
  type Scope,
} from './rollup/scopes.js';
import { isActive, rungOf } from './rollup/member-row.js';
import { monthMoves } from './rollup/settle.js';
import { topicStats, type TopicStats } from './topic-stats.js';
import { loadFirstPosts, type FirstPost } from './first-posts.js';
import { DAY } from './stats.js';

/**
 * Each non-staff member active in the window, with their totals over it: columns side by side,
 * a large community has tens of thousands (allocating an object each costs more than the rest).
 */
export interface Window {
  member: number[];
  contributions: number[];
  reactions: number[];
  /** ISO weeks with a contribution. */
  weeks: number[];
}

export interface QuietMember {
  member: number;
  contributions: number;
  lastDay: number;
}

export interface ChurnedMember {
  member: number;
  contributions: number;
  reactions: number;
}

export interface Series {
  /** The bucket's first day. */
  start: number;
  active: number;
}

export interface Moves {
  month: number;
  up: number;
  held: number;
  down: number;
  /** Active the month before and not in this one; null while `to` cuts the month. */
  gone: number | null;
}

/** Contributions (everyone and members only) and active members over the last 30 days and the 30 before. */
export interface Recent {
  contributions: number;
  byMembers: number;
  active: number;
  activeBefore: number;
}

/** A scope with nothing in its last 60 days. */
export const noRecent: Recent = { contributions: 0, byMembers: 0, active: 0, activeBefore: 0 };

/**
 * What the indicators of one scope and period read, all from the roll-ups and already reduced
 * in SQL: nothing here grows with the number of events, only with the number of active members.
 * Staff are left out of every member figure (their counts are taken off the bucket totals).
 */
export interface ScopeFacts {
  from: number;
  to: number;
  staff: Set<number>;
  window: Window;
  /** Non-staff members at the end of the window who did nothing in it. */
  dormant: number;
  /** Each non-staff member's highest rung over the period: 1 reached, 2 interacting, 3 engaged. */
  rungs: Rungs;
  /** Anonymous visitors over the period: each day's distinct ones, added up. */
  anonymousVisitors: number;
  /** The to-do list of recently inactive core members (see `quietCore`), most active first. */
  quietCore: QuietMember[];
  daily: Series[];
  weekly: Series[];
  monthly: Series[];
  /** Rung moves for each month of the period, from the month before. */
  moves: Moves[];
  /**
   * Non-staff members active in the 30 days before the last 30 and not since, with their totals
   * over the window, most contributions first.
   */
  churnedMembers: ChurnedMember[];
  recent: Recent;
  /** For a community: the same per group. */
  groups: Map<number, Recent>;
  /** Members whose first join falls in the period, per month (by its first day). */
  growthByMonth: Map<number, number>;
  topics: TopicStats;
  firstPosts: FirstPost[];
  /**
   * Non-staff members with a contribution in the last 30 days, by group id (0: the community):
   * how many people the lifecycle's contributions are about, for the sponsor's view.
   */
  recentContributors: Map<number, number>;
}

/** Window length for circles and concentration, in days: the stored windows' length. */
export const WINDOW_DAYS = RECENT_DAYS;

export async function loadScopeFacts(
  s: Store,
  scope: Scope,
  period: { from: number; to: number },
  staffSet: Set<number>,
): Promise<ScopeFacts> {
  const { from, to } = period;
  const staff = [...staffSet];
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  await ensureRecentWindow(s, scope.communityId, toDay);
  const db = s.reads;
  const { dialect } = s;
  // Everything at once, the longest first: on SQLite the read workers take them in this order.
  const firstPostsLoad = loadFirstPosts(db, dialect, scope, from, to);
  const recentLoad = recentMembers(db, dialect, scope, staff, toDay);
  const [
    recentOnes,
    groups,
    rungs,
    firstPosts,
    topics,
    dormant,
    series,
    moves,
    recent,
    growthByMonth,
    anonymousVisitors,
    recentContributors,
  ] = await Promise.all([
    recentLoad,
    scope.communityId !== 0 && scope.groupId === 0
      ? groupsRecent(db, scope.communityId, staff, toDay)
      : new Map<number, Recent>(),
    periodRungs(db, dialect, scope, staff, fromDay, toDay),
    firstPostsLoad,
    topicStats(
      db,
      dialect,
      scope,
      { from, to, staff },
      async () => new Set((await firstPostsLoad).map((f) => f.member)),
    ),
    dormantAtEnd(db, scope, staff, to, toDay),
    activeSeries(db, scope, staff, fromDay, toDay),
    monthlyMoves(db, dialect, scope, staff, fromDay, toDay),
    contributionsOver(db, scope, staff, toDay - 30, toDay),
    growthOver(db, scope, staff, from, to),
    anonymousVisitorsOver(db, scope, fromDay, toDay),
    contributorsOver(db, scope, staff, toDay - 30, toDay),
  ]);
  const { window, active, activeBefore, churnedMembers } = recentOnes;
  return {
    from,
    to,
    staff: staffSet,
    window,
    dormant,
    rungs,
    anonymousVisitors,
    quietCore: quietCore(window, recentOnes.quiet),
    ...series,
    moves,
    churnedMembers,
    recent: { ...recent, active, activeBefore },
    groups,
    growthByMonth,
    topics,
    firstPosts,
    recentContributors,
  };
}

/**
 * The buckets of a grain in [first, end), listed: with the staff's ids as a second IN list the
 * primary key (scope, bucket, member) is read by seeks, where a range of buckets would read
 * every member row in it.
 */
function bucketsIn(grain: Grain, first: number, end: number): number[] {
  const out: number[] = [];
  for (
    let b = bucketOf(grain, first);
    b < end;
    b = grain === 'month' ? nextMonth(b) : b + (grain === 'week' ? 7 : 1)
  )
    if (b >= first) out.push(b);
  return out.length ? out : [-1];
}

const atEnd = (to: number) => sql`joined_at < ${to} and (left_at is null or left_at >= ${to})`;

// What recentMembers reads of a stored member row, the flags as bits of one number: half the
// values to send and parse on a large community.
const ACTIVE30 = 1;
const ACTIVE60 = 2;
const WEEK_COUNTED = 4;

/**
 * Each non-staff member's figures over the last 90 days, for the circles, concentration,
 * activity and the to-do list: the stored window of the days before the last one
 * (`rollup/recent.ts`) plus the last day, read live. Also whether they were active in the last
 * 30 days and in the 30 before, and who of them is quiet (contributed in [-28, -7), not since).
 */
async function recentMembers(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  staff: number[],
  toDay: number,
) {
  const [stored, live, spoke] = await Promise.all([
    selectColumns(
      db,
      dialect,
      sql<{
        member_id: number;
        contributions: number;
        reactions: number;
        weeks: number;
        flags: number;
      }>`
        select member_id, contributions, reactions, weeks,
          active30 * ${sql.lit(ACTIVE30)} + active60 * ${sql.lit(ACTIVE60)}
            + (case when last_week = ${weekOf(toDay - 1)} then ${sql.lit(WEEK_COUNTED)} else 0 end) as flags
        from rollup_recent_members
        where ${scopeIs(scope)} and to_day = ${toDay} ${notStaff(staff)}`,
      ['member_id', 'contributions', 'reactions', 'weeks', 'flags'],
    ),
    selectColumns(
      db,
      dialect,
      sql<{ member_id: number; contributions: number; reactions: number }>`
        select member_id, contributions, reactions from rollup_member_days
        where ${scopeIs(scope)} and day = ${toDay - 1} and ${isActive()} ${notStaff(staff)}`,
      ['member_id', 'contributions', 'reactions'],
    ),
    sql<{ member: number; day: number }>`
      select member_id as member, last_spoke as day from rollup_recent_members
      where ${scopeIs(scope)} and to_day = ${toDay} and spoke21 = 1 and spoke7 = 0
        and last_spoke is not null
        ${notStaff(staff)}`.execute(db),
  ]);
  // The stored columns become the window's, the last day's few rows merged into them.
  const s = stored.columns;
  const member = asNumbers(s.member_id);
  const contributions = asNumbers(s.contributions);
  const reactions = asNumbers(s.reactions);
  const weeks = asNumbers(s.weeks);
  const flags = asNumbers(s.flags);
  const l = live.columns;
  const lastDay = new Map<number, number>();
  for (let i = 0; i < live.count; i++) lastDay.set(Number(l.member_id[i]), i);
  // Quiet: contributed in [-28, -7) and not since; with the last day they did.
  const quiet = new Map(spoke.rows.map((r) => [Number(r.member), Number(r.day)]));
  let active = 0;
  let activeBefore = 0;
  const churnedMembers: ChurnedMember[] = [];
  for (let i = 0; i < stored.count; i++) {
    const m = member[i] ?? 0;
    const f = flags[i] ?? 0;
    const today = lastDay.get(m);
    let spokeToday = false;
    if (today !== undefined) {
      lastDay.delete(m);
      const c = Number(l.contributions[today]);
      contributions[i] = (contributions[i] ?? 0) + c;
      reactions[i] = (reactions[i] ?? 0) + Number(l.reactions[today]);
      spokeToday = c > 0;
      if (spokeToday && !(f & WEEK_COUNTED)) weeks[i] = (weeks[i] ?? 0) + 1;
    }
    const isActive = today !== undefined || (f & ACTIVE30) !== 0;
    if (isActive) active++;
    if (f & ACTIVE60) {
      activeBefore++;
      if (!isActive)
        churnedMembers.push({
          member: m,
          contributions: contributions[i] ?? 0,
          reactions: reactions[i] ?? 0,
        });
    }
    if (spokeToday) quiet.delete(m);
  }
  // Active on the last day only.
  for (const [m, i] of lastDay) {
    const c = Number(l.contributions[i]);
    member.push(m);
    contributions.push(c);
    reactions.push(Number(l.reactions[i]));
    weeks.push(c > 0 ? 1 : 0);
    active++;
  }
  return {
    window: { member, contributions, reactions, weeks },
    active,
    activeBefore,
    churnedMembers: churnedMembers.sort(
      (a, b) =>
        b.contributions - a.contributions || b.reactions - a.reactions || a.member - b.member,
    ),
    quiet,
  };
}

/** A column read by selectColumns as numbers, converted in place where the driver gave strings. */
function asNumbers(values: unknown[]): number[] {
  for (let i = 0; i < values.length; i++)
    if (typeof values[i] !== 'number') values[i] = Number(values[i]);
  return values as number[];
}

/**
 * The top quarter of contributors over the window who contributed in the 21 days before the
 * last 7 and not since, with their last day with a contribution: the animator's to-do list.
 */
function quietCore({ member, contributions }: Window, quiet: Map<number, number>): QuietMember[] {
  const memberAt = (i: number) => member[i] ?? 0;
  const contributionsAt = (i: number) => contributions[i] ?? 0;
  const ranked: number[] = [];
  for (let i = 0; i < member.length; i++) if (contributionsAt(i) > 0) ranked.push(i);
  ranked.sort((a, b) => contributionsAt(b) - contributionsAt(a) || memberAt(a) - memberAt(b));
  return ranked.slice(0, Math.ceil(ranked.length / 4)).flatMap((i) => {
    const lastDay = quiet.get(memberAt(i));
    return lastDay === undefined
      ? []
      : [{ member: memberAt(i), contributions: contributionsAt(i), lastDay }];
  });
}

/**
 * Non-staff members of the scope at `to` with no active row in the window: not in its stored
 * part (`rollup_recent_members`, active members only) nor on its last day.
 */
async function dormantAtEnd(db: Db, scope: Scope, staff: number[], to: number, toDay: number) {
  const r = await sql<{ n: number }>`
    select count(*) as n from (
      select distinct member_id from rollup_memberships
      where ${scopeIs(scope)} and ${atEnd(to)} ${notStaff(staff)}) as m
    where not exists (
        select 1 from rollup_recent_members r
        where ${scopeIs(scope, 'r.')} and r.to_day = ${toDay} and r.member_id = m.member_id)
      and not exists (
        select 1 from rollup_member_days d
        where ${scopeIs(scope, 'd.')} and d.day = ${toDay - 1} and d.member_id = m.member_id
          and ${isActive('d')})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Members and their rungs, side by side (a large community has a hundred thousand). */
export interface Rungs {
  member: number[];
  rung: number[];
}

/**
 * The period's rungs of non-staff members: for a community's or the instance's cockpit over 30,
 * 90 or 365 days, those stored with the window ending on `toDay` raised by its last day's, read
 * live; otherwise (a group, a custom period) from the member rows.
 */
async function periodRungs(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  staff: number[],
  fromDay: number,
  toDay: number,
): Promise<Rungs> {
  const length = RUNG_PERIODS.find((n) => n === toDay - fromDay);
  if (length === undefined || scope.groupId !== 0)
    return rungsOver(db, dialect, scope, staff, decompose(fromDay, toDay));
  const column = sql.ref(`rung${length}`);
  const [stored, live] = await Promise.all([
    selectColumns(
      db,
      dialect,
      sql<{ member: number; rung: number }>`
        select member_id as member, ${column} as rung from rollup_recent_rungs
        where ${scopeIs(scope)} and to_day = ${toDay} and ${column} > 0 ${notStaff(staff)}`,
      ['member', 'rung'],
    ),
    selectColumns(
      db,
      dialect,
      sql<{ member: number; rung: number }>`
        select d.member_id as member, ${rungOf('d')} as rung from rollup_member_days as d
        where ${scopeIs(scope, 'd.')} and d.day = ${toDay - 1} and ${isActive('d')}
          ${notStaff(staff, 'd.member_id')}`,
      ['member', 'rung'],
    ),
  ]);
  const lastDay = new Map<number, number>();
  for (let i = 0; i < live.count; i++)
    lastDay.set(Number(live.columns.member[i]), Number(live.columns.rung[i]));
  // The stored columns become the period's, raised by the last day's.
  const member = asNumbers(stored.columns.member);
  const rung = asNumbers(stored.columns.rung);
  for (let i = 0; i < stored.count; i++) {
    const today = lastDay.get(member[i] ?? 0);
    if (today === undefined) continue;
    lastDay.delete(member[i] ?? 0);
    rung[i] = Math.max(rung[i] ?? 0, today);
  }
  for (const [m, r] of lastDay) {
    member.push(m);
    rung.push(r);
  }
  return { member, rung };
}

/** Each non-staff member's highest rung over some pieces: 1 reached, 2 interacting, 3 engaged. */
async function rungsOver(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  staff: number[],
  pieces: Piece[],
): Promise<Rungs> {
  const { columns } = await selectColumns(
    db,
    dialect,
    sql<{ member: number; rung: number }>`
      select u.member_id as member,
        case when sum(u.commitments) > 0 then 3
          when sum(u.contributions) > 0 or sum(u.reactions) > 0 then 2 else 1 end as rung
      from (${memberRows(scope, pieces)}) as u
      where 1 = 1 ${notStaff(staff, 'u.member_id')}
      group by u.member_id`,
    ['member', 'rung'],
  );
  return { member: asNumbers(columns.member), rung: asNumbers(columns.rung) };
}

/** Days are unlinkable (a new salt each day): a reader back on another day counts again. */
async function anonymousVisitorsOver(
  db: Db,
  scope: Scope,
  fromDay: number,
  toDay: number,
): Promise<number> {
  const row = await db
    .selectFrom('rollup_anonymous_days')
    .select((eb) => eb.fn.sum<number | null>('visitors').as('n'))
    .where('community_id', '=', scope.communityId)
    .where('group_id', '=', scope.groupId)
    .where('day', '>=', fromDay)
    .where('day', '<', toDay)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function countActive(
  db: Db,
  scope: Scope,
  staff: number[],
  fromDay: number,
  toDay: number,
): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(distinct u.member_id) as n
    from (${memberRows(scope, decompose(fromDay, toDay))}) as u
    where 1 = 1 ${notStaff(staff, 'u.member_id')}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Active members per day, ISO week and month of the period. Whole buckets come counted from
 * rollup_buckets, less the staff in them; weeks and months cut by the period's edges are counted
 * on the spot over the days inside.
 */
async function activeSeries(db: Db, scope: Scope, staff: number[], fromDay: number, toDay: number) {
  const counted = async (grain: 'day' | 'week' | 'month', first: number, end: number) => {
    if (first >= end) return new Map<number, number>();
    const all = await db
      .selectFrom('rollup_buckets')
      .select(['bucket', 'active'])
      .where('community_id', '=', scope.communityId)
      .where('group_id', '=', scope.groupId)
      .where('grain', '=', grain)
      .where('bucket', '>=', first)
      .where('bucket', '<', end)
      .execute();
    const counts = new Map(all.map((b) => [b.bucket, b.active]));
    if (staff.length) {
      const ofStaff = await sql<{ bucket: number; n: number }>`
        select ${sql.ref(grain)} as bucket, count(*) as n
        from ${sql.table(`rollup_member_${grain}s`)}
        where ${scopeIs(scope)} and ${sql.ref(grain)} in (${sql.join(bucketsIn(grain, first, end))})
          and member_id in (${sql.join(staff)})
          and ${isActive()}
        group by ${sql.ref(grain)}`.execute(db);
      for (const s of ofStaff.rows)
        counts.set(Number(s.bucket), (counts.get(Number(s.bucket)) ?? 0) - Number(s.n));
    }
    return counts;
  };
  const live = (a: number, b: number) => countActive(db, scope, staff, a, b);

  // The three grains side by side, and the cut buckets' live counts with them.
  const firstWeek = weekOf(fromDay);
  const firstMonth = monthOf(fromDay);
  const weekStarts: number[] = [];
  for (let w = firstWeek; w < toDay; w += 7) weekStarts.push(w);
  const monthStarts: number[] = [];
  for (let m = firstMonth; m < toDay; m = nextMonth(m)) monthStarts.push(m);
  const [days, weeks, months, weekCounts, monthCounts] = await Promise.all([
    counted('day', fromDay, toDay),
    counted('week', firstWeek === fromDay ? fromDay : firstWeek + 7, weekOf(toDay)),
    counted('month', firstMonth === fromDay ? fromDay : nextMonth(firstMonth), monthOf(toDay)),
    Promise.all(
      weekStarts.map((w) =>
        w >= fromDay && w + 7 <= toDay
          ? Promise.resolve(undefined)
          : live(Math.max(w, fromDay), Math.min(w + 7, toDay)),
      ),
    ),
    Promise.all(
      monthStarts.map((m) =>
        m >= fromDay && nextMonth(m) <= toDay
          ? Promise.resolve(undefined)
          : live(Math.max(m, fromDay), Math.min(nextMonth(m), toDay)),
      ),
    ),
  ]);
  const daily: Series[] = [];
  for (let d = fromDay; d < toDay; d++) daily.push({ start: d, active: days.get(d) ?? 0 });
  // Every week and month of the period, a silent one too: a chart must show the gap.
  const weekly = weekStarts.map((w, i) => ({
    start: w,
    active: weekCounts[i] ?? weeks.get(w) ?? 0,
  }));
  const monthly = monthStarts.map((m, i) => ({
    start: m,
    active: monthCounts[i] ?? months.get(m) ?? 0,
  }));
  return { daily, weekly, monthly };
}

/**
 * Each month of the period against the month before: counted moves from rollup_buckets less
 * the staff's own moves; a last month cut by `to` is compared on the spot.
 */
async function monthlyMoves(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  staff: number[],
  fromDay: number,
  toDay: number,
): Promise<Moves[]> {
  const months: number[] = [];
  for (let m = monthOf(fromDay); m < toDay; m = nextMonth(m)) months.push(m);
  const stored = await db
    .selectFrom('rollup_buckets')
    .select(['bucket', 'up', 'held', 'down', 'gone'])
    .where('community_id', '=', scope.communityId)
    .where('group_id', '=', scope.groupId)
    .where('grain', '=', 'month')
    .where('bucket', 'in', months.length ? months : [-1])
    .execute();
  const byMonth = new Map(stored.map((b) => [b.bucket, b]));
  const s = { community_id: scope.communityId, group_id: scope.groupId };
  return Promise.all(
    months.map(async (month): Promise<Moves> => {
      if (nextMonth(month) > toDay)
        return { month, ...(await cutMonthMoves(db, dialect, scope, staff, month, toDay)) };
      const b = byMonth.get(month);
      const [total, ofStaff] = await Promise.all([
        // No one active that month, or never counted (`gone` before its migration): count it now.
        b && b.gone !== null
          ? { up: b.up ?? 0, held: b.held ?? 0, down: b.down ?? 0, gone: b.gone }
          : monthMoves(db, s, previousMonth(month), month),
        staff.length
          ? monthMoves(db, s, previousMonth(month), month, { only: staff })
          : { up: 0, held: 0, down: 0, gone: 0 },
      ]);
      return {
        month,
        up: total.up - ofStaff.up,
        held: total.held - ofStaff.held,
        down: total.down - ofStaff.down,
        gone: total.gone - ofStaff.gone,
      };
    }),
  );
}

/**
 * Moves into a month that `to` cuts short: its days so far against the whole month before.
 * Demotion waits for the month's end (Orbit): a member below last month's rung so far holds it,
 * so the month shows no one down yet.
 */
async function cutMonthMoves(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  staff: number[],
  month: number,
  toDay: number,
) {
  const byMember = ({ member, rung }: Rungs) => new Map(member.map((m, i) => [m, rung[i] ?? 0]));
  const before = byMember(
    await rungsOver(db, dialect, scope, staff, [
      { grain: 'month', from: previousMonth(month), to: month },
    ]),
  );
  const now = byMember(await rungsOver(db, dialect, scope, staff, decompose(month, toDay, 'week')));
  // Every member listed has a rung (1 or more) in the month they are listed for.
  let up = 0;
  let held = 0;
  for (const [id, rung] of now) {
    if (rung > (before.get(id) ?? 0)) up++;
    else held++;
  }
  for (const id of before.keys()) if (!now.has(id)) held++;
  // Who is gone is known when the month ends.
  return { up, held, down: 0, gone: null };
}

async function contributionsOver(
  db: Db,
  scope: Scope,
  staff: number[],
  fromDay: number,
  toDay: number,
) {
  const all = await db
    .selectFrom('rollup_buckets')
    .select((eb) => eb.fn.sum<number>('contributions').as('n'))
    .where('community_id', '=', scope.communityId)
    .where('group_id', '=', scope.groupId)
    .where('grain', '=', 'day')
    .where('bucket', '>=', fromDay)
    .where('bucket', '<', toDay)
    .executeTakeFirst();
  const contributions = Number(all?.n ?? 0);
  if (!staff.length) return { contributions, byMembers: contributions };
  const ofStaff = await sql<{ n: number }>`
    select sum(contributions) as n from rollup_member_days
    where ${scopeIs(scope)} and day in (${sql.join(bucketsIn('day', fromDay, toDay))})
      and member_id in (${sql.join(staff)})`.execute(db);
  return { contributions, byMembers: contributions - Number(ofStaff.rows[0]?.n ?? 0) };
}

/** Non-staff contributors over [fromDay, toDay), by group id: the scope's, and a community's groups'. */
async function contributorsOver(
  db: Db,
  scope: Scope,
  staff: number[],
  fromDay: number,
  toDay: number,
): Promise<Map<number, number>> {
  const r = await sql<{ g: number; n: number }>`
    select group_id as g, count(distinct member_id) as n from rollup_member_days
    where community_id = ${scope.communityId}
      ${scope.groupId !== 0 ? sql`and group_id = ${scope.groupId}` : sql``}
      and day >= ${fromDay} and day < ${toDay} and contributions > 0 ${notStaff(staff)}
    group by group_id`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.g), Number(x.n)]));
}

/**
 * The groups of a community with a member active in the stored window or on its last day: those
 * whose recent activity is not all zero.
 */
async function groupsInWindow(db: Db, communityId: number, toDay: number): Promise<number[]> {
  const r = await sql<{ g: number }>`
    select group_id as g from rollup_recent_groups
    where community_id = ${communityId} and to_day = ${toDay}
    union
    select group_id as g from rollup_buckets
    where community_id = ${communityId} and group_id > 0 and grain = 'day'
      and bucket = ${toDay - 1}
    order by g`.execute(db);
  // In order: the groups over the split threshold are listed in it.
  return r.rows.map((x) => Number(x.g));
}

/**
 * Per group of a community: contributions and active members, last 30 days and the 30 before.
 * Groups with none are left out (the cockpit shows them as zeros).
 */
async function groupsRecent(
  db: Db,
  communityId: number,
  staff: number[],
  toDay: number,
): Promise<Map<number, Recent>> {
  return scopesRecent(db, communityId, staff, toDay, await groupsInWindow(db, communityId, toDay));
}

/**
 * A community's lifecycle facts alone (the instance cockpit's list of communities): its last
 * 30 days against the 30 before, and each group's, read as its own cockpit reads them.
 */
export async function loadLifecycleFacts(
  s: Store,
  communityId: number,
  to: number,
  staffSet: Set<number>,
): Promise<{ recent: Recent; groups: Map<number, Recent> }> {
  const toDay = dayOf(to);
  await ensureRecentWindow(s, communityId, toDay);
  const staff = [...staffSet];
  const [own, groups] = await Promise.all([
    scopesRecent(s.reads, communityId, staff, toDay, [0]),
    groupsRecent(s.reads, communityId, staff, toDay),
  ]);
  return {
    recent: own.get(0) ?? noRecent,
    groups,
  };
}

/**
 * The same facts as `recent` for scopes of one community: `ids` are its groups, or [0] for the
 * community itself (whose stored totals are summed from its member rows).
 */
async function scopesRecent(
  db: Db,
  communityId: number,
  staff: number[],
  toDay: number,
  ids: number[],
): Promise<Map<number, Recent>> {
  if (ids.length === 0) return new Map();
  const inGroups = (alias = '') =>
    sql`${sql.ref(`${alias}community_id`)} = ${communityId}
      and ${sql.ref(`${alias}group_id`)} in (${sql.join(ids)})`;
  const byGroup = (rows: { g: number; n: number }[]) =>
    new Map(rows.map((r) => [Number(r.g), Number(r.n)]));
  const none = Promise.resolve({ rows: [] });
  const [totals, staffTotals, stored, staffStored, lastDay] = await Promise.all([
    sql<{ g: number; n: number }>`
      select group_id as g, sum(contributions) as n from rollup_buckets
      where ${inGroups()} and grain = 'day' and bucket >= ${toDay - 30} and bucket < ${toDay}
      group by group_id`.execute(db),
    staff.length
      ? sql<{ g: number; n: number }>`
          select group_id as g, sum(contributions) as n from rollup_member_days
          where ${inGroups()} and day in (${sql.join(bucketsIn('day', toDay - 30, toDay))})
            and member_id in (${sql.join(staff)})
          group by group_id`.execute(db)
      : none,
    // Active members per group in the last 30 days and the 30 before: the stored window's,
    // less its staff, plus those active on the last day only.
    ids.includes(0)
      ? sql<{ g: number; now: number; before: number }>`
          select 0 as g, sum(active30) as now, sum(active60) as before from rollup_recent_members
          where community_id = ${communityId} and group_id = 0 and to_day = ${toDay}`.execute(db)
      : sql<{ g: number; now: number; before: number }>`
          select group_id as g, active30 as now, active60 as before from rollup_recent_groups
          where community_id = ${communityId} and to_day = ${toDay}`.execute(db),
    staff.length
      ? sql<{ g: number; now: number; before: number }>`
          select group_id as g, sum(active30) as now, sum(active60) as before
          from rollup_recent_members
          where ${inGroups()} and to_day = ${toDay} and member_id in (${sql.join(staff)})
          group by group_id`.execute(db)
      : none,
    sql<{ g: number; n: number }>`
      select d.group_id as g, count(*) as n from rollup_member_days d
      left join rollup_recent_members s on s.community_id = d.community_id
        and s.group_id = d.group_id and s.to_day = ${toDay} and s.member_id = d.member_id
      where ${inGroups('d.')} and d.day = ${toDay - 1} and ${isActive('d')}
        and coalesce(s.active30, 0) = 0 ${notStaff(staff, 'd.member_id')}
      group by d.group_id`.execute(db),
  ]);
  const contributions = byGroup(totals.rows);
  const ofStaff = byGroup(staffTotals.rows);
  const joined = byGroup(lastDay.rows);
  const windowOf = (rows: { g: number; now: number; before: number }[]) =>
    new Map(rows.map((x) => [Number(x.g), { now: Number(x.now), before: Number(x.before) }]));
  const window = windowOf(stored.rows);
  const staffWindow = windowOf(staffStored.rows);
  const groups = new Map<number, Recent>();
  for (const g of ids) {
    const all = contributions.get(g) ?? 0;
    const w = window.get(g) ?? { now: 0, before: 0 };
    const sw = staffWindow.get(g) ?? { now: 0, before: 0 };
    groups.set(g, {
      contributions: all,
      byMembers: all - (ofStaff.get(g) ?? 0),
      active: w.now - sw.now + (joined.get(g) ?? 0),
      activeBefore: w.before - sw.before,
    });
  }
  return groups;
}

/** New members of the period, counted per day of their first join and added up by month. */
async function growthOver(
  db: Db,
  scope: Scope,
  staff: number[],
  from: number,
  to: number,
): Promise<Map<number, number>> {
  const r = await sql<{ day: number; n: number }>`
    select j.first / ${sql.lit(DAY)} as day, count(*) as n from (
      select member_id, min(joined_at) as first from rollup_memberships
      where ${scopeIs(scope)} ${notStaff(staff)}
      group by member_id) as j
    where j.first >= ${from} and j.first < ${to}
    group by j.first / ${sql.lit(DAY)}`.execute(db);
  const growthByMonth = new Map<number, number>();
  for (const row of r.rows) {
    const month = monthOf(Number(row.day));
    growthByMonth.set(month, (growthByMonth.get(month) ?? 0) + Number(row.n));
  }
  return growthByMonth;
}
