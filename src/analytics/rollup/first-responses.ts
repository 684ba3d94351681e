import { sql, type RawBuilder } from 'kysely';
import { chunks, type Db } from '../../db/index.js';
import { idsByKind } from './fold.js';

/**
 * Copies the first reply and first reaction of each member's first post onto its first-post row,
 * so the newcomers' figures read one table. A fold passes the posts it saved (`t12`, `r34`) and
 * the members whose first post it moved; a rebuild copies them all at the end ('all').
 */
export async function copyFirstResponses(
  trx: Db,
  changed: { posts: Iterable<string>; members: Iterable<number> } | 'all',
): Promise<void> {
  const copy = (which: RawBuilder<unknown>) =>
    sql`update rollup_first_posts
      set first_reply_at = p.first_reply_at, first_reply_by = p.first_reply_by,
        first_reaction_at = p.first_reaction_at, first_reaction_by = p.first_reaction_by
      from rollup_posts p
      where p.kind = rollup_first_posts.post_kind and p.id = rollup_first_posts.post_id
        and ${which}
        and (rollup_first_posts.first_reply_at is distinct from p.first_reply_at
          or rollup_first_posts.first_reply_by is distinct from p.first_reply_by
          or rollup_first_posts.first_reaction_at is distinct from p.first_reaction_at
          or rollup_first_posts.first_reaction_by is distinct from p.first_reaction_by)`.execute(
      trx,
    );
  if (changed === 'all') {
    await copy(sql`1 = 1`);
    return;
  }
  const ids = idsByKind(changed.posts);
  for (const kind of ['topic', 'reply'] as const)
    for (const part of chunks(ids[kind]))
      await copy(
        sql`rollup_first_posts.post_kind = ${kind} and rollup_first_posts.post_id in (${sql.join(part)})`,
      );
  for (const part of chunks([...changed.members]))
    await copy(sql`rollup_first_posts.member_id in (${sql.join(part)})`);
}
