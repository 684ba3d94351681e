import type { Circle } from './circles.js';
import type { ScopeFacts } from './facts.js';
import { DAY, monthKey, ratio } from './stats.js';

/**
 * Seed 000's ladder over [from, to): core members at `to` count as engaged; anonymous visitors
 * (each day's distinct ones) are reached too, beside the members who visited.
 */
export function ladder(f: ScopeFacts, circles: Map<number, Circle>) {
  const best = new Map(f.rungs);
  for (const [id, c] of circles) if (c === 'core') best.set(id, 3);
  let membersReached = 0;
  let interacting = 0;
  let engaged = 0;
  for (const r of best.values()) {
    if (r >= 1) membersReached++;
    if (r >= 2) interacting++;
    if (r >= 3) engaged++;
  }
  const reached = membersReached + f.anonymousVisitors;
  return {
    reached,
    members_reached: membersReached,
    anonymous_visitors: f.anonymousVisitors,
    interacting,
    engaged,
    conversion: {
      interacting_per_reached: ratio(interacting, reached),
      engaged_per_interacting: ratio(engaged, interacting),
    },
    flows: f.moves.map((m) => ({
      month: monthKey(m.month * DAY),
      up: m.up,
      held: m.held,
      down: m.down,
    })),
  };
}
