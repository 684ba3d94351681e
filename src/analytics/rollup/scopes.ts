import { DAY } from '../stats.js';

/**
 * Where a figure is computed: the whole instance (0, 0), a community (c, 0) or one of its
 * groups (c, g). Roll-up rows carry the scope so each cockpit reads its own rows only.
 */
export interface Scope {
  communityId: number;
  groupId: number;
}

export const instanceScope: Scope = { communityId: 0, groupId: 0 };

/** The scopes an action in a community (and maybe a group) counts in, widest first. */
export function scopesOf(communityId: number, groupId: number | null): Scope[] {
  const scopes = [instanceScope, { communityId, groupId: 0 }];
  if (groupId !== null) scopes.push({ communityId, groupId });
  return scopes;
}

/** Whole UTC days since 1970-01-01: the grain of the daily roll-ups. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY);
}
