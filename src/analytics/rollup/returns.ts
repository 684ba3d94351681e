import { sql, type RawBuilder } from 'kysely';
import { chunks, type Db } from '../../db/index.js';
import { DAY } from '../stats.js';

// Another live post by the member in the first post's scope, on the UTC days [first + a, first + b].
// Literals, not parameters: better-sqlite3 binds a JavaScript number as a real, and SQLite would
// then divide exactly instead of rounding down to the day (PostgreSQL does, on bigints).
const cameBack = (a: number, b: number): RawBuilder<number> => {
  const day = sql.lit(DAY);
  return sql`case when exists (
    select 1 from rollup_posts q
    where q.author_id = rollup_first_posts.member_id and q.deleted = 0
      and (rollup_first_posts.community_id = 0 or q.community_id = rollup_first_posts.community_id)
      and (rollup_first_posts.group_id = 0 or q.group_id = rollup_first_posts.group_id)
      and q.created_at >= (rollup_first_posts.created_at / ${day} + ${sql.lit(a)}) * ${day}
      and q.created_at < (rollup_first_posts.created_at / ${day} + ${sql.lit(b + 1)}) * ${day}
  ) then 1 else 0 end`;
};

/**
 * Works out again whether members came back after their first post in each scope (another live
 * post on days 7–30, 30–90 after it: the newcomers' retention), or every member's with 'all'.
 * Only a member's own posts change the answer, so a fold marks the authors it added a post for
 * or took one from, once their first posts are settled.
 */
export async function markReturns(trx: Db, members: Iterable<number> | 'all'): Promise<void> {
  const update = (where: RawBuilder<unknown>) =>
    sql`update rollup_first_posts set kept30 = ${cameBack(7, 30)}, kept90 = ${cameBack(30, 90)}
      ${where}`.execute(trx);
  if (members === 'all') {
    await update(sql``);
    return;
  }
  for (const part of chunks([...members]))
    await update(sql`where member_id in (${sql.join(part)})`);
}
