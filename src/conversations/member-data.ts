import { recordActivity } from '../activity/index.js';
import type { Db, Store } from '../db/index.js';
import { renameMention, renderMarkdown, toPlainText } from '../markdown/index.js';
import { indexDocument, removeDocument, removeTopicDocuments } from '../search/index.js';
import * as store from './member-data-store.js';
import { replyDocument, topicDocument } from './search-documents.js';

/** Rows read at a time for an export; the event loop serves other requests between pages. */
const PAGE = 500;

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every row of a keyset-paged read, `PAGE` at a time, yielding to the event loop between pages. */
async function readAll<R extends { id: number }>(read: (after: number) => Promise<R[]>) {
  const all: R[] = [];
  for (let after = 0; ;) {
    const rows = await read(after);
    all.push(...rows);
    if (rows.length < PAGE) return all;
    after = rows[rows.length - 1]?.id ?? after;
    await breathe();
  }
}

async function revisionsByPost(db: Db, kind: 'topic' | 'reply', ids: number[]) {
  const byPost = new Map<number, { title?: string | null; body: string; replacedAt: string }[]>();
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const r of await store.revisionsOf(db, kind, ids.slice(i, i + PAGE))) {
      const list = byPost.get(r.target_id) ?? [];
      list.push({
        ...(kind === 'topic' ? { title: r.title } : {}),
        body: r.body,
        replacedAt: new Date(r.created_at).toISOString(),
      });
      byPost.set(r.target_id, list);
    }
    await breathe();
  }
  return byPost;
}

/**
 * A member's topics, replies (with their earlier versions) and reactions for their export,
 * limited to `scope`: what they may still read. Read on `s.reads` (worker threads on SQLite).
 */
export async function postsForExport(s: Store, userId: number, scope: store.Scope) {
  const db = s.reads;
  const topics = await readAll((after) => store.topicsByAuthor(db, userId, scope, after, PAGE));
  const replies = await readAll((after) => store.repliesByAuthor(db, userId, scope, after, PAGE));
  const topicRevisions = await revisionsByPost(
    db,
    'topic',
    topics.map((t) => t.id),
  );
  const replyRevisions = await revisionsByPost(
    db,
    'reply',
    replies.map((r) => r.id),
  );
  const reactions = [
    ...(await readAll((after) => store.topicReactionsBy(db, userId, scope, after, PAGE))),
    ...(await readAll((after) => store.replyReactionsBy(db, userId, scope, after, PAGE))),
  ].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
  return {
    topics: topics.map((t) => ({
      id: t.id,
      communityId: t.community_id,
      groupId: t.group_id,
      kind: t.kind,
      title: t.title,
      body: t.body,
      createdAt: iso(t.created_at),
      updatedAt: iso(t.updated_at),
      deletedAt: iso(t.deleted_at),
      revisions: topicRevisions.get(t.id) ?? [],
    })),
    replies: replies.map((r) => ({
      id: r.id,
      topicId: r.topic_id,
      parentReplyId: r.parent_reply_id,
      body: r.body,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      deletedAt: iso(r.deleted_at),
      revisions: replyRevisions.get(r.id) ?? [],
    })),
    reactions: reactions.map((r) => ({
      targetKind: r.target_kind,
      targetId: r.target_id,
      topicId: r.topic_id,
      kind: r.kind,
      createdAt: iso(r.created_at),
    })),
  };
}

/**
 * Deletes every post of a deleted account that chose so, in the transaction `trx`, as its author
 * would one by one: logged, out of search, their text and earlier versions erased. Their topics
 * take the replies under them along, as any deleted topic does.
 */
export async function eraseAuthorPosts(s: Store, trx: Db, userId: number, at: number) {
  const [topics, replies] = await Promise.all([
    store.liveTopicsBy(trx, userId),
    store.liveRepliesBy(trx, userId),
  ]);
  for (const t of topics) {
    await recordActivity(trx, {
      actorId: userId,
      communityId: t.community_id,
      groupId: t.group_id,
      topicId: t.id,
      kind: 'topic.deleted',
      targetKind: 'topic',
      targetId: t.id,
      at,
    });
    await removeTopicDocuments(trx, s.dialect, t.id);
  }
  for (const r of replies) {
    await recordActivity(trx, {
      actorId: userId,
      communityId: r.community_id,
      groupId: r.group_id,
      topicId: r.topic_id,
      kind: 'reply.deleted',
      targetKind: 'reply',
      targetId: r.id,
      at,
    });
    await removeDocument(trx, s.dialect, 'reply', r.id);
  }
  await store.eraseTopics(
    trx,
    topics.map((t) => t.id),
    at,
  );
  await store.eraseReplies(
    trx,
    replies.map((r) => r.id),
    at,
  );
  await store.settleTopics(trx, [...new Set(replies.map((r) => r.topic_id))]);
}

/**
 * Turns every mention of `from` into one of `to` in posts and their earlier versions (HTML and
 * search entries follow), so the old handle is found nowhere once its account is deleted.
 */
export async function renameMentions(s: Store, trx: Db, from: string, to: string) {
  for (const t of await store.topicsMentioning(trx, from)) {
    const body = renameMention(t.body, from, to);
    if (body === t.body) continue;
    await store.setTopicBody(trx, t.id, body, renderMarkdown(body));
    if (t.deleted_at === null)
      await indexDocument(trx, s.dialect, topicDocument(t, toPlainText(body)));
  }
  for (const r of await store.repliesMentioning(trx, from)) {
    const body = renameMention(r.body, from, to);
    if (body === r.body) continue;
    await store.setReplyBody(trx, r.id, body, renderMarkdown(body));
    if (r.deleted_at === null && r.topic_deleted_at === null)
      await indexDocument(trx, s.dialect, replyDocument(r, toPlainText(body)));
  }
  for (const r of await store.revisionsMentioning(trx, from)) {
    const body = renameMention(r.body, from, to);
    if (body !== r.body) await store.setRevisionBody(trx, r.id, body);
  }
}
