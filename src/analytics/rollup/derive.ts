import { sql } from 'kysely';
import { emptyTables, type Db, type Dialect } from '../../db/index.js';
import { monthOf, nextMonth } from './scopes.js';

const sums = sql`sum(contributions), sum(reactions), sum(visits), sum(commitments)`;
const columns = (grain: 'week' | 'month') =>
  sql.raw(
    `community_id, group_id, ${grain}, member_id, contributions, reactions, visits, commitments`,
  );

/**
 * Fills the week and month member rows from the day rows, one grouped insert each: a rebuild
 * counts days only, which halves the rows it writes batch by batch. A week or month row is the
 * sum of its days, as the incremental fold keeps it.
 */
export async function deriveWeeksAndMonths(trx: Db, dialect: Dialect): Promise<void> {
  // Grouping and sorting millions of day rows: in memory rather than in temporary files.
  if (dialect === 'postgres') await sql`set local work_mem = '256MB'`.execute(trx);
  await emptyTables(trx, dialect, ['rollup_member_weeks', 'rollup_member_months']);
  const range = await trx
    .selectFrom('rollup_member_days')
    .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
    .executeTakeFirst();
  if (range?.first === null || range?.first === undefined) return;
  const first = Number(range.first);
  const last = Number(range.last);

  await sql`insert into rollup_member_weeks (${columns('week')})
    select community_id, group_id, day - ((day + 3) % 7), member_id, ${sums}
    from rollup_member_days group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(trx);

  // Months are not a fixed number of days: the day ranges come from the calendar here.
  const starts: number[] = [];
  for (let m = monthOf(first); m <= last; m = nextMonth(m)) starts.push(m);
  const monthOfDay =
    starts.length === 1
      ? sql.lit(starts[0])
      : sql`case ${sql.join(
          starts
            .slice(1)
            .map((next, i) => sql`when day < ${sql.lit(next)} then ${sql.lit(starts[i])}`),
          sql` `,
        )} else ${sql.lit(starts.at(-1))} end`;
  await sql`insert into rollup_member_months (${columns('month')})
    select community_id, group_id, ${monthOfDay}, member_id, ${sums}
    from rollup_member_days group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(trx);

  for (const grain of ['week', 'month'] as const)
    await sql`insert into rollup_dirty (community_id, group_id, grain, bucket)
      select distinct community_id, group_id, ${sql.lit(grain)}, ${sql.ref(grain)}
      from ${sql.table(`rollup_member_${grain}s`)} where true
      on conflict do nothing`.execute(trx);
}
