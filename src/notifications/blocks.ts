import type { Db } from '../db/index.js';

/**
 * SEAM (blocks): the members among `userIds` who blocked `actorId`, who must not be notified of
 * anything they do (a blocked member cannot mention-notify). The private-messages feature owns
 * blocks; its batch question replaces this body. Until then nobody has blocked anybody.
 */
export function whoBlocked(_db: Db, _userIds: number[], _actorId: number): Promise<Set<number>> {
  return Promise.resolve(new Set());
}
