import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

const DAY = 86_400_000;

/**
 * System accounts (`users.is_system`): an imported site's bot and the account standing for its
 * deleted authors. They write, but are nobody's fellow members: the cockpit leaves them out as it
 * leaves out staff. Those of earlier Stack Exchange imports are found through import_map.
 *
 * On SQLite, newcomers' returns (`kept30`, `kept90`) are worked out again: the fold compared
 * exact times there, not whole UTC days (a bound number is a real in SQLite).
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('is_system', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update users set is_system = 1 where id in (
      select target_id from import_map
      where kind = 'deleted_user'
        or (kind = 'user' and source_id = -1 and source like 'stackexchange:%'))`.execute(db);
  if (dialect !== 'sqlite') return;
  const day = sql.lit(DAY);
  const cameBack = (a: number, b: number) => sql`case when exists (
      select 1 from rollup_posts q
      where q.author_id = rollup_first_posts.member_id and q.deleted = 0
        and (rollup_first_posts.community_id = 0 or q.community_id = rollup_first_posts.community_id)
        and (rollup_first_posts.group_id = 0 or q.group_id = rollup_first_posts.group_id)
        and q.created_at >= (rollup_first_posts.created_at / ${day} + ${sql.lit(a)}) * ${day}
        and q.created_at < (rollup_first_posts.created_at / ${day} + ${sql.lit(b + 1)}) * ${day}
    ) then 1 else 0 end`;
  await sql`update rollup_first_posts
    set kept30 = ${cameBack(7, 30)}, kept90 = ${cameBack(30, 90)}`.execute(db);
}
