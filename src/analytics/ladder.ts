import type { ScopeFacts } from './facts.js';
import { DAY, monthKey, ratio } from './stats.js';

/**
 * Seed 000's ladder over [from, to): core members at `to` count as engaged; anonymous visitors
 * (each day's distinct ones) are reached too, beside the members who visited.
 */
export function ladder(f: ScopeFacts, core: Set<number>) {
  let membersReached = 0;
  let interacting = 0;
  let engaged = 0;
  let coreSeen = 0;
  const { member, rung } = f.rungs;
  for (let i = 0; i < member.length; i++) {
    let r = rung[i] ?? 0;
    if (core.has(member[i] ?? 0)) {
      r = 3;
      coreSeen++;
    }
    if (r >= 1) membersReached++;
    if (r >= 2) interacting++;
    if (r >= 3) engaged++;
  }
  // Core members with no rung in a period shorter than the window are engaged all the same.
  const coreElse = core.size - coreSeen;
  membersReached += coreElse;
  interacting += coreElse;
  engaged += coreElse;
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
