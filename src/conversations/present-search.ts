import { plainTextOf, type TopicResults } from '../search/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Search results for the API: each text both plain and in parts, the words searched marked. */
export function presentSearchResults(found: TopicResults) {
  return {
    total: found.total,
    results: found.topics.map((t) => ({
      topicId: t.topicId,
      communityId: t.communityId,
      groupId: t.groupId,
      kind: t.topicKind,
      isSolved: t.isSolved,
      title: plainTextOf(t.title),
      titleParts: t.title,
      posts: t.posts.map((p) => ({
        docKind: p.docKind,
        docId: p.docId,
        createdAt: iso(p.createdAt),
        snippet: plainTextOf(p.snippet),
        snippetParts: p.snippet,
      })),
      morePosts: t.morePosts,
    })),
  };
}
