/** The SQLite FTS5 table beside search_documents; not part of Database, only search knows it. */
export type FtsTables = { search_documents_fts: { rowid: number; title: string; body: string } };
