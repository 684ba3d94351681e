import { DAY, HOUR } from './calendar.js';
import type { Random } from './random.js';

/** Members are users 1,000,000 + index: far above the few real users the setup creates. */
export const MEMBER_BASE = 1_000_000;

/** Share of members who ever may post; the others read and sometimes react. */
const POSTER_SHARE = 0.6;
/** Of those, the occasional ones: a question or two in their whole stay. */
const OCCASIONAL = 0.45;
/** Tail of the posting effort: lower means a few members carry more of the conversation. */
const POSTER_ALPHA = 1.85;
const MAX_WEIGHT = 4096;
/** Members who join in the community's first two weeks, before growth sets in. */
const FOUNDERS = 0.015;
/** Arrivals per day at the end of the history, relative to its start. */
const GROWTH = 4;
/** Share of members who never drift away; the others go quiet after a log-normal lifetime. */
const STAYING = 0.2;
const LIFETIME_MEDIAN = 90 * DAY;
/** Of the members who go quiet, the share who also leave the community (`community.left`). */
const LEAVING = 0.07;

/**
 * Everyone's arrival, departure and appetite, decided up front so the daily volume can follow
 * the active population. Index order is arrival order.
 */
export interface Population {
  count: number;
  joinAt: Float64Array;
  /** When the member goes quiet; Infinity if never within the history. */
  endAt: Float64Array;
  leaves: Uint8Array;
  poster: Float32Array;
  reactor: Float32Array;
  viewer: Float32Array;
}

export function buildPopulation(rng: Random, count: number, from: number, to: number): Population {
  const joinAt = new Float64Array(count);
  const span = to - HOUR - (from + DAY);
  const k = Math.log(GROWTH);
  for (let i = 0; i < count; i++) {
    if (rng.chance(FOUNDERS)) joinAt[i] = from + HOUR + rng.next() * 14 * DAY;
    else {
      // Inverse of an exponentially growing arrival rate.
      const x = Math.log(1 + rng.next() * (GROWTH - 1)) / k;
      joinAt[i] = from + DAY + x * span;
    }
  }
  joinAt.sort();
  for (let i = 0; i < count; i++) joinAt[i] = Math.floor(joinAt[i] ?? 0);
  const endAt = new Float64Array(count);
  const leaves = new Uint8Array(count);
  const poster = new Float32Array(count);
  const reactor = new Float32Array(count);
  const viewer = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const stays = rng.chance(STAYING);
    const end = (joinAt[i] ?? 0) + Math.max(DAY, rng.logNormal(LIFETIME_MEDIAN, 1.3));
    endAt[i] = stays || end >= to ? Infinity : Math.floor(end);
    leaves[i] = endAt[i] !== Infinity && rng.chance(LEAVING) ? 1 : 0;
    const posts = postingWeight(rng);
    poster[i] = posts;
    // Posters react too, in proportion; half of the silent members react now and then.
    if (posts > 0) reactor[i] = 0.3 + 0.6 * posts ** 0.7 * rng.logNormal(1, 0.5);
    else if (rng.chance(0.5)) reactor[i] = rng.logNormal(0.6, 1);
    viewer[i] = rng.logNormal(1, 1) + 0.5 * posts ** 0.6;
  }
  return { count, joinAt, endAt, leaves, poster, reactor, viewer };
}

/** 0 for members who never post; tiny for occasional posters; Pareto for the regulars. */
function postingWeight(rng: Random): number {
  if (!rng.chance(POSTER_SHARE)) return 0;
  if (rng.chance(OCCASIONAL)) return rng.logNormal(0.06, 0.8);
  return Math.min(MAX_WEIGHT, rng.pareto(POSTER_ALPHA));
}

/** The viewing weight of the members active each day: the volume of each day follows it. */
export function activeWeightByDay(p: Population, from: number, days: number): Float64Array {
  const delta = new Float64Array(days + 1);
  for (let i = 0; i < p.count; i++) {
    const w = p.viewer[i] ?? 0;
    const start = Math.floor(((p.joinAt[i] ?? 0) - from) / DAY);
    delta[start] = (delta[start] ?? 0) + w;
    const end = p.endAt[i] ?? Infinity;
    if (end !== Infinity) {
      const last = Math.min(days, Math.floor((end - from) / DAY));
      delta[last] = (delta[last] ?? 0) - w;
    }
  }
  const weight = new Float64Array(days);
  // Staff keep a floor of activity before the first members arrive.
  let running = 5;
  for (let d = 0; d < days; d++) {
    running += delta[d] ?? 0;
    weight[d] = Math.max(running, 5);
  }
  return weight;
}
