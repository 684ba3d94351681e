import { sql } from 'kysely';
import { selectColumns, type Db, type Dialect } from '../db/index.js';
import { scopeIs } from './ranges.js';
import type { Scope } from './rollup/scopes.js';

export interface Response {
  at: number;
  by: number;
}

/** A member's first topic or reply in the scope, the first response to it, and whether they came back. */
export interface FirstPost {
  member: number;
  kind: 'topic' | 'reply';
  id: number;
  /** The post's group (null: none): the reader's right to see it depends on it. */
  group: number | null;
  at: number;
  response: Response | undefined;
  /** Another live topic or reply on a day between day 7 and 30 (30 and 90) after the first. */
  kept30: boolean;
  kept90: boolean;
}

const REPLY = 1;
const KEPT30 = 2;
const KEPT90 = 4;

type FirstPostRow = {
  member_id: number;
  post_id: number;
  post_group: number | null;
  created_at: number;
  response_at: number | null;
  response_by: number | null;
  flags: number;
};

/**
 * The first posts of the period in the scope, with their first response and the returns. A
 * large community has tens of thousands: the response is chosen and the flags packed in SQL,
 * so that fewer values are sent and parsed.
 */
export async function loadFirstPosts(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  from: number,
  to: number,
) {
  // A reply is answered by a reply to it or a reaction to it, whichever came first; a topic
  // only by a reply.
  const byReaction = sql`(f.post_kind = 'reply' and f.first_reaction_at is not null
    and f.first_reaction_by is not null and (f.first_reply_at is null
      or f.first_reply_by is null or f.first_reaction_at < f.first_reply_at))`;
  const { count, columns: c } = await selectColumns(
    db,
    dialect,
    sql<FirstPostRow>`
      select f.member_id, f.post_id, p.group_id as post_group, f.created_at,
        case when ${byReaction} then f.first_reaction_at else f.first_reply_at end as response_at,
        case when ${byReaction} then f.first_reaction_by else f.first_reply_by end as response_by,
        (case when f.post_kind = 'reply' then ${sql.lit(REPLY)} else 0 end)
          + f.kept30 * ${sql.lit(KEPT30)} + f.kept90 * ${sql.lit(KEPT90)} as flags
      from rollup_first_posts f
      left join rollup_posts p on p.kind = f.post_kind and p.id = f.post_id
      where ${scopeIs(scope, 'f.')} and f.created_at >= ${from} and f.created_at < ${to}`,
    ['member_id', 'post_id', 'post_group', 'created_at', 'response_at', 'response_by', 'flags'],
  );
  const out: FirstPost[] = [];
  for (let i = 0; i < count; i++) {
    const at = c.response_at[i] ?? null;
    const by = c.response_by[i] ?? null;
    const flags = Number(c.flags[i]);
    const group = Number(c.post_group[i] ?? 0);
    out.push({
      member: Number(c.member_id[i]),
      kind: flags & REPLY ? 'reply' : 'topic',
      id: Number(c.post_id[i]),
      group: group === 0 ? null : group,
      at: Number(c.created_at[i]),
      response: at === null || by === null ? undefined : { at: Number(at), by: Number(by) },
      kept30: (flags & KEPT30) !== 0,
      kept90: (flags & KEPT90) !== 0,
    });
  }
  return out;
}
