import { getOwnAccount } from '../accounts/index.js';
import { activityForExport } from '../activity/index.js';
import { buddiesForExport } from '../buddies/index.js';
import { membershipsForExport, readableScope } from '../communities/index.js';
import { postsForExport } from '../conversations/index.js';
import { messagesForExport } from '../messages/index.js';
import { now, type Store } from '../db/index.js';
import type { Viewer } from '../http/index.js';

const iso = (at: number) => new Date(at).toISOString();

/**
 * Everything Ruche keeps about the viewer, for their export: profile, memberships and accepted
 * charters, posts with their earlier versions, reactions, the activity-log rows where they
 * are the actor, their private conversations, and their buddy ties. Only what they may read today: a private community or group they left, or can
 * no longer read, leaves no trace in it (the communities feature's readable scope decides).
 * Read page by page, so a long history never holds the server.
 */
export async function exportOwnData(s: Store, viewer: Viewer) {
  const user = await getOwnAccount(s, viewer.id);
  const scope = await readableScope(s.db, viewer);
  const memberships = await membershipsForExport(s.db, viewer.id, scope);
  const posts = await postsForExport(s, viewer.id, scope);
  const activity = await activityForExport(s.reads, viewer.id, scope);
  // Their conversations only: theirs and what they received, nothing of others' conversations.
  const privateMessages = await messagesForExport(s, viewer.id);
  const buddies = await buddiesForExport(s.db, viewer.id, scope.communityIds);
  return {
    format: 'ruche-export',
    version: 1,
    exportedAt: iso(now()),
    profile: {
      id: user.id,
      handle: user.handle,
      displayName: user.display_name,
      email: user.email,
      bio: user.bio,
      locale: user.locale,
      isAdmin: user.is_admin === 1,
      createdAt: iso(user.created_at),
    },
    memberships: memberships.communities,
    groupMemberships: memberships.groups,
    ...posts,
    activity,
    privateMessages,
    buddies,
  };
}

export type OwnDataExport = Awaited<ReturnType<typeof exportOwnData>>;

/** The file name of a download: the handle and the day, e.g. `ruche-alice-2026-05-04.json`. */
export function exportFileName(data: OwnDataExport, extension: 'json' | 'html'): string {
  return `ruche-${data.profile.handle}-${data.exportedAt.slice(0, 10)}.${extension}`;
}
