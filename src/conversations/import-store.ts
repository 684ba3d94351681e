// Bulk writes for importers, in the caller's transaction: topics and replies through src/db/bulk.ts.
import { sql, type Insertable } from 'kysely';
import {
  bulkInsert,
  chunks,
  type BulkColumns,
  type Database,
  type Db,
  type Dialect,
  type Store,
} from '../db/index.js';

export type TopicInsert = Insertable<Database['topics']> & { id: number };
export type ReplyInsert = Insertable<Database['replies']> & { id: number };
export type ReactionInsert = Omit<Insertable<Database['reactions']>, 'id'>;

// Topics' and replies' ids are reserved before their rows are written.
export { reserveIds } from '../db/index.js';

const TOPIC_COLUMNS: BulkColumns<TopicInsert> = {
  id: 'bigint',
  community_id: 'bigint',
  group_id: 'bigint',
  author_id: 'bigint',
  kind: 'text',
  title: 'text',
  body: 'text',
  body_html: 'text',
  accepted_reply_id: 'bigint',
  reply_count: 'integer',
  score: 'integer',
  created_at: 'bigint',
  updated_at: 'bigint',
  last_activity_at: 'bigint',
  deleted_at: 'bigint',
  deletion_reason: 'text',
  hidden_at: 'bigint',
};

const REPLY_COLUMNS: BulkColumns<ReplyInsert> = {
  id: 'bigint',
  topic_id: 'bigint',
  parent_reply_id: 'bigint',
  author_id: 'bigint',
  body: 'text',
  body_html: 'text',
  score: 'integer',
  created_at: 'bigint',
  updated_at: 'bigint',
  deleted_at: 'bigint',
  deletion_reason: 'text',
  hidden_at: 'bigint',
};

export function insertTopics(s: Store, trx: Db, rows: TopicInsert[]): Promise<void> {
  return bulkInsert(s, trx, 'topics', TOPIC_COLUMNS, rows);
}

/** Replies must come after the replies they answer (parent_reply_id is a foreign key). */
export function insertReplies(s: Store, trx: Db, rows: ReplyInsert[]): Promise<void> {
  return bulkInsert(s, trx, 'replies', REPLY_COLUMNS, rows);
}

/** Inserts the reactions not already there; returns the keys of those it inserted. */
export async function insertReactions(db: Db, rows: ReactionInsert[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of chunks(rows)) {
    const written = await db
      .insertInto('reactions')
      .values(chunk)
      .onConflict((oc) => oc.columns(['target_kind', 'target_id', 'user_id', 'kind']).doNothing())
      .returning(['target_kind', 'target_id', 'user_id', 'kind'])
      .execute();
    for (const r of written) inserted.add(reactionKey(r));
  }
  return inserted;
}

/** What tells reactions apart (their unique constraint), as one string. */
export function reactionKey(r: {
  target_kind: string;
  target_id: number;
  user_id: number;
  kind: string;
}): string {
  return `${r.target_kind}:${Number(r.target_id)}:${Number(r.user_id)}:${r.kind}`;
}

/** Sets the HTML of many topics or replies in one statement (the render queue's writes). */
export async function setBodiesHtml(
  db: Db,
  dialect: Dialect,
  table: 'topics' | 'replies',
  rows: { id: number; html: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const htmls = rows.map((r) => r.html);
  switch (dialect) {
    case 'postgres':
      await sql`update ${sql.table(table)} as t set body_html = v.html
        from unnest(${ids}::bigint[], ${htmls}::text[]) as v(id, html)
        where t.id = v.id`.execute(db);
      return;
    case 'sqlite':
      await sql`update ${sql.table(table)} as t set body_html = json_extract(v.value, '$[1]')
        from json_each(${JSON.stringify(rows.map((r) => [r.id, r.html]))}) as v
        where t.id = json_extract(v.value, '$[0]')`.execute(db);
      return;
  }
}
