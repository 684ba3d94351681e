import { sql } from 'kysely';
import type { Database, Db, Dialect } from '../../db/index.js';
import { dropStaleWindows } from './recent.js';
import { isActive, rungOf } from './member-row.js';
import { nextMonth, previousMonth } from './scopes.js';

type Dirty = Database['rollup_dirty'];

/**
 * Recounts every bucket whose member rows changed: active members and contributions per day,
 * week and month, and for months the moves up, held and down the ladder from the month before
 * (a changed month also changes the moves of the month after it).
 */
export async function settleBuckets(trx: Db, dialect: Dialect): Promise<number> {
  const dirty = await trx.selectFrom('rollup_dirty').selectAll().execute();
  if (dirty.length === 0) return 0;
  // After a rebuild PostgreSQL has no statistics on the freshly filled tables and would plan
  // the month-to-month joins as scans: 20 s a query on 10 M events instead of milliseconds.
  if (dialect === 'postgres' && dirty.length > 1000)
    await sql`analyze rollup_member_days, rollup_member_weeks, rollup_member_months, rollup_memberships, rollup_posts, rollup_first_posts`.execute(
      trx,
    );
  const groups = new Map<string, Dirty[]>();
  for (const d of dirty) {
    const key = `${d.grain}|${d.community_id}|${d.group_id}`;
    const list = groups.get(key) ?? [];
    list.push(d);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    for (let i = 0; i < list.length; i += 500)
      await recount(
        trx,
        first,
        list.slice(i, i + 500).map((d) => d.bucket),
      );
    if (first.grain === 'month') {
      const months = new Set(list.flatMap((d) => [d.bucket, nextMonth(d.bucket)]));
      for (const month of months) await countMoves(trx, first, month);
    }
  }
  await dropStaleWindows(
    trx,
    dirty.filter((d) => d.grain === 'day'),
  );
  await trx.deleteFrom('rollup_dirty').execute();
  return dirty.length;
}

async function recount(trx: Db, scope: Dirty, buckets: number[]): Promise<void> {
  await trx
    .deleteFrom('rollup_buckets')
    .where('community_id', '=', scope.community_id)
    .where('group_id', '=', scope.group_id)
    .where('grain', '=', scope.grain)
    .where('bucket', 'in', buckets)
    .execute();
  const table = sql.table(`rollup_member_${scope.grain}s`);
  const column = sql.ref(`m.${scope.grain}`);
  await sql`
    insert into rollup_buckets (community_id, group_id, grain, bucket, active, contributions)
    select ${scope.community_id}, ${scope.group_id}, ${scope.grain}, ${column}, count(*), sum(m.contributions)
    from ${table} as m
    where m.community_id = ${scope.community_id} and m.group_id = ${scope.group_id}
      and ${column} in (${sql.join(buckets)}) and ${isActive('m')}
    group by ${column}`.execute(trx);
}

/** Rung moves into `month` from the month before it, for everyone in the scope (staff too). */
async function countMoves(trx: Db, scope: Dirty, month: number): Promise<void> {
  const moves = await monthMoves(trx, scope, previousMonth(month), month);
  // A month no one was active in still has its moves down.
  await trx
    .insertInto('rollup_buckets')
    .values({
      community_id: scope.community_id,
      group_id: scope.group_id,
      grain: 'month',
      bucket: month,
      active: 0,
      contributions: 0,
      ...moves,
    })
    .onConflict((oc) =>
      oc.columns(['community_id', 'group_id', 'grain', 'bucket']).doUpdateSet(moves),
    )
    .execute();
}

/**
 * Up, held and down between two months of member rows, for everyone or `only` some members;
 * `gone`, those active in the month before and not in this one, are among the down.
 */
export async function monthMoves(
  trx: Db,
  scope: { community_id: number; group_id: number },
  before: number,
  month: number,
  opts: { only?: number[] } = {},
) {
  const only = opts.only;
  if (only?.length === 0) return { up: 0, held: 0, down: 0, gone: 0 };
  const notExcluded = (t: string) =>
    only ? sql`and ${sql.ref(`${t}.member_id`)} in (${sql.join(only)})` : sql``;
  const into = await sql<{ up: number | null; held: number | null; down: number | null }>`
    select
      sum(case when ${rungOf('c')} > coalesce(${rungOf('p')}, 0) then 1 else 0 end) as up,
      sum(case when ${rungOf('c')} = ${rungOf('p')} then 1 else 0 end) as held,
      sum(case when ${rungOf('c')} < ${rungOf('p')} then 1 else 0 end) as down
    from rollup_member_months as c
    left join rollup_member_months as p
      on p.community_id = c.community_id and p.group_id = c.group_id
      and p.month = ${before} and p.member_id = c.member_id
    where c.community_id = ${scope.community_id} and c.group_id = ${scope.group_id}
      and c.month = ${month} and ${isActive('c')} ${notExcluded('c')}`.execute(trx);
  const left = (
    await sql<{ n: number }>`
          select count(*) as n from rollup_member_months as p
          where p.community_id = ${scope.community_id} and p.group_id = ${scope.group_id}
            and p.month = ${before} and ${isActive('p')} ${notExcluded('p')}
            and not exists (
              select 1 from rollup_member_months as c
              where c.community_id = p.community_id and c.group_id = p.group_id
                and c.month = ${month} and c.member_id = p.member_id and ${isActive('c')})`.execute(
      trx,
    )
  ).rows[0];
  const row = into.rows[0];
  const gone = Number(left?.n ?? 0);
  return {
    up: Number(row?.up ?? 0),
    held: Number(row?.held ?? 0),
    down: Number(row?.down ?? 0) + gone,
    gone,
  };
}
