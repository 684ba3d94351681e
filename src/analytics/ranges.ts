import { sql, type RawBuilder } from 'kysely';
import { monthOf, nextMonth, weekOf, type Grain, type Scope } from './rollup/scopes.js';
import { isActive } from './rollup/member-row.js';

/** A run of whole buckets of one grain: bucket values in [from, to). */
export interface Piece {
  grain: Grain;
  from: number;
  to: number;
  /** Carried into the rows as `tag`: one scan can then tell several ranges apart. */
  tag?: number;
}

/** Pieces of several ranges, each tagged with its index, for one scan over all of them. */
export function tagged(ranges: Piece[][]): Piece[] {
  return ranges.flatMap((pieces, tag) => pieces.map((p) => ({ ...p, tag })));
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
 * counts, `wk` (the Monday of the row's ISO week, for days and weeks; 0 for months), `day`
 * (for day rows; -1 otherwise) and the piece's `tag` (0 by default). Only active rows.
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
    const day = p.grain === 'day' ? sql`day` : sql`-1`;
    return sql`select member_id, group_id, contributions, reactions, visits, commitments, ${wk} as wk,
        ${day} as day, ${sql.lit(p.tag ?? 0)} as tag
      from ${sql.table(`rollup_member_${p.grain}s`)}
      where community_id = ${scope.communityId} and ${group}
        and ${sql.ref(p.grain)} >= ${p.from} and ${sql.ref(p.grain)} < ${p.to} and ${isActive()}`;
  });
  if (parts.length === 0)
    return sql`select 0 as member_id, 0 as group_id, 0 as contributions, 0 as reactions, 0 as visits, 0 as commitments, 0 as wk, 0 as day, 0 as tag where 1 = 0`;
  return sql.join(parts, sql` union all `);
}

/** `and member_id not in (…)` for the staff, or nothing. */
export function notStaff(staff: number[], column = 'member_id'): RawBuilder<unknown> {
  return staff.length ? sql`and ${sql.ref(column)} not in (${sql.join(staff)})` : sql``;
}

/** `community_id = … and group_id = …` for a scope, on the columns of `prefix` (e.g. `f.`). */
export const scopeIs = (scope: Scope, prefix = '') =>
  sql`${sql.ref(`${prefix}community_id`)} = ${scope.communityId} and ${sql.ref(`${prefix}group_id`)} = ${scope.groupId}`;
