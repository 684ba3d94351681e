import type { Db, Dialect, Store } from '../db/index.js';
import { pageOf, safeIds, scopedCommunityIds, type SearchScope } from './scope.js';
import { makeSnippet, plainText } from './snippet.js';
import {
  deleteDocument,
  deleteTopicDocuments,
  findDocuments,
  findTopicReplyDocuments,
  updateTopicPlace,
  updateTopicSolved,
  upsertDocuments,
  upsertManyDocuments,
  type DocumentRow,
} from './store/index.js';
import { parseQuery } from './terms.js';

export {
  searchTopics,
  type TopicFilters,
  type TopicSearchInput,
  type TopicResult,
  type TopicResults,
  type PostResult,
} from './search-topics.js';
export { plainText as plainTextOf, type TextPart } from './snippet.js';
export type { SearchScope };
export { isStopword } from './stopwords.js';

export type DocKind = 'topic' | 'reply';

/** What is searchable of a topic or a reply; `title` and `body` are plain text. */
export interface SearchDocument {
  docKind: DocKind;
  docId: number;
  topicId: number;
  communityId: number;
  groupId: number | null;
  title: string;
  body: string;
  createdAt: number;
  /** The topic's kind (discussion, question…) and whether it is a question with an accepted answer. */
  topicKind: string;
  isSolved: boolean;
}

export interface SearchInput {
  query: string;
  scope: SearchScope;
  /** Narrows the search to one community (still within the scope). */
  communityId?: number;
  limit: number;
  offset: number;
}

export interface SearchHit {
  docKind: DocKind;
  docId: number;
  topicId: number;
  communityId: number;
  groupId: number | null;
  title: string;
  /** Plain text around the first match (or the start of the body); escape it when rendering. */
  snippet: string;
  createdAt: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

// Kept well below PostgreSQL's 1 MB tsvector limit; the rest of a huge post is not searchable.
const MAX_TITLE_CHARS = 1_000;
const MAX_BODY_CHARS = 60_000;

function clean(text: string, max: number): string {
  // PostgreSQL text cannot hold NUL; SQLite could, but both must index the same thing.
  return text.slice(0, max).replace(/\0/g, ' ');
}

function toRow(doc: SearchDocument): DocumentRow {
  return {
    doc_kind: doc.docKind,
    doc_id: doc.docId,
    topic_id: doc.topicId,
    community_id: doc.communityId,
    group_id: doc.groupId,
    title: clean(doc.title, MAX_TITLE_CHARS),
    body: clean(doc.body, MAX_BODY_CHARS),
    created_at: doc.createdAt,
    topic_kind: doc.topicKind,
    is_solved: doc.isSolved ? 1 : 0,
  };
}

/**
 * Indexes a topic or a reply, replacing what was indexed for it before. Pass the
 * transaction that writes the post so the index never disagrees with it.
 */
export async function indexDocument(db: Db, dialect: Dialect, doc: SearchDocument): Promise<void> {
  await upsertDocuments(db, dialect, [toRow(doc)]);
}

/**
 * indexDocument for many documents at once (importers), in the transaction `trx` of the store
 * `s`: prepared or array-valued statements instead of a few per document. A document given
 * twice is indexed as its last version.
 */
export async function indexDocuments(s: Store, trx: Db, docs: SearchDocument[]): Promise<void> {
  const latest = new Map(docs.map((doc) => [`${doc.docKind}:${doc.docId}`, doc]));
  await upsertManyDocuments(s, trx, [...latest.values()].map(toRow));
}

/** Removes one topic or reply from the index (a no-op if it was not indexed). */
export async function removeDocument(
  db: Db,
  dialect: Dialect,
  docKind: DocKind,
  docId: number,
): Promise<void> {
  await deleteDocument(db, dialect, docKind, docId);
}

/** Removes a topic and all its replies from the index. */
export async function removeTopicDocuments(
  db: Db,
  dialect: Dialect,
  topicId: number,
): Promise<void> {
  await deleteTopicDocuments(db, dialect, topicId);
}

/**
 * Indexes a topic's replies again under its new title (SQLite's contentless index cannot change
 * one column of an entry: each is written whole).
 */
export async function retitleTopicReplies(
  db: Db,
  dialect: Dialect,
  topicId: number,
  title: string,
): Promise<void> {
  const rows = await findTopicReplyDocuments(db, topicId);
  const retitled = clean(title, MAX_TITLE_CHARS);
  await upsertDocuments(
    db,
    dialect,
    rows.map((row) => ({ ...row, title: retitled })),
  );
}

/** Moves a topic and its replies to another community or group, as their visibility follows. */
export async function moveTopicDocuments(
  db: Db,
  _dialect: Dialect,
  topicId: number,
  communityId: number,
  groupId: number | null,
): Promise<void> {
  await updateTopicPlace(db, topicId, communityId, groupId);
}

/**
 * Records that a question got (or lost) its accepted answer, for the "solved" filter; in the
 * transaction that changes it.
 */
export async function setTopicSolved(db: Db, topicId: number, isSolved: boolean): Promise<void> {
  await updateTopicSolved(db, topicId, isSolved);
}

/**
 * Finds topics and replies matching every word of the query, in French or English, with
 * or without accents, best match first then newest. Only documents of `scope` are
 * returned; an empty scope or a query without words returns nothing. Never throws on
 * what a member types.
 */
export async function searchDocuments(
  db: Db,
  dialect: Dialect,
  input: SearchInput,
): Promise<SearchResult> {
  const parsed = parseQuery(input.query);
  const communityIds = scopedCommunityIds(input.scope, input.communityId);
  if (parsed.groups.length === 0 || communityIds.length === 0) return { hits: [], total: 0 };

  const { rows, total } = await findDocuments(db, dialect, {
    text: parsed.text,
    groups: parsed.groups,
    communityIds,
    groupIds: safeIds(input.scope.groupIds),
    ...pageOf(input),
  });
  const hits = rows.map((row): SearchHit => ({
    docKind: row.doc_kind,
    docId: row.doc_id,
    topicId: row.topic_id,
    communityId: row.community_id,
    groupId: row.group_id,
    title: row.title,
    snippet: plainText(makeSnippet(row.body, parsed.groups)),
    createdAt: row.created_at,
  }));
  return { hits, total };
}
