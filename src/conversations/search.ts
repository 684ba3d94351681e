import { readableSpaces, type ReadableSpaces } from '../communities/index.js';
import type { Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { searchTopics, type TopicResults } from '../search/index.js';
import type { SearchQuery } from './schemas.js';

const DAY = 86_400_000;

export interface SearchView extends TopicResults {
  /** What the viewer may read, named: the choices of the community and group filters. */
  spaces: ReadableSpaces;
  /** The page of topics shown. */
  page: { limit: number; offset: number };
}

/** The choices of the community and group filters: only what the viewer may read. */
export function searchChoices(s: Store, viewer: Viewer | null): Promise<ReadableSpaces> {
  return readableSpaces(s.db, viewer);
}

/** A calendar day, YYYY-MM-DD, at 00:00 UTC; Date.parse alone reads 2026-02-30 as 2 March. */
function parseDay(value: string, field: 'from' | 'to'): number {
  const ms = Date.parse(value);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(ms) ||
    new Date(ms).toISOString().slice(0, 10) !== value
  ) {
    throw new AppError('invalid_input', {
      field,
      messageKey: 'conversations.search.badDate',
      params: { field, value },
    });
  }
  return ms;
}

/** The period of the posts searched: both days included. */
function periodOf(q: Pick<SearchQuery, 'from' | 'to'>): { from?: number; to?: number } {
  const from = q.from === undefined ? undefined : parseDay(q.from, 'from');
  const to = q.to === undefined ? undefined : parseDay(q.to, 'to') + DAY;
  if (from !== undefined && to !== undefined && from >= to) {
    throw new AppError('invalid_input', {
      field: 'to',
      messageKey: 'conversations.search.badPeriod',
      params: { field: 'to' },
    });
  }
  return { from, to };
}

/**
 * Full-text search over topics and replies, one result per topic, limited to what the viewer
 * may read, with the filters' choices (also limited to it). Bad dates are an input error.
 */
export async function searchConversations(
  s: Store,
  viewer: Viewer | null,
  q: SearchQuery,
): Promise<SearchView> {
  const spaces = await readableSpaces(s.db, viewer);
  const period = periodOf(q);
  const found = await searchTopics(s.db, s.dialect, {
    query: q.q,
    scope: {
      communityIds: spaces.communities.map((c) => c.id),
      groupIds: spaces.groups.map((g) => g.id),
    },
    communityId: q.communityId,
    groupId: q.groupId,
    topicKind: q.kind,
    isSolved: q.solved === undefined ? undefined : q.solved === 'true',
    ...period,
    limit: q.limit,
    offset: q.offset,
  });
  return { ...found, spaces, page: { limit: q.limit, offset: q.offset } };
}
