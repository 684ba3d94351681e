import { anonymiseAccount, dueAccountDeletions } from '../accounts/index.js';
import { forgetBuddyTies } from '../buddies/index.js';
import { leaveEverySpace } from '../communities/index.js';
import { eraseAuthorPosts, renameMentions } from '../conversations/index.js';
import type { Store } from '../db/index.js';
import { forgetMemberNotifications } from '../notifications/index.js';
import { forgetMessagesOf } from '../messages/index.js';

/**
 * Carries out the deletions whose grace period ended by `at` (the server's periodic loop calls
 * it; tests pass a later clock). Each account, in one transaction: it leaves every community and
 * group, its posts go if the member chose so, its row becomes an anonymous tombstone that keeps
 * the activity log's rows (the cockpit's past figures stay), other members' mentions of it
 * name the tombstone, and it leaves its private conversations (src/messages/member-data.ts). Returns how many accounts were deleted.
 */
export async function carryOutDueDeletions(s: Store, at: number): Promise<number> {
  let done = 0;
  for (const due of await dueAccountDeletions(s.db, at)) {
    const deleted = await s.db.transaction().execute(async (trx) => {
      // First, as it checks the request still stands (a sign-in may have just cancelled it).
      const tombstone = await anonymiseAccount(trx, due.userId, at);
      if (tombstone === null) return false;
      await leaveEverySpace(trx, due.userId, at);
      await forgetBuddyTies(trx, due.userId);
      if (due.deletePosts) await eraseAuthorPosts(s, trx, due.userId, at);
      await renameMentions(s, trx, due.handle, tombstone);
      await forgetMemberNotifications(trx, due.userId);
      await forgetMessagesOf(trx, due.userId, at, {
        eraseMessages: due.deletePosts,
        oldHandle: due.handle,
        newHandle: tombstone,
      });
      return true;
    });
    if (deleted) done++;
  }
  return done;
}
