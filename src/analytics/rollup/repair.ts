import type { Db, Store } from '../../db/index.js';
import { BatchFold, scopesOfPost, type PostRow } from './fold.js';
import { addMemberDeltas } from './write.js';

/**
 * The follow-ups of deletions, against the stored state once the batch is written: a deleted
 * topic takes its replies with it, a deleted first reply hands over to the next one, and a
 * deleted first post makes the member's next post their first.
 */
export async function repairAfterDeletions(s: Store, trx: Db, fold: BatchFold): Promise<void> {
  await dropRepliesOfDeletedTopics(s, trx, fold);
  for (const key of fold.lostFirstReply) await findFirstReplyAgain(trx, key);
  await recheckFirstPosts(trx, [...fold.authorsToRecheck]);
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
  const minus = new BatchFold(new Map());
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

async function findFirstReplyAgain(trx: Db, key: string): Promise<void> {
  const kind = key.startsWith('t') ? 'topic' : 'reply';
  const id = Number(key.slice(1));
  const post = await trx
    .selectFrom('rollup_posts')
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!post || post.deleted) return;
  const next = await firstLiveReplyTo(trx, post);
  if (next?.id === post.first_reply_id) return;
  await trx
    .updateTable('rollup_posts')
    .set({
      first_reply_id: next?.id ?? null,
      first_reply_at: next?.created_at ?? null,
      first_reply_by: next?.author_id ?? null,
    })
    .where('kind', '=', kind)
    .where('id', '=', id)
    .execute();
}

function firstLiveReplyTo(trx: Db, post: PostRow) {
  return trx
    .selectFrom('rollup_posts')
    .select(['id', 'author_id', 'created_at'])
    .where('kind', '=', 'reply')
    .where(post.kind === 'topic' ? 'topic_id' : 'in_reply_to', '=', post.id)
    .where('deleted', '=', 0)
    .where('author_id', '!=', post.author_id)
    .where('created_at', '>=', post.created_at)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

async function recheckFirstPosts(trx: Db, authors: number[]): Promise<void> {
  if (authors.length === 0) return;
  const lost = await trx
    .selectFrom('rollup_first_posts as f')
    .innerJoin('rollup_posts as p', (j) =>
      j.onRef('p.kind', '=', 'f.post_kind').onRef('p.id', '=', 'f.post_id'),
    )
    .select(['f.community_id', 'f.group_id', 'f.member_id'])
    .where('f.member_id', 'in', authors)
    .where('p.deleted', '=', 1)
    .execute();
  for (const f of lost) {
    let q = trx
      .selectFrom('rollup_posts')
      .select(['kind', 'id', 'created_at'])
      .where('author_id', '=', f.member_id)
      .where('deleted', '=', 0);
    if (f.community_id !== 0) q = q.where('community_id', '=', f.community_id);
    if (f.group_id !== 0) q = q.where('group_id', '=', f.group_id);
    const next = await q.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    const where = trx
      .updateTable('rollup_first_posts')
      .where('community_id', '=', f.community_id)
      .where('group_id', '=', f.group_id)
      .where('member_id', '=', f.member_id);
    if (next)
      await where
        .set({ post_kind: next.kind, post_id: next.id, created_at: next.created_at })
        .execute();
    else
      await trx
        .deleteFrom('rollup_first_posts')
        .where('community_id', '=', f.community_id)
        .where('group_id', '=', f.group_id)
        .where('member_id', '=', f.member_id)
        .execute();
  }
}
