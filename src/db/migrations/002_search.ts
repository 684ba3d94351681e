import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { withId, type AnyDb } from './helpers.js';

/**
 * Full-text search over topics and replies, in French and English.
 * PostgreSQL keeps a generated tsvector; SQLite keeps an FTS5 index of stems computed
 * in TypeScript (src/search/terms.ts), whose rowid is search_documents.id.
 */
export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    // Accent-insensitive copies of the stock configurations: "evenements" must find
    // "événements". unaccent is a trusted extension, so the database owner may create it.
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`create text search configuration ruche_french (copy = french)`.execute(db);
    await sql`alter text search configuration ruche_french
      alter mapping for hword, hword_part, word with unaccent, french_stem`.execute(db);
    await sql`create text search configuration ruche_english (copy = english)`.execute(db);
    await sql`alter text search configuration ruche_english
      alter mapping for hword, hword_part, word with unaccent, english_stem`.execute(db);
  }

  let table = withId(dialect, db.schema.createTable('search_documents'))
    .addColumn('doc_kind', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'bigint', (c) => c.notNull())
    .addColumn('topic_id', 'bigint', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('group_id', 'bigint')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('search_documents_doc_unique', ['doc_kind', 'doc_id'])
    .addCheckConstraint('search_documents_kind_check', sql`doc_kind in ('topic', 'reply')`);
  if (dialect === 'postgres') {
    // The text is plain: without < and >, the parser cannot mistake "x<y et z>w" for a tag
    // and drop the words inside.
    const title = sql`translate(title, '<>', '  ')`;
    const body = sql`translate(body, '<>', '  ')`;
    table = table.addColumn('tsv', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('ruche_french'::regconfig, ${title}), 'A')
            || setweight(to_tsvector('ruche_english'::regconfig, ${title}), 'A')
            || setweight(to_tsvector('ruche_french'::regconfig, ${body}), 'B')
            || setweight(to_tsvector('ruche_english'::regconfig, ${body}), 'B')`,
        )
        .stored()
        .notNull(),
    );
  }
  await table.execute();

  await db.schema
    .createIndex('search_documents_topic_idx')
    .on('search_documents')
    .column('topic_id')
    .execute();

  if (dialect === 'postgres') {
    await db.schema
      .createIndex('search_documents_tsv_idx')
      .on('search_documents')
      .using('gin')
      .column('tsv')
      .execute();
  } else {
    // Contentless: the stems are never read back, only matched and ranked; contentless_delete
    // still lets a document be removed or replaced by rowid.
    await sql`create virtual table search_documents_fts using fts5(
      title, body, content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db);
  }
}
