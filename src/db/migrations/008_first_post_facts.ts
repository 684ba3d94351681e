import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import type { AnyDb } from './helpers.js';

const DAY = 86_400_000;

/**
 * What the newcomers' figures need of each member's first post, on its first-post row: its
 * first reply and first reaction by someone else (copied from rollup_posts) and whether the
 * member came back (another post on days 7–30, 30–90). The fold keeps them
 * (src/analytics/rollup/first-responses.ts, returns.ts); every cockpit used to look them up.
 */
export async function up(db: AnyDb, _dialect: Dialect): Promise<void> {
  for (const column of [
    'first_reply_at',
    'first_reply_by',
    'first_reaction_at',
    'first_reaction_by',
  ])
    await db.schema.alterTable('rollup_first_posts').addColumn(column, 'bigint').execute();
  for (const column of ['kept30', 'kept90'])
    await db.schema
      .alterTable('rollup_first_posts')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  // Finding the first-post rows of the posts a fold changed.
  await db.schema
    .createIndex('rollup_first_posts_post_idx')
    .on('rollup_first_posts')
    .columns(['post_kind', 'post_id'])
    .execute();
  await sql`update rollup_first_posts
    set first_reply_at = p.first_reply_at, first_reply_by = p.first_reply_by,
      first_reaction_at = p.first_reaction_at, first_reaction_by = p.first_reaction_by
    from rollup_posts p
    where p.kind = rollup_first_posts.post_kind and p.id = rollup_first_posts.post_id`.execute(db);
  const cameBack = (a: number, b: number) => sql`case when exists (
      select 1 from rollup_posts q
      where q.author_id = rollup_first_posts.member_id and q.deleted = 0
        and (rollup_first_posts.community_id = 0 or q.community_id = rollup_first_posts.community_id)
        and (rollup_first_posts.group_id = 0 or q.group_id = rollup_first_posts.group_id)
        and q.created_at >= (rollup_first_posts.created_at / ${sql.lit(DAY)} + ${sql.lit(a)}) * ${sql.lit(DAY)}
        and q.created_at < (rollup_first_posts.created_at / ${sql.lit(DAY)} + ${sql.lit(b + 1)}) * ${sql.lit(DAY)}
    ) then 1 else 0 end`;
  await sql`update rollup_first_posts set kept30 = ${cameBack(7, 30)}, kept90 = ${cameBack(30, 90)}`.execute(
    db,
  );
}
