import type { Insertable } from 'kysely';
import { bulkUpsert, type Database, type Db, type Dialect, type Store } from '../../db/index.js';
import { toIndexedTerms } from '../terms.js';
import type { FtsTables } from './fts.js';

export type DocumentRow = Omit<Insertable<Database['search_documents']>, 'id'>;

/** On SQLite a document is two rows (document and FTS entry) that must change together. */
function inTransaction(db: Db, fn: (trx: Db) => Promise<void>): Promise<void> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

// 10 values a row: far below both engines' bound-parameter limits.
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts or replaces documents, many rows per statement; `rows` must not name a document
 * twice. On SQLite each document's FTS entry is written beside it, in the same transaction.
 */
export async function upsertDocuments(
  db: Db,
  dialect: Dialect,
  rows: DocumentRow[],
): Promise<void> {
  const upsert = (trx: Db, chunk: DocumentRow[]) =>
    trx
      .insertInto('search_documents')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['doc_kind', 'doc_id']).doUpdateSet((eb) => ({
          topic_id: eb.ref('excluded.topic_id'),
          community_id: eb.ref('excluded.community_id'),
          group_id: eb.ref('excluded.group_id'),
          title: eb.ref('excluded.title'),
          body: eb.ref('excluded.body'),
          created_at: eb.ref('excluded.created_at'),
          topic_kind: eb.ref('excluded.topic_kind'),
          is_solved: eb.ref('excluded.is_solved'),
        })),
      );
  const chunks: DocumentRow[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    chunks.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  }

  switch (dialect) {
    case 'postgres':
      // The tsvector is a generated column: nothing else to write.
      for (const chunk of chunks) await upsert(db, chunk).execute();
      return;
    case 'sqlite': {
      // A topic's replies are indexed under its title: stem it once.
      const titles = new Map<string, string>();
      const titleTerms = (title: string) => {
        let terms = titles.get(title);
        if (terms === undefined) titles.set(title, (terms = toIndexedTerms(title)));
        return terms;
      };
      await inTransaction(db, async (trx) => {
        for (const chunk of chunks) {
          const written = await upsert(trx, chunk)
            .returning(['id', 'doc_kind', 'doc_id'])
            .execute();
          // Matched by document, not by position: RETURNING promises no order.
          const ids = new Map(written.map((r) => [`${r.doc_kind}:${r.doc_id}`, r.id]));
          const idOf = (row: DocumentRow) => {
            const id = ids.get(`${row.doc_kind}:${row.doc_id}`);
            if (id === undefined) throw new Error(`No id for ${row.doc_kind} ${row.doc_id}`);
            return id;
          };
          await trx
            .withTables<FtsTables>()
            .replaceInto('search_documents_fts')
            .values(
              chunk.map((row) => ({
                rowid: idOf(row),
                title: titleTerms(row.title),
                body: toIndexedTerms(row.body),
              })),
            )
            .execute();
        }
      });
      return;
    }
  }
}

/**
 * upsertDocuments for imports, in the transaction `trx` of the store `s`: on PostgreSQL one
 * array-valued statement (src/db/bulk.ts) rather than thousands of parameters; SQLite's
 * multi-row statements are already as fast as its prepared ones (FTS5 writes its pending terms
 * out at the end of each statement, so one row a statement is slower there).
 */
export async function upsertManyDocuments(s: Store, trx: Db, rows: DocumentRow[]): Promise<void> {
  if (s.dialect === 'sqlite') return upsertDocuments(trx, 'sqlite', rows);
  await bulkUpsert(
    s,
    trx,
    {
      table: 'search_documents',
      columns: [
        { name: 'doc_kind', type: 'text' },
        { name: 'doc_id', type: 'bigint' },
        { name: 'topic_id', type: 'bigint' },
        { name: 'community_id', type: 'bigint' },
        { name: 'group_id', type: 'bigint' },
        { name: 'title', type: 'text' },
        { name: 'body', type: 'text' },
        { name: 'created_at', type: 'bigint' },
        { name: 'topic_kind', type: 'text' },
        { name: 'is_solved', type: 'integer' },
      ],
      key: ['doc_kind', 'doc_id'],
      onConflict: 'replace',
    },
    rows.map((r) => [
      r.doc_kind,
      r.doc_id,
      r.topic_id,
      r.community_id,
      r.group_id ?? null,
      r.title,
      r.body,
      r.created_at,
      r.topic_kind,
      r.is_solved,
    ]),
  );
}

async function deleteWhere(
  db: Db,
  dialect: Dialect,
  filter: { docKind: 'topic' | 'reply'; docId: number } | { topicId: number },
): Promise<void> {
  const remove = async (trx: Db) => {
    const fts = trx.withTables<FtsTables>();
    const documents = fts.selectFrom('search_documents').select('id');
    const ids =
      'topicId' in filter
        ? documents.where('topic_id', '=', filter.topicId)
        : documents.where('doc_kind', '=', filter.docKind).where('doc_id', '=', filter.docId);
    if (dialect === 'sqlite') {
      await fts.deleteFrom('search_documents_fts').where('rowid', 'in', ids).execute();
    }
    await fts.deleteFrom('search_documents').where('id', 'in', ids).execute();
  };
  switch (dialect) {
    case 'postgres':
      await remove(db);
      return;
    case 'sqlite':
      await inTransaction(db, remove);
      return;
  }
}

export function deleteDocument(
  db: Db,
  dialect: Dialect,
  docKind: 'topic' | 'reply',
  docId: number,
): Promise<void> {
  return deleteWhere(db, dialect, { docKind, docId });
}

export function deleteTopicDocuments(db: Db, dialect: Dialect, topicId: number): Promise<void> {
  return deleteWhere(db, dialect, { topicId });
}

/** A topic's replies as indexed, to be written again under another title. */
export function findTopicReplyDocuments(db: Db, topicId: number): Promise<DocumentRow[]> {
  return db
    .selectFrom('search_documents')
    .select(['doc_kind', 'doc_id', 'topic_id', 'community_id', 'group_id', 'title', 'body'])
    .select(['created_at', 'topic_kind', 'is_solved'])
    .where('topic_id', '=', topicId)
    .where('doc_kind', '=', 'reply')
    .orderBy('doc_id')
    .execute();
}

/** The FTS entries hold only words, so moving a topic touches search_documents alone. */
export async function updateTopicPlace(
  db: Db,
  topicId: number,
  communityId: number,
  groupId: number | null,
): Promise<void> {
  await db
    .updateTable('search_documents')
    .set({ community_id: communityId, group_id: groupId })
    .where('topic_id', '=', topicId)
    .execute();
}

/** A question gets or loses its accepted answer: every document of the topic says so. */
export async function updateTopicSolved(db: Db, topicId: number, isSolved: boolean): Promise<void> {
  await db
    .updateTable('search_documents')
    .set({ is_solved: isSolved ? 1 : 0 })
    .where('topic_id', '=', topicId)
    .execute();
}
