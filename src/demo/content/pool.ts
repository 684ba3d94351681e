import type { Random } from './random.js';

export type Act = 'post' | 'react' | 'visit';

/** One member's place in a space (community root or group) and how much they do there. */
export interface Seat {
  handle: string;
  joinedAt: number;
  /** After this moment the member is dormant and does nothing more. */
  until: number;
  weights: Record<Act, number>;
}

/**
 * The people who may act in a space at a given moment, drawn by weight. Drawing only from seats
 * joined before `at` is what keeps every action after the member's arrival. Seats are sorted by
 * arrival and copied into typed arrays: tens of thousands of draws must stay fast.
 */
export class Pool {
  readonly seats: readonly Seat[];
  private readonly joined: Float64Array;
  private readonly until: Float64Array;
  private readonly weights: Record<Act, Float64Array>;

  constructor(seats: readonly Seat[]) {
    this.seats = [...seats].sort((a, b) => a.joinedAt - b.joinedAt);
    this.joined = Float64Array.from(this.seats, (s) => s.joinedAt);
    this.until = Float64Array.from(this.seats, (s) => s.until);
    const of = (act: Act) => Float64Array.from(this.seats, (s) => s.weights[act]);
    this.weights = { post: of('post'), react: of('react'), visit: of('visit') };
  }

  has(handle: string, at: number): boolean {
    return this.seats.some((s) => s.handle === handle && s.joinedAt <= at && at <= s.until);
  }

  pick(rng: Random, act: Act, at: number, skip?: ReadonlySet<string>): Seat | undefined {
    const weights = this.weights[act];
    const end = this.arrivedBy(at);
    let total = 0;
    for (let i = 0; i < end; i++) if (this.usable(i, at, weights, skip)) total += weights[i] ?? 0;
    if (total <= 0) return undefined;
    let r = rng.next() * total;
    let last: Seat | undefined;
    for (let i = 0; i < end; i++) {
      if (!this.usable(i, at, weights, skip)) continue;
      last = this.seats[i];
      r -= weights[i] ?? 0;
      if (r < 0) return last;
    }
    return last;
  }

  /** Number of seats joined at or before `at` (binary search on the sorted arrivals). */
  private arrivedBy(at: number): number {
    let lo = 0;
    let hi = this.joined.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.joined[mid] ?? Infinity) <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private usable(
    i: number,
    at: number,
    weights: Float64Array,
    skip?: ReadonlySet<string>,
  ): boolean {
    if ((weights[i] ?? 0) <= 0 || (this.until[i] ?? 0) < at) return false;
    return skip === undefined || !skip.has(this.seats[i]?.handle ?? '');
  }
}
