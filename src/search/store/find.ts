import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../db/index.js';
import { toFtsMatch } from '../terms.js';
import type { FtsTables } from './fts.js';

export interface MatchInput {
  /** What the member typed (PostgreSQL parses it itself). */
  text: string;
  /** The same query as stems, one group of alternatives per word (for SQLite FTS5). */
  groups: string[][];
  communityIds: number[];
  groupIds: number[];
  /** Narrowing, within the scope: one group, a topic kind, solved questions, a period of posts. */
  groupId?: number | undefined;
  topicKind?: string | undefined;
  isSolved?: boolean | undefined;
  /** Posts written from `from` (included) to `to` (excluded), epoch ms. */
  from?: number | undefined;
  to?: number | undefined;
}

export interface Page {
  limit: number;
  offset: number;
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

// Where a word is found ranks first: in the topic's title (tier 2), in its first post — the
// question — (tier 1), in a reply (tier 0); then relevance within the tier, below 1. A reply is
// indexed under its topic's title so that a query can match across both, but the title adds
// nothing to the reply's score: 0 when the title alone matched.
const TIER = { title: 2, firstPost: 1 };

/** The PostgreSQL query: every word, in French or in English. */
function pgQuery(text: string): RawBuilder<unknown> {
  // < and > are blanked as in the indexed text (see 002_search).
  const plain = sql`translate(${text}, '<>', '  ')`;
  return sql`(plainto_tsquery('ruche_french', ${plain})
    || plainto_tsquery('ruche_english', ${plain}))`;
}

function isMatch(dialect: Dialect, input: MatchInput): RawBuilder<SqlBool> {
  switch (dialect) {
    case 'postgres':
      return sql<SqlBool>`d.tsv @@ ${pgQuery(input.text)}`;
    case 'sqlite':
      return sql<SqlBool>`search_documents_fts match ${toFtsMatch(input.groups)}`;
  }
}

/** relevance / (1 + relevance): from the engine's unbounded score to [0, 1), in the same order. */
function bounded(relevance: RawBuilder<number>): RawBuilder<number> {
  return sql<number>`(${relevance}) / (1.0 + (${relevance}))`;
}

/** A document's score, higher is better: its tier plus its relevance within it. */
function scoreOf(dialect: Dialect, input: MatchInput): RawBuilder<number> {
  switch (dialect) {
    case 'postgres': {
      // ts_rank's weights are by label {D, C, B, A}; titles are A, bodies B (002_search).
      const query = pgQuery(input.text);
      const inTitle = sql<number>`ts_rank('{0, 0, 0, 1}'::float4[], d.tsv, ${query})`;
      const inTopic = sql<number>`ts_rank('{0, 0, 0.4, 1}'::float4[], d.tsv, ${query})`;
      const inBody = sql<number>`ts_rank('{0, 0, 1, 0}'::float4[], d.tsv, ${query})`;
      return sql<number>`case when d.doc_kind = 'topic'
        then (case when ${inTitle} > 0 then ${sql.lit(TIER.title)} else ${sql.lit(TIER.firstPost)} end)
          + ${bounded(inTopic)}
        else ${bounded(inBody)} end`;
    }
    case 'sqlite': {
      // bm25 is negative, lower for better matches; a column weighted 0 is left out.
      const inTitle = sql<number>`-bm25(search_documents_fts, 1.0, 0.0)`;
      const inTopic = sql<number>`-bm25(search_documents_fts, 2.5, 1.0)`;
      const inBody = sql<number>`-bm25(search_documents_fts, 0.0, 1.0)`;
      return sql<number>`case when d.doc_kind = 'topic'
        then (case when ${inTitle} > 0 then ${sql.lit(TIER.title)} else ${sql.lit(TIER.firstPost)} end)
          + ${bounded(inTopic)}
        else ${bounded(inBody)} end`;
    }
  }
}

/** Documents matching the query within the scope and filters, with their score. */
function matchingDocuments(db: Db, dialect: Dialect, input: MatchInput) {
  return db
    .withTables<FtsTables>()
    .selectFrom('search_documents as d')
    .$if(dialect === 'sqlite', (q) =>
      q.innerJoin('search_documents_fts', 'search_documents_fts.rowid', 'd.id'),
    )
    .where(isMatch(dialect, input))
    .where(inScope(dialect, input.communityIds, input.groupIds))
    .$if(input.groupId !== undefined, (q) => q.where('d.group_id', '=', input.groupId ?? 0))
    .$if(input.topicKind !== undefined, (q) => q.where('d.topic_kind', '=', input.topicKind ?? ''))
    .$if(input.isSolved !== undefined, (q) =>
      q.where('d.topic_kind', '=', 'question').where('d.is_solved', '=', input.isSolved ? 1 : 0),
    )
    .$if(input.from !== undefined, (q) => q.where('d.created_at', '>=', input.from ?? 0))
    .$if(input.to !== undefined, (q) => q.where('d.created_at', '<', input.to ?? 0))
    .select([
      'd.id',
      'd.doc_kind',
      'd.doc_id',
      'd.topic_id',
      'd.community_id',
      'd.group_id',
      'd.title',
      'd.topic_kind',
      'd.is_solved',
      'd.created_at',
      scoreOf(dialect, input).as('score'),
    ]);
}

/**
 * The documents a topic result lists: its first post when it matches, and the replies that
 * hold a word searched for (not those found by their topic's title alone).
 */
function listedDocuments(db: Db, dialect: Dialect, input: MatchInput) {
  return matchingDocuments(db, dialect, input).where((eb) =>
    eb.or([eb('d.doc_kind', '=', 'topic'), eb(scoreOf(dialect, input), '>', 0)]),
  );
}

/** Each listed document ranked within its topic, best first, with its topic's count. */
function rankedInTopics(db: Db, dialect: Dialect, input: MatchInput, topicIds?: number[]) {
  const listed = listedDocuments(db, dialect, input).$if(topicIds !== undefined, (q) =>
    q.where('d.topic_id', 'in', topicIds ?? []),
  );
  // The window works on the subquery's rows: SQLite's bm25 may not be called from a window.
  return db
    .selectFrom(listed.as('m'))
    .selectAll()
    .select((eb) => [
      eb.fn
        .agg<number>('row_number')
        .over((ob) =>
          ob
            .partitionBy('m.topic_id')
            .orderBy('m.score', 'desc')
            .orderBy('m.created_at', 'desc')
            .orderBy('m.id', 'desc'),
        )
        .as('rank'),
      eb.fn
        .countAll<number>()
        .over((ob) => ob.partitionBy('m.topic_id'))
        .as('listed'),
    ]);
}

export interface FoundTopic {
  topic_id: number;
  community_id: number;
  group_id: number | null;
  title: string;
  topic_kind: string;
  is_solved: number;
  /** How many of its posts matched (listed documents). */
  listed: number;
}

/** One page of the matching topics, best first (by their best document), and how many match. */
export async function findTopics(
  db: Db,
  dialect: Dialect,
  input: MatchInput & Page,
): Promise<{ topics: FoundTopic[]; total: number }> {
  const rows = await db
    .selectFrom(rankedInTopics(db, dialect, input).as('r'))
    .select([
      'r.topic_id',
      'r.community_id',
      'r.group_id',
      'r.title',
      'r.topic_kind',
      'r.is_solved',
      'r.listed',
    ])
    .where('r.rank', '=', 1)
    .orderBy('r.score', 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.topic_id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const count = await db
    .selectFrom(listedDocuments(db, dialect, input).as('m'))
    .select((eb) => eb.fn.count<number>('m.topic_id').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return {
    topics: rows.map((r) => ({ ...r, listed: Number(r.listed) })),
    total: Number(count.n),
  };
}

export interface FoundPost {
  topic_id: number;
  doc_kind: 'topic' | 'reply';
  doc_id: number;
  body: string;
  created_at: number;
}

/** The best `perTopic` listed documents of each of `topicIds`, best first within each topic. */
export async function findTopicPosts(
  db: Db,
  dialect: Dialect,
  input: MatchInput,
  topicIds: number[],
  perTopic: number,
): Promise<FoundPost[]> {
  if (topicIds.length === 0) return [];
  const best = await db
    .selectFrom(rankedInTopics(db, dialect, input, topicIds).as('r'))
    .select(['r.id', 'r.topic_id', 'r.doc_kind', 'r.doc_id', 'r.created_at'])
    .where('r.rank', '<=', perTopic)
    .orderBy('r.topic_id')
    .orderBy('r.rank')
    .execute();
  if (best.length === 0) return [];
  // Bodies are read for these few only: a topic may have hundreds of matching replies.
  const bodies = await db
    .selectFrom('search_documents')
    .select(['id', 'body'])
    .where(
      'id',
      'in',
      best.map((b) => b.id),
    )
    .execute();
  const bodyOf = new Map(bodies.map((b) => [b.id, b.body]));
  return best.map(({ id, ...post }) => ({ ...post, body: bodyOf.get(id) ?? '' }));
}

export interface FoundDocument {
  doc_kind: 'topic' | 'reply';
  doc_id: number;
  topic_id: number;
  community_id: number;
  group_id: number | null;
  title: string;
  body: string;
  created_at: number;
}

/** Every matching document, one by one, best first then newest (importers' checks, tools). */
export async function findDocuments(
  db: Db,
  dialect: Dialect,
  input: MatchInput & Page,
): Promise<{ rows: FoundDocument[]; total: number }> {
  const matched = matchingDocuments(db, dialect, input);
  const rows = await matched
    .select('d.body')
    .orderBy('score', 'desc')
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  const count = await db
    .selectFrom(matched.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
