import { listAdminIds } from '../accounts/index.js';
import {
  canReadCommunityContent,
  requireReadableGroup,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { filterReaders } from '../conversations/index.js';
import type { Db } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';

/**
 * Who may read what, asked of the permission home (src/communities/policy.ts and
 * src/conversations/policy.ts): one member's spaces with their names for a list, and, for a
 * batch of the consumer, every recipient of a space at once (`filterReaders`).
 *
 * `content`: topics and replies of a community, or of one of its groups; `community`: that the
 * community exists for the member (an invitation to a community they cannot read yet).
 */
export type Space =
  | { kind: 'content'; communityId: number; groupId: number | null }
  | { kind: 'community'; communityId: number };

/** Names and addresses of a space a member may read, to write and link a notification. */
export interface SpaceNames {
  community: { slug: string; name: string };
  group: { slug: string; name: string } | null;
}

export interface ReadChecker {
  /** The space's names if `userId` may read it (or see it, for `community`); else null. */
  namesFor(userId: number, space: Space): Promise<SpaceNames | null>;
}

/**
 * A checker for one batch of the consumer or one page of a list: each member's access to each
 * community and group is asked once. Give it the transaction the caller is in (SQLite has one
 * connection).
 */
export function createReadChecker(db: Db): ReadChecker {
  let admins: Promise<Set<number>> | undefined;
  const isAdmin = async (userId: number) => {
    admins ??= listAdminIds(db).then((ids) => new Set(ids));
    return (await admins).has(userId);
  };
  const viewerOf = async (userId: number): Promise<Viewer> => ({
    id: userId,
    handle: '',
    displayName: '',
    isAdmin: await isAdmin(userId),
    locale: null,
  });
  const communities = new Map<string, Promise<CommunityAccess | null>>();
  const accessTo = (userId: number, communityId: number) => {
    const key = `${userId}:${communityId}`;
    let found = communities.get(key);
    if (!found) {
      found = viewerOf(userId).then((viewer) =>
        orNull(requireVisibleCommunity(db, viewer, { id: communityId })),
      );
      communities.set(key, found);
    }
    return found;
  };
  const groups = new Map<string, Promise<SpaceNames['group']>>();
  const groupOf = (userId: number, access: CommunityAccess, groupId: number) => {
    const key = `${userId}:${groupId}`;
    let found = groups.get(key);
    if (!found) {
      found = viewerOf(userId).then((viewer) =>
        orNull(requireReadableGroup(db, access, viewer, groupId)).then((g) =>
          g ? { slug: g.group.slug, name: g.group.name } : null,
        ),
      );
      groups.set(key, found);
    }
    return found;
  };
  return {
    async namesFor(userId, space) {
      const access = await accessTo(userId, space.communityId);
      if (!access) return null;
      const community = { slug: access.community.slug, name: access.community.name };
      if (space.kind === 'community') return { community, group: null };
      if (!canReadCommunityContent(access)) return null;
      if (space.groupId === null) return { community, group: null };
      const group = await groupOf(userId, access, space.groupId);
      return group ? { community, group } : null;
    },
  };
}

/** A hidden place is a missing one (404): either way, not readable. */
async function orNull<T>(asked: Promise<T>): Promise<T | null> {
  try {
    return await asked;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/**
 * For one batch of drafts: whether each recipient may read the space of their notification,
 * asked once per space for all its recipients (a few indexed queries however many watch it).
 */
export async function readersOfSpaces(
  db: Db,
  drafts: readonly { userId: number; space: Space | null }[],
): Promise<(userId: number, space: Space) => Promise<boolean>> {
  const wanted = new Map<string, { space: Space; userIds: number[] }>();
  for (const d of drafts) {
    if (!d.space || d.space.kind !== 'content') continue;
    const key = spaceKey(d.space);
    const entry = wanted.get(key) ?? { space: d.space, userIds: [] };
    entry.userIds.push(d.userId);
    wanted.set(key, entry);
  }
  const readers = new Map<string, Set<number>>();
  for (const [key, { space, userIds }] of wanted) {
    if (space.kind !== 'content') continue;
    const item =
      space.groupId === null ? { communityId: space.communityId } : { groupId: space.groupId };
    readers.set(key, await filterReaders(db, userIds, item));
  }
  // Invitations to a community not readable yet: rare, asked one by one.
  const checker = createReadChecker(db);
  return async (userId, space) =>
    space.kind === 'content'
      ? (readers.get(spaceKey(space))?.has(userId) ?? false)
      : (await checker.namesFor(userId, space)) !== null;
}

function spaceKey(space: Space): string {
  return space.kind === 'content' ? `${space.communityId}:${space.groupId ?? ''}` : '';
}
