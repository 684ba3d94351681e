import { sql } from 'kysely';
import { now, vacuumTables, type Db, type Store } from '../../db/index.js';
import { decompose, memberRows, tagged } from '../ranges.js';
import { holdCursor } from './cursor.js';
import { rungOf } from './member-row.js';

/**
 * The trailing 90 days per member, stored for each day a window ends on. Every cockpit reads
 * the same member figures over the last 90 days (circles, concentration, active members, the
 * quiet core, each group's recent activity); grouping them from the member rows costs seconds on
 * a large community, while the days before the last one do not change any more. So the days
 * [to - 90, to - 1) are grouped once per window end and stored; the cockpit adds the last day,
 * read live, which keeps a window ending tomorrow exact while today's activity comes in.
 * A change to a stored day (a late or imported action, a deleted old post) drops the windows
 * that cover it (`dropStaleWindows`, at each settling), and the next cockpit stores them again.
 */
export const RECENT_DAYS = 90;

/** The period lengths whose rungs are stored with each window (`rollup_recent_rungs`). */
export const RUNG_PERIODS = [30, 90, 365] as const;
const LONGEST = 365;

/**
 * Ranges of the days whose rungs are stored, tagged: 0 [-365, -90), 1 [-90, -30), 2 [-30, -1)
 * from the window's end.
 */
function rungPieces(toDay: number) {
  return tagged([
    decompose(toDay - LONGEST, toDay - 90),
    decompose(toDay - 90, toDay - 30),
    decompose(toDay - 30, toDay - 1),
  ]);
}

/**
 * Ranges of the stored days, tagged: 0 [-90, -60), 1 [-60, -30), 2 [-30, -28), 3 [-28, -7),
 * 4 [-7, -1) from the window's end.
 */
function storedPieces(toDay: number) {
  return tagged([
    decompose(toDay - RECENT_DAYS, toDay - 60, 'week'),
    decompose(toDay - 60, toDay - 30, 'week'),
    decompose(toDay - 30, toDay - 28, 'week'),
    decompose(toDay - 28, toDay - 7, 'week'),
    decompose(toDay - 7, toDay - 1, 'week'),
  ]);
}

/** What a stored window is made of, beside its row in `rollup_recent_windows`. */
const WINDOW_TABLES = [
  'rollup_recent_members',
  'rollup_recent_rungs',
  'rollup_recent_groups',
] as const;

/** The groups of a community with any member row: those a cockpit lists. */
export async function groupsWithActivity(db: Db, communityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('rollup_buckets')
    .select('group_id')
    .distinct()
    .where('community_id', '=', communityId)
    .where('group_id', '<>', 0)
    .where('grain', '=', 'month')
    .execute();
  return rows.map((r) => r.group_id);
}

const columns = sql.raw(
  'community_id, group_id, to_day, member_id, contributions, reactions, visits, weeks, last_week, active30, active60, spoke21, spoke7, last_spoke',
);

/**
 * Stores the window of a community (with each of its groups) or of the instance (0) ending on
 * `toDay`, unless it is there. Holds the roll-ups' cursor row meanwhile, so no fold can change
 * the days being grouped before their window is stored (and dropped again if they change).
 */
export async function ensureRecentWindow(
  s: Store,
  communityId: number,
  toDay: number,
): Promise<void> {
  const stored = () =>
    s.db
      .selectFrom('rollup_recent_windows')
      .select('to_day')
      .where('community_id', '=', communityId)
      .where('to_day', '=', toDay)
      .executeTakeFirst();
  if (await stored()) return;
  const built = await s.db.transaction().execute(async (trx) => {
    await holdCursor(trx);
    const claimed = await trx
      .insertInto('rollup_recent_windows')
      .values({ community_id: communityId, to_day: toDay, built_at: now() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    const scope = { communityId, groupId: 0 };
    const groupsOf = communityId === 0 ? [] : await groupsWithActivity(trx, communityId);
    // Rungs of the community (or instance) only: its groups' would be most of the rows, for
    // cockpits opened far less often, which group their own rows instead.
    await sql`insert into rollup_recent_rungs
          (community_id, group_id, to_day, member_id, rung30, rung90, rung365)
        select ${sql.lit(communityId)}, u.group_id, ${sql.lit(toDay)}, u.member_id,
          max(case when u.tag = 2 then ${rungOf('u')} else 0 end),
          max(case when u.tag >= 1 then ${rungOf('u')} else 0 end),
          max(${rungOf('u')})
        from (${memberRows(scope, rungPieces(toDay))}) as u
        group by u.group_id, u.member_id`.execute(trx);
    const pieces = storedPieces(toDay);
    const scopes = [
      { rows: memberRows(scope, pieces), groups: [0] },
      ...(groupsOf.length ? [{ rows: memberRows(scope, pieces, groupsOf), groups: groupsOf }] : []),
    ];
    for (const { rows, groups } of scopes)
      await sql`insert into rollup_recent_members (${columns})
        select m.*, l.day from (
          select ${sql.lit(communityId)} as community_id, u.group_id, ${sql.lit(toDay)} as to_day,
            u.member_id, sum(u.contributions) as contributions, sum(u.reactions) as reactions,
            sum(u.visits) as visits,
            count(distinct case when u.contributions > 0 then u.wk end) as weeks,
            max(case when u.contributions > 0 then u.wk end) as last_week,
            max(case when u.tag >= 2 then 1 else 0 end) as active30,
            max(case when u.tag = 1 then 1 else 0 end) as active60,
            max(case when u.tag = 3 and u.contributions > 0 then 1 else 0 end) as spoke21,
            max(case when u.tag = 4 and u.contributions > 0 then 1 else 0 end) as spoke7
          from (${rows}) as u
          group by u.group_id, u.member_id) as m
        -- The last day each member contributed in [-28, -7): only day rows tell it.
        left join (
          select group_id, member_id, max(day) as day from rollup_member_days
          where community_id = ${communityId} and group_id in (${sql.join(groups)})
            and day >= ${toDay - 28} and day < ${toDay - 7} and contributions > 0
          group by group_id, member_id) as l
        on l.group_id = m.group_id and l.member_id = m.member_id`.execute(trx);
    await sql`insert into rollup_recent_groups (community_id, to_day, group_id, active30, active60)
      select community_id, to_day, group_id, sum(active30), sum(active60)
      from rollup_recent_members
      where community_id = ${communityId} and to_day = ${toDay} and group_id <> 0
      group by community_id, to_day, group_id`.execute(trx);
    return true;
  });
  // A window adds hundreds of thousands of rows at once: without statistics PostgreSQL would
  // plan the dormant count's anti-join as a scan per member (minutes instead of 0.2 s), and
  // until they are vacuumed every cockpit's reads check each new row's transaction and visit
  // the table where the index would do.
  if (built) await vacuumTables(s.db, s.dialect, WINDOW_TABLES);
}

/** Windows kept this long after they were stored; older ones are only read for custom periods. */
const KEEP_MS = 3 * 86_400_000;

/**
 * Drops the stored windows covering days whose member rows changed (the dirty day buckets of a
 * settling), and those stored more than three days ago. Runs in the settling's transaction.
 */
export async function dropStaleWindows(
  trx: Db,
  changed: { community_id: number; bucket: number }[],
): Promise<void> {
  const days = new Map<number, number[]>();
  for (const d of changed) {
    const list = days.get(d.community_id) ?? [];
    list.push(d.bucket);
    days.set(d.community_id, list);
  }
  const stale: { community_id: number; to_day: number }[] = [];
  const old = now() - KEEP_MS;
  for (const w of await trx.selectFrom('rollup_recent_windows').selectAll().execute()) {
    // A window ending on T stores the days [T - 365, T - 1): rungs for all, the rest for 90.
    const covers = (days.get(w.community_id) ?? []).some(
      (d) => d >= w.to_day - LONGEST && d < w.to_day - 1,
    );
    if (covers || w.built_at < old) stale.push(w);
  }
  for (const w of stale) {
    for (const table of [...WINDOW_TABLES, 'rollup_recent_windows'] as const)
      await trx
        .deleteFrom(table)
        .where('community_id', '=', w.community_id)
        .where('to_day', '=', w.to_day)
        .execute();
  }
}

/**
 * Stores the windows ending tomorrow (the default period's end) of the communities whose
 * cockpit was opened in the last days: run by the server after each fold, so the first cockpit
 * of a day does not wait for its window.
 */
export async function prepareTodaysWindows(s: Store, nowMs: number): Promise<void> {
  const tomorrow = Math.floor(nowMs / 86_400_000) + 1;
  const recent = await s.db
    .selectFrom('rollup_recent_windows')
    .select('community_id')
    .distinct()
    .where('to_day', '>=', tomorrow - 3)
    .execute();
  for (const { community_id } of recent) await ensureRecentWindow(s, community_id, tomorrow);
}
