import { sql } from 'kysely';
import { bulkUpsert, type Db, type Store } from '../../db/index.js';
import { BatchFold, idsByKind, scopesOfPost, type PostRow } from './fold.js';
import { addMemberDeltas, savePosts } from './write.js';

/**
 * The follow-ups of deletions, against the stored state once the batch is written: a deleted
 * topic takes its replies with it, a deleted first reply hands over to the next one, and a
 * deleted first post makes the member's next post their first.
 */
export async function repairAfterDeletions(s: Store, trx: Db, fold: BatchFold): Promise<void> {
  await dropRepliesOfDeletedTopics(s, trx, fold);
  await findFirstRepliesAgain(s, trx, fold.lostFirstReply);
  await recheckFirstPosts(s, trx, [...fold.authorsToRecheck]);
}

async function dropRepliesOfDeletedTopics(s: Store, trx: Db, fold: BatchFold): Promise<void> {
  if (fold.deletedTopics.length === 0) return;
  const replies = await trx
    .selectFrom('rollup_posts')
    .selectAll()
    .where('kind', '=', 'reply')
    .where('topic_id', 'in', fold.deletedTopics)
    .where('deleted', '=', 0)
    .execute();
  if (replies.length === 0) return;
  const minus = new BatchFold(new Map(), fold.grains);
  for (const r of replies) {
    minus.count(scopesOfPost(r), r.author_id, r.created_at, { contributions: -1 });
    fold.authorsToRecheck.add(r.author_id);
  }
  await addMemberDeltas(s, trx, minus.deltas());
  await trx
    .updateTable('rollup_posts')
    .set({ deleted: 1 })
    .where('kind', '=', 'reply')
    .where('topic_id', 'in', fold.deletedTopics)
    .execute();
}

/** Posts per statement in the repairs: a bounded IN list on both engines. */
const CHUNK = 1000;

/**
 * For posts whose first reply may have been deleted: the first live reply by someone else
 * again, all of them in one statement per kind and chunk (a batch can delete thousands).
 */
async function findFirstRepliesAgain(s: Store, trx: Db, keys: Set<string>): Promise<void> {
  const ids = idsByKind(keys);
  for (const kind of ['topic', 'reply'] as const) {
    const parent = kind === 'topic' ? 'topic_id' : 'in_reply_to';
    for (let i = 0; i < ids[kind].length; i += CHUNK) {
      const part = ids[kind].slice(i, i + CHUNK);
      const rows = await sql<
        PostRow & { next_id: number | null; next_at: number | null; next_by: number | null }
      >`
        select p.*, n.id as next_id, n.created_at as next_at, n.author_id as next_by
        from rollup_posts p
        left join (
          select parent, id, created_at, author_id from (
            select q.id as parent, r.id, r.created_at, r.author_id,
              row_number() over (partition by q.id order by r.created_at, r.id) as nth
            from rollup_posts q
            join rollup_posts r on r.kind = 'reply' and ${sql.ref(`r.${parent}`)} = q.id
              and r.deleted = 0 and r.author_id <> q.author_id and r.created_at >= q.created_at
            where q.kind = ${kind} and q.id in (${sql.join(part)})
          ) as ranked where nth = 1
        ) as n on n.parent = p.id
        where p.kind = ${kind} and p.id in (${sql.join(part)}) and p.deleted = 0`.execute(trx);
      const changed: PostRow[] = [];
      for (const { next_id, next_at, next_by, ...post } of rows.rows) {
        const nextId = next_id === null ? null : Number(next_id);
        if (nextId === (post.first_reply_id === null ? null : Number(post.first_reply_id)))
          continue;
        changed.push({
          ...post,
          first_reply_id: nextId,
          first_reply_at: next_at === null ? null : Number(next_at),
          first_reply_by: next_by === null ? null : Number(next_by),
        });
      }
      await savePosts(s, trx, changed);
    }
  }
}

/** Members whose first post in a scope was deleted: their next live post there, or none. */
async function recheckFirstPosts(s: Store, trx: Db, authors: number[]): Promise<void> {
  for (let i = 0; i < authors.length; i += CHUNK) {
    const part = authors.slice(i, i + CHUNK);
    const rows = await sql<{
      community_id: number;
      group_id: number;
      member_id: number;
      kind: 'topic' | 'reply' | null;
      id: number | null;
      created_at: number | null;
    }>`
      select community_id, group_id, member_id, kind, id, created_at from (
        select f.community_id, f.group_id, f.member_id, q.kind, q.id, q.created_at,
          row_number() over (partition by f.community_id, f.group_id, f.member_id
            order by q.created_at, q.id) as nth
        from rollup_first_posts f
        join rollup_posts p on p.kind = f.post_kind and p.id = f.post_id and p.deleted = 1
        left join rollup_posts q on q.author_id = f.member_id and q.deleted = 0
          and (f.community_id = 0 or q.community_id = f.community_id)
          and (f.group_id = 0 or q.group_id = f.group_id)
        where f.member_id in (${sql.join(part)})
      ) as ranked where nth = 1`.execute(trx);
    const next = rows.rows.filter((r) => r.id !== null);
    await bulkUpsert(
      s,
      trx,
      {
        table: 'rollup_first_posts',
        columns: [
          { name: 'community_id', type: 'bigint' },
          { name: 'group_id', type: 'bigint' },
          { name: 'member_id', type: 'bigint' },
          { name: 'post_kind', type: 'text' },
          { name: 'post_id', type: 'bigint' },
          { name: 'created_at', type: 'bigint' },
        ],
        key: ['community_id', 'group_id', 'member_id'],
        onConflict: 'replace',
      },
      next.map((r) => [r.community_id, r.group_id, r.member_id, r.kind, r.id, r.created_at]),
    );
    for (const gone of rows.rows.filter((r) => r.id === null))
      await trx
        .deleteFrom('rollup_first_posts')
        .where('community_id', '=', gone.community_id)
        .where('group_id', '=', gone.group_id)
        .where('member_id', '=', gone.member_id)
        .execute();
  }
}
