import { recordActivity } from '../activity/index.js';
import { now, type Store } from '../db/index.js';
import { importConversation } from '../messages/index.js';
import type { Voice } from '../teams/index.js';
import { defaultWelcome } from '../welcome/index.js';
import type { DemoData } from './content/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo's welcomes: of the main community's newcomers of the last 30 days, the team voice
 * (its animators in turn) welcomed one in three the day after they joined, and a long-standing member another one in three; the
 * newest are still waiting, so the welcome queue has work and the cockpit's welcome figures have
 * something to count. Written as they happened: the private message and its `newcomer.welcomed`
 * row in one transaction, as the welcome feature writes them.
 */
export async function seedWelcomes(
  store: Store,
  data: DemoData,
  community: { id: number; name: string },
  idOf: (handle: string) => number,
  voices: Voice[],
): Promise<void> {
  const [main] = data.communities;
  if (!main) return;
  const at = now();
  const bios = new Map(data.members.map((m) => [m.handle, m]));
  const members = main.memberships.filter((m) => m.role === 'member');
  const newcomers = members
    .filter((m) => m.joinedAt >= at - 30 * DAY)
    .sort((a, b) => a.joinedAt - b.joinedAt);
  // A member who has been there half a year and wrote about themselves welcomes too.
  const elder = members.find((m) => m.joinedAt < at - 180 * DAY && bios.get(m.handle)?.bio);
  // The last three joined too recently to have been welcomed.
  const welcomed = newcomers.slice(0, -3);
  await store.db.transaction().execute(async (trx) => {
    for (const [i, n] of welcomed.entries()) {
      const byMember = i % 3 === 2;
      // The team's animators take turns, each signing as they chose.
      const team = voices[Math.floor(i / 3) % Math.max(1, voices.length)];
      if (i % 3 === 1 || (byMember && !elder) || (!byMember && !team)) continue;
      const sentAt = n.joinedAt + 20 * HOUR;
      if (sentAt >= at) continue;
      const newcomer = bios.get(n.handle);
      const authorId = byMember && elder ? idOf(elder.handle) : (team?.accountId ?? 0);
      const body = defaultWelcome('fr', {
        name: newcomer?.displayName ?? n.handle,
        community: community.name,
        bio: newcomer?.bio ?? '',
      });
      await importConversation(trx, {
        participantIds: [idOf(n.handle), authorId],
        messages: [{ authorId, body, at: sentAt, ...(byMember || !team ? {} : { voice: team }) }],
        unreadFor: [],
      });
      await recordActivity(trx, {
        actorId: authorId,
        communityId: community.id,
        kind: 'newcomer.welcomed',
        targetKind: 'user',
        targetId: idOf(n.handle),
        at: sentAt,
      });
    }
  });
}
