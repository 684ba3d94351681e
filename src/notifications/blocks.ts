import type { Db } from '../db/index.js';
import { whoBlocked as blockersOf } from '../messages/index.js';

/**
 * The members among `userIds` who blocked `actorId`, who must not be notified of anything they
 * do (a blocked member cannot mention-notify): the private-messages feature owns blocks.
 */
export function whoBlocked(db: Db, userIds: number[], actorId: number): Promise<Set<number>> {
  return blockersOf(db, actorId, userIds);
}
