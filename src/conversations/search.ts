import { readableScope } from '../communities/index.js';
import type { Store } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import { searchDocuments } from '../search/index.js';

/** Full-text search over topics and replies, limited to what the viewer may read. */
export async function searchConversations(
  s: Store,
  viewer: Viewer | null,
  q: { q: string; communityId?: number | undefined; limit: number; offset: number },
) {
  const scope = await readableScope(s.db, viewer);
  return searchDocuments(s.db, s.dialect, {
    query: q.q,
    scope,
    ...(q.communityId !== undefined ? { communityId: q.communityId } : {}),
    limit: q.limit,
    offset: q.offset,
  });
}
