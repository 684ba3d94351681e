import { HOUR, weekdayShift, type Clock } from './calendar.js';
import type { Random } from './random.js';
import type { Thread } from './topics.js';
import type { DemoAnonymousVisit, DemoCommunity } from './types.js';

const DAY = 24 * HOUR;
// Readers who come back now and then without an account: a search engine's or a newsletter's.
const READERS = 300;

/**
 * Readers without an account, on what anyone may read (a public community, and a public group
 * of it or none): each logged once a day per scope, as the server does with its salted hashes.
 */
export function makeAnonymousVisits(
  rng: Random,
  clock: Clock,
  communities: readonly DemoCommunity[],
  threads: readonly Thread[],
): DemoAnonymousVisit[] {
  const open = new Set<string>();
  for (const c of communities) {
    if (c.visibility !== 'public') continue;
    open.add(`${c.slug}|`);
    for (const g of c.groups) if (g.visibility === 'public') open.add(`${c.slug}|${g.slug}`);
  }
  const seen = new Set<string>();
  const visits: DemoAnonymousVisit[] = [];
  const log = (
    day: number,
    reader: number,
    communitySlug: string | null,
    groupSlug: string | null,
    at: number,
  ) => {
    const key = `${day}|${reader}|${communitySlug ?? ''}|${groupSlug ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    visits.push({ communitySlug, groupSlug, at });
  };
  for (const { topic } of threads) {
    if (!open.has(`${topic.communitySlug}|${topic.groupSlug ?? ''}`)) continue;
    const count = Math.round(rng.logNormal(4 + topic.replies.length * 0.6, 0.6));
    for (let i = 0; i < count; i++) {
      const at = Math.round(weekdayShift(rng, topic.createdAt + rng.logNormal(30 * HOUR, 1.8)));
      if (at > clock.now) continue;
      const day = Math.floor(at / DAY);
      const reader = rng.int(0, READERS - 1);
      log(day, reader, null, null, at);
      log(day, reader, topic.communitySlug, null, at);
      if (topic.groupSlug) log(day, reader, topic.communitySlug, topic.groupSlug, at);
    }
  }
  return visits.sort((a, b) => a.at - b.at);
}
