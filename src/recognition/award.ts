import { recordActivities } from '../activity/index.js';
import type { Store } from '../db/index.js';
import { badges } from './badges.js';
import { earnersOf } from './rules-store.js';
import * as store from './store.js';

/** What a run gave: one entry per badge awarded. */
export interface Awarded {
  userId: number;
  communityId: number;
  badge: string;
}

/**
 * Gives every member the badges whose rule they now meet and do not hold. Each badge's new awards
 * commit with their `badge.awarded` log rows (which notify the member); the unique key (member,
 * community, badge) makes a second run, or a run on another instance at once, award nothing twice.
 */
export async function awardBadges(s: Store, now: number): Promise<Awarded[]> {
  const awarded: Awarded[] = [];
  for (const badge of badges) {
    const held = await store.holdersOf(s.db, badge.id);
    const due = (await earnersOf(s.db, badge.rule, now)).filter(
      (e) => !held.has(`${e.userId}:${e.communityId}`),
    );
    if (due.length === 0) continue;
    await s.db.transaction().execute(async (trx) => {
      const made = await store.insertAwards(
        trx,
        due.map((e) => ({
          user_id: e.userId,
          community_id: e.communityId,
          badge: badge.id,
          awarded_at: now,
        })),
      );
      await recordActivities(
        s,
        trx,
        made.map((a) => ({
          actorId: Number(a.user_id),
          communityId: Number(a.community_id),
          kind: 'badge.awarded',
          targetKind: 'badge_award',
          targetId: Number(a.id),
          detail: badge.id,
          at: now,
        })),
      );
      for (const a of made)
        awarded.push({
          userId: Number(a.user_id),
          communityId: Number(a.community_id),
          badge: badge.id,
        });
    });
  }
  return awarded;
}
