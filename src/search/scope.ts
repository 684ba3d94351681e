/** What the searcher may read: communities, and the groups within them. Nothing else is returned. */
export interface SearchScope {
  communityIds: number[];
  groupIds: number[];
}

const MAX_LIMIT = 100;

export function safeIds(values: number[]): number[] {
  return values.filter((v) => Number.isSafeInteger(v));
}

/** The readable communities, narrowed to one when the searcher asks for it. */
export function scopedCommunityIds(scope: SearchScope, communityId: number | undefined): number[] {
  return safeIds(scope.communityIds).filter(
    (id) => communityId === undefined || id === communityId,
  );
}

/** A page within bounds, whatever the caller passed. */
export function pageOf(input: { limit: number; offset: number }): {
  limit: number;
  offset: number;
} {
  return {
    limit: Math.max(1, Math.min(MAX_LIMIT, Math.trunc(input.limit) || 1)),
    offset: Math.max(0, Math.trunc(input.offset) || 0),
  };
}
