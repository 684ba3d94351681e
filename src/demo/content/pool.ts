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
 * joined before `at` is what keeps every action after the member's arrival.
 */
export class Pool {
  constructor(readonly seats: readonly Seat[]) {}

  present(at: number): Seat[] {
    return this.seats.filter((s) => s.joinedAt <= at && at <= s.until);
  }

  has(handle: string, at: number): boolean {
    return this.seats.some((s) => s.handle === handle && s.joinedAt <= at && at <= s.until);
  }

  pick(rng: Random, act: Act, at: number, skip?: ReadonlySet<string>): Seat | undefined {
    let total = 0;
    for (const s of this.seats) if (this.eligible(s, at, skip)) total += s.weights[act];
    if (total <= 0) return undefined;
    let r = rng.next() * total;
    let last: Seat | undefined;
    for (const s of this.seats) {
      if (!this.eligible(s, at, skip) || s.weights[act] <= 0) continue;
      last = s;
      r -= s.weights[act];
      if (r < 0) return s;
    }
    return last;
  }

  private eligible(s: Seat, at: number, skip?: ReadonlySet<string>): boolean {
    return s.joinedAt <= at && at <= s.until && !(skip?.has(s.handle) ?? false);
  }
}
