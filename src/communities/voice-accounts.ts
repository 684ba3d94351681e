import type { Db } from '../db/index.js';
import * as store from './store.js';

/**
 * A team voice's account joins its community as staff: members may write to it as to any
 * animator, and the cockpit leaves it out of the members it counts, as it does staff.
 */
export async function enrolVoiceAccount(
  trx: Db,
  v: { communityId: number; accountId: number; at: number },
): Promise<void> {
  const charter = await store.latestCharter(trx, v.communityId);
  await store.upsertMembership(trx, {
    communityId: v.communityId,
    userId: v.accountId,
    role: 'animator',
    status: 'active',
    charterVersion: charter?.version ?? null,
    at: v.at,
  });
}
