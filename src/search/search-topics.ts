import type { Db, Dialect } from '../db/index.js';
import { pageOf, safeIds, scopedCommunityIds, type SearchScope } from './scope.js';
import { highlight, makeSnippet, type TextPart } from './snippet.js';
import { findTopicPosts, findTopics, type FoundPost, type MatchInput } from './store/index.js';
import { parseQuery } from './terms.js';

/** Narrows a search, always within the searcher's scope. */
export interface TopicFilters {
  communityId?: number;
  /** Only this group's topics: none when the group is not in the scope. */
  groupId?: number;
  /** Only topics of this kind (discussion, question…). */
  topicKind?: string;
  /** Only questions with (true) or without (false) an accepted answer. */
  isSolved?: boolean;
  /** Only posts written from `from` (included) to `to` (excluded), epoch ms. */
  from?: number;
  to?: number;
}

export interface TopicSearchInput extends TopicFilters {
  query: string;
  scope: SearchScope;
  /** Topics per page, and topics to skip. */
  limit: number;
  offset: number;
}

/** One matching post of a topic: its first post (docKind topic) or a reply. */
export interface PostResult {
  docKind: FoundPost['doc_kind'];
  docId: number;
  createdAt: number;
  /** Plain text around the words searched, which are marked; the post's start if none is in it. */
  snippet: TextPart[];
}

export interface TopicResult {
  topicId: number;
  communityId: number;
  groupId: number | null;
  topicKind: string;
  isSolved: boolean;
  /** The title, with the words searched marked. */
  title: TextPart[];
  /** Its best-matching posts, best first. */
  posts: PostResult[];
  /** How many more of its posts matched. */
  morePosts: number;
}

export interface TopicResults {
  topics: TopicResult[];
  /** Matching topics, all pages together. */
  total: number;
}

const POSTS_PER_TOPIC = 3;
const NOTHING: TopicResults = { topics: [], total: 0 };

/**
 * Finds the topics whose posts match every word of the query (in French or English, with or
 * without accents), one result per topic with its best posts under it. A word weighs most in
 * the title, then in the topic's first post, then in a reply; topics come best match first,
 * then newest, and are paged and counted by topic. Only documents of the scope are searched: an
 * empty scope, a group out of it or a query without words finds nothing. Never throws on what
 * a member types.
 */
export async function searchTopics(
  db: Db,
  dialect: Dialect,
  input: TopicSearchInput,
): Promise<TopicResults> {
  const parsed = parseQuery(input.query);
  const communityIds = scopedCommunityIds(input.scope, input.communityId);
  const groupIds = safeIds(input.scope.groupIds);
  if (parsed.groups.length === 0 || communityIds.length === 0) return NOTHING;
  if (input.groupId !== undefined && !groupIds.includes(input.groupId)) return NOTHING;

  const match: MatchInput = {
    text: parsed.text,
    groups: parsed.groups,
    communityIds,
    groupIds,
    groupId: input.groupId,
    topicKind: input.topicKind,
    isSolved: input.isSolved,
    from: input.from,
    to: input.to,
  };
  const { topics, total } = await findTopics(db, dialect, { ...match, ...pageOf(input) });
  const posts = await findTopicPosts(
    db,
    dialect,
    match,
    topics.map((t) => t.topic_id),
    POSTS_PER_TOPIC,
  );
  return {
    total,
    topics: topics.map((t): TopicResult => {
      const listed = posts.filter((p) => p.topic_id === t.topic_id);
      return {
        topicId: t.topic_id,
        communityId: t.community_id,
        groupId: t.group_id,
        topicKind: t.topic_kind,
        isSolved: t.is_solved === 1,
        title: highlight(t.title, parsed.groups),
        posts: listed.map((p) => ({
          docKind: p.doc_kind,
          docId: p.doc_id,
          createdAt: p.created_at,
          snippet: makeSnippet(p.body, parsed.groups),
        })),
        morePosts: Math.max(0, t.listed - listed.length),
      };
    }),
  };
}
