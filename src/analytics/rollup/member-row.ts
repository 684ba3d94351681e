import { sql, type RawBuilder } from 'kysely';

/** A member row counts as active with a contribution, a reaction or a visit (`t`: its table alias). */
export const isActive = (t?: string): RawBuilder<boolean> => {
  const col = (c: string) => sql.ref(t ? `${t}.${c}` : c);
  return sql`(${col('contributions')} > 0 or ${col('reactions')} > 0 or ${col('visits')} > 0)`;
};

/** A member row's rung on seed 000's ladder: 3 engaged, 2 interacting, 1 reached, 0 nothing. */
export const rungOf = (t: string): RawBuilder<number> =>
  sql`(case when ${sql.ref(`${t}.commitments`)} > 0 then 3 when ${sql.ref(`${t}.contributions`)} > 0 or ${sql.ref(`${t}.reactions`)} > 0 then 2 when ${sql.ref(`${t}.visits`)} > 0 then 1 else 0 end)`;
