import { sql, type Insertable, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { bulkUpsert, type Database, type Db, type Dialect, type Store } from '../db/index.js';
import { toFtsMatch, toIndexedTerms } from './terms.js';

export type DocumentRow = Omit<Insertable<Database['search_documents']>, 'id'>;
export type FoundRow = Omit<Selectable<Database['search_documents']>, 'id'>;

export interface FindInput {
  /** What the member typed (PostgreSQL parses it itself). */
  text: string;
  /** The same query as stems, one group of alternatives per word (for SQLite FTS5). */
  groups: string[][];
  communityIds: number[];
  groupIds: number[];
  limit: number;
  offset: number;
}

/** The SQLite FTS5 table beside search_documents; not part of Database, only search knows it. */
type FtsTables = { search_documents_fts: { rowid: number; title: string; body: string } };

const COLUMNS = [
  'd.doc_kind',
  'd.doc_id',
  'd.topic_id',
  'd.community_id',
  'd.group_id',
  'd.title',
  'd.body',
  'd.created_at',
] as const;

/** On SQLite a document is two rows (document and FTS entry) that must change together. */
function inTransaction(db: Db, fn: (trx: Db) => Promise<void>): Promise<void> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

// 8 values a row: far below both engines' bound-parameter limits.
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
    .select('created_at')
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

/** The scope as one parameter per list, whatever its length. */
function inScope(
  dialect: Dialect,
  communityIds: number[],
  groupIds: number[],
): RawBuilder<SqlBool> {
  switch (dialect) {
    case 'postgres':
      return sql<SqlBool>`d.community_id = any(${communityIds}::bigint[])
        and (d.group_id is null or d.group_id = any(${groupIds}::bigint[]))`;
    case 'sqlite':
      return sql<SqlBool>`d.community_id in (select value from json_each(${JSON.stringify(communityIds)}))
        and (d.group_id is null
          or d.group_id in (select value from json_each(${JSON.stringify(groupIds)})))`;
  }
}

export async function findDocuments(
  db: Db,
  dialect: Dialect,
  input: FindInput,
): Promise<{ rows: FoundRow[]; total: number }> {
  const scope = inScope(dialect, input.communityIds, input.groupIds);

  switch (dialect) {
    case 'postgres': {
      // < and > are blanked as in the indexed text (see 002_search).
      const text = sql`translate(${input.text}, '<>', '  ')`;
      const query = sql`(plainto_tsquery('ruche_french', ${text})
        || plainto_tsquery('ruche_english', ${text}))`;
      const matched = db
        .selectFrom('search_documents as d')
        .where(sql<SqlBool>`d.tsv @@ ${query}`)
        .where(scope);
      const rows = await matched
        .select(COLUMNS)
        .orderBy(sql`ts_rank(d.tsv, ${query})`, 'desc')
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(input.limit)
        .offset(input.offset)
        .execute();
      const count = await matched
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(count.n) };
    }
    case 'sqlite': {
      const matched = db
        .withTables<FtsTables>()
        .selectFrom('search_documents_fts')
        .innerJoin('search_documents as d', 'd.id', 'search_documents_fts.rowid')
        .where(sql<SqlBool>`search_documents_fts match ${toFtsMatch(input.groups)}`)
        .where(scope);
      const rows = await matched
        .select(COLUMNS)
        // bm25 is lower for better matches; a word in the title weighs three in the body.
        .orderBy(sql`bm25(search_documents_fts, 3.0, 1.0)`)
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(input.limit)
        .offset(input.offset)
        .execute();
      const count = await matched
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(count.n) };
    }
  }
}
