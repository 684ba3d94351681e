import {
  assignBuddy,
  proposeBuddies,
  requireBuddiesPage,
  requireBuddyStaff,
  volunteer,
} from '../buddies/index.js';
import { now, type Store } from '../db/index.js';
import type { Viewer } from '../http/index.js';
import type { DemoData } from './content/index.js';

const DAY = 86_400_000;

/**
 * The demo's buddies: a few long-standing members who wrote about themselves volunteer, and the
 * two newest newcomers get the buddy Ruche proposes first (the others wait in the welcome queue).
 * Through the buddies feature's own functions, as the members and the animator would.
 */
export async function seedBuddies(
  store: Store,
  data: DemoData,
  communityId: number,
  viewerOf: (handle: string) => Viewer,
): Promise<void> {
  const [main] = data.communities;
  if (!main) return;
  const at = now();
  const withBio = new Set(data.members.filter((m) => m.bio !== '').map((m) => m.handle));
  const members = main.memberships.filter((m) => m.role === 'member');
  const volunteers = members
    .filter((m) => m.joinedAt < at - 90 * DAY && withBio.has(m.handle))
    .slice(0, 6);
  for (const v of volunteers)
    await volunteer(
      store,
      await requireBuddiesPage(store, viewerOf(v.handle), { id: communityId }),
    );
  const animator = viewerOf(data.animatorHandle);
  const access = await requireBuddyStaff(store, animator, { id: communityId });
  const newcomers = members
    .filter((m) => m.joinedAt >= at - 30 * DAY)
    .sort((a, b) => b.joinedAt - a.joinedAt)
    .slice(0, 2);
  for (const n of newcomers) {
    const id = viewerOf(n.handle).id;
    const [first] = await proposeBuddies(store, access, id);
    if (first) await assignBuddy(store, animator, access, id, first.member.id);
  }
}
