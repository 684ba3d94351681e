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
  at: number;
  response: Response | undefined;
  /** Another live topic or reply on a day between day 7 and 30 (30 and 90) after the first. */
  kept30: boolean;
  kept90: boolean;
}

const firstPostColumns = [
  'member_id',
  'post_kind',
  'post_id',
  'created_at',
  'first_reply_at',
  'first_reply_by',
  'first_reaction_at',
  'first_reaction_by',
  'kept30',
  'kept90',
] as const;
type FirstPostRow = {
  member_id: number;
  post_kind: 'topic' | 'reply';
  post_id: number;
  created_at: number;
  first_reply_at: number | null;
  first_reply_by: number | null;
  first_reaction_at: number | null;
  first_reaction_by: number | null;
  kept30: number;
  kept90: number;
};

function responseOf(at: number | null, by: number | null): Response | undefined {
  return at === null || by === null ? undefined : { at, by };
}

/** The first posts of the period in the scope, with their first response and the returns. */
export async function loadFirstPosts(
  db: Db,
  dialect: Dialect,
  scope: Scope,
  from: number,
  to: number,
) {
  const { count, columns: c } = await selectColumns(
    db,
    dialect,
    sql<FirstPostRow>`
      select f.member_id, f.post_kind, f.post_id, f.created_at, f.first_reply_at,
        f.first_reply_by, f.first_reaction_at, f.first_reaction_by,
        f.kept30, f.kept90
      from rollup_first_posts f
      where ${scopeIs(scope, 'f.')} and f.created_at >= ${from} and f.created_at < ${to}`,
    firstPostColumns,
  );
  const out: FirstPost[] = [];
  for (let i = 0; i < count; i++) {
    const kind = c.post_kind[i] === 'reply' ? 'reply' : 'topic';
    const reply = responseOf(c.first_reply_at[i] ?? null, c.first_reply_by[i] ?? null);
    // A reply is answered by a reply to it or a reaction to it; a topic only by a reply.
    const reaction =
      kind === 'reply'
        ? responseOf(c.first_reaction_at[i] ?? null, c.first_reaction_by[i] ?? null)
        : undefined;
    const response =
      reply && reaction ? (reaction.at < reply.at ? reaction : reply) : (reply ?? reaction);
    out.push({
      member: Number(c.member_id[i]),
      kind,
      id: Number(c.post_id[i]),
      at: Number(c.created_at[i]),
      response,
      kept30: Number(c.kept30[i]) === 1,
      kept90: Number(c.kept90[i]) === 1,
    });
  }
  return out;
}
