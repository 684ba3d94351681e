import { sql, type RawBuilder } from 'kysely';
import { monthOf, nextMonth, weekOf, type Grain, type Scope } from './rollup/scopes.js';
import { isActive } from './rollup/settle.js';

/** A run of whole buckets of one grain: bucket values in [from, to). */
export interface Piece {
  grain: Grain;
  from: number;
  to: number;
}

/**
 * Days [fromDay, toDay) as the fewest member rows: whole months, then whole ISO weeks, then
 * single days at the edges. `coarsest` stops at weeks where months would not do (ISO weeks
 * counted per member).
 */
export function decompose(fromDay: number, toDay: number, coarsest: Grain = 'month'): Piece[] {
  if (fromDay >= toDay) return [];
  if (coarsest === 'month') {
    const first = monthOf(fromDay) === fromDay ? fromDay : nextMonth(monthOf(fromDay));
    const last = monthOf(toDay);
    if (first < last)
      return [
        ...decompose(fromDay, first, 'week'),
        { grain: 'month', from: first, to: last },
        ...decompose(last, toDay, 'week'),
      ];
  }
  if (coarsest !== 'day') {
    const first = weekOf(fromDay) === fromDay ? fromDay : weekOf(fromDay) + 7;
    const last = weekOf(toDay);
    if (first < last)
      return [
        ...decompose(fromDay, first, 'day'),
        { grain: 'week', from: first, to: last },
        ...decompose(last, toDay, 'day'),
      ];
  }
  return [{ grain: 'day', from: fromDay, to: toDay }];
}

/**
 * The member rows of a scope over some pieces, as one UNION ALL: member_id, group_id, the four
 * counts and `wk`, the Monday of the row's ISO week (for days and weeks). Only active rows.
 * With `groups`, the rows of those groups of the community instead of the scope's own.
 */
export function memberRows(scope: Scope, pieces: Piece[], groups?: number[]): RawBuilder<unknown> {
  const parts = pieces.map((p) => {
    const wk =
      p.grain === 'day' ? sql`day - ((day + 3) % 7)` : p.grain === 'week' ? sql`week` : sql`0`;
    // An IN list keeps to the primary key (one seek per group), where `<> 0` would scan.
    const group = groups
      ? sql`group_id in (${sql.join(groups.length ? groups : [-1])})`
      : sql`group_id = ${scope.groupId}`;
    return sql`select member_id, group_id, contributions, reactions, visits, commitments, ${wk} as wk
      from ${sql.table(`rollup_member_${p.grain}s`)}
      where community_id = ${scope.communityId} and ${group}
        and ${sql.ref(p.grain)} >= ${p.from} and ${sql.ref(p.grain)} < ${p.to} and ${isActive()}`;
  });
  if (parts.length === 0)
    return sql`select 0 as member_id, 0 as group_id, 0 as contributions, 0 as reactions, 0 as visits, 0 as commitments, 0 as wk where 1 = 0`;
  return sql.join(parts, sql` union all `);
}

/** `and member_id not in (…)` for the staff, or nothing. */
export function notStaff(staff: number[], column = 'member_id'): RawBuilder<unknown> {
  return staff.length ? sql`and ${sql.ref(column)} not in (${sql.join(staff)})` : sql``;
}
