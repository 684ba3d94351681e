import type { CommunityAccess } from '../communities/index.js';
import type { GroupExtra, HomeExtra } from '../conversations/index.js';
import type { Store } from '../db/index.js';
import type { PageContext } from '../http/index.js';
import { PinnedAnnouncements } from './pages/pinned.js';
import * as service from './service.js';

function pinnedExtra(store: Store) {
  return async (ctx: PageContext, access: CommunityAccess, groupId: number | null) => {
    const pinned = await service.pinnedTo(store, ctx.viewer, access.community.id, groupId);
    return (
      <PinnedAnnouncements
        ctx={ctx}
        zone={access.community.time_zone}
        pinned={pinned.map((p) => ({
          title: p.link.title,
          href: p.link.href,
          until: Number(p.announcement.pinned_until),
        }))}
      />
    );
  };
}

/** The announcements pinned on a community's home (given to conversations by app.ts). */
export function homePinned(store: Store): HomeExtra {
  const extra = pinnedExtra(store);
  return (ctx, access) => extra(ctx, access, null);
}

/** The announcements pinned on a group's page. */
export function groupPinned(store: Store): GroupExtra {
  const extra = pinnedExtra(store);
  return (ctx, access, groupId) => extra(ctx, access, groupId);
}
