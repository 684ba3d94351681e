import { sql } from 'kysely';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { bulkInsert, type Db, type Dialect, type Store } from '../db/index.js';
import { renderMarkdown, renderMarkdownWithText } from '../markdown/index.js';
import { indexDocuments, type SearchDocument } from '../search/index.js';
import { setBodiesHtml } from './import-store.js';
import { replyDocument, topicDocument } from './search-documents.js';
import { repliesWithTopic } from './store.js';

// Importers write posts without their HTML and search entries: rendering and indexing take
// four times as long as writing, and the cockpit needs neither. The server renders them in
// the background (renderQueued); until then readers get each one rendered on the fly.

export type QueuedKind = 'topic' | 'reply';

/** Posts waiting to be rendered, for the import's summary and `ruche render`'s progress bar. */
export async function countQueued(db: Db): Promise<number> {
  const row = await db
    .selectFrom('render_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface QueuedPost {
  post_kind: QueuedKind;
  post_id: number;
}

/** Queues imported posts, in the transaction `trx` (of the store `s`) that writes them. */
export function queueForRendering(s: Store, trx: Db, posts: QueuedPost[]): Promise<void> {
  return bulkInsert(s, trx, 'render_queue', { post_kind: 'text', post_id: 'bigint' }, posts);
}

/** A post's HTML as readers get it: an imported post not rendered yet is rendered now. */
export function withBodyHtml<T extends { body: string; body_html: string }>(post: T): T {
  return post.body_html === '' && post.body !== ''
    ? { ...post, body_html: renderMarkdown(post.body) }
    : post;
}

const BATCH = 250;

/**
 * Renders and indexes up to `limit` queued posts in one transaction; returns how many it took.
 * Several servers may share the work: a post is taken off the queue by one transaction only.
 */
export async function renderQueued(s: Store, limit = BATCH): Promise<number> {
  return s.db.transaction().execute(async (trx) => {
    const taken = await takeFromQueue(trx, s.dialect, limit);
    if (taken.length === 0) return 0;
    const ids = (kind: QueuedKind) =>
      taken.filter((p) => p.post_kind === kind).map((p) => p.post_id);
    const topics = await readTopics(trx, s.dialect, ids('topic'));
    const replies = await readReplies(trx, s.dialect, ids('reply'));
    const documents: SearchDocument[] = [];
    const topicHtml = topics.map((t) => {
      const { html, text } = renderMarkdownWithText(t.body);
      if (t.deleted_at === null) {
        documents.push(topicDocument(t, text));
      }
      return { id: t.id, html };
    });
    const replyHtml = replies.map((r) => {
      const { html, text } = renderMarkdownWithText(r.body);
      if (r.deleted_at === null && r.topic_deleted_at === null) {
        documents.push(replyDocument(r, text));
      }
      return { id: r.id, html };
    });
    await setBodiesHtml(trx, s.dialect, 'topics', topicHtml);
    await setBodiesHtml(trx, s.dialect, 'replies', replyHtml);
    await indexDocuments(s, trx, documents);
    return taken.length;
  });
}

/**
 * Empties the queue, batch after batch, letting the event loop breathe between batches so a
 * server keeps answering; `onBatch` receives how many posts each batch rendered.
 */
export async function renderAllQueued(
  s: Store,
  onBatch?: (rendered: number) => void,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await renderQueued(s);
    if (n === 0) return total;
    total += n;
    onBatch?.(n);
    await yieldToEventLoop();
  }
}

async function takeFromQueue(trx: Db, dialect: Dialect, limit: number): Promise<QueuedPost[]> {
  // Another server's transaction may hold some rows: PostgreSQL skips them, SQLite has one writer.
  const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const { rows } = await sql<QueuedPost>`
    delete from render_queue where (post_kind, post_id) in (
      select post_kind, post_id from render_queue order by post_kind, post_id limit ${limit} ${lock}
    ) returning post_kind, post_id`.execute(trx);
  return rows.map((r) => ({ post_kind: r.post_kind, post_id: Number(r.post_id) }));
}

// Rows are locked on PostgreSQL, so an edit waits for the rendering rather than being overwritten.
function readTopics(trx: Db, dialect: Dialect, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('topics')
    .select(['id', 'community_id', 'group_id', 'title', 'body', 'created_at', 'deleted_at'])
    .select(['kind', 'accepted_reply_id'])
    .where('id', 'in', ids)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .execute();
}

function readReplies(trx: Db, dialect: Dialect, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return repliesWithTopic(trx)
    .where('replies.id', 'in', ids)
    .$if(dialect === 'postgres', (q) => q.forUpdate(['replies']))
    .execute();
}
