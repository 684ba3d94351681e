import { HOUR, weekdayShift, type Clock } from './calendar.js';
import type { Random } from './random.js';
import type { Thread } from './topics.js';
import type { DemoVisit } from './types.js';

/**
 * Topic reads. Lively topics are read more, mostly in the day after they appear, and by
 * everyone present in the space, lurkers included: most members read without ever posting.
 */
export function makeVisits(rng: Random, clock: Clock, threads: readonly Thread[]): DemoVisit[] {
  const visits: DemoVisit[] = [];
  threads.forEach(({ topic, space }, topicIndex) => {
    const count = Math.round(rng.logNormal(12 + topic.replies.length * 1.8, 0.5));
    for (let i = 0; i < count; i++) {
      const at = Math.round(weekdayShift(rng, topic.createdAt + rng.logNormal(18 * HOUR, 1.8)));
      if (at > clock.now) continue;
      const seat = space.pool.pick(rng, 'visit', at);
      if (seat === undefined) continue;
      visits.push({ handle: seat.handle, communitySlug: topic.communitySlug, topicIndex, at });
    }
  });
  return visits.sort((a, b) => a.at - b.at);
}
