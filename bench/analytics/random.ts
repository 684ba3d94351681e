import { Random as Seeded } from '../../src/demo/content/random.js';

/** The demo's seeded generator (mulberry32), with the few draws the benchmark's history needs. */
export class Random extends Seeded {
  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Pareto with minimum 1: a few members do most of the work. */
  pareto(alpha: number): number {
    return (1 - this.next()) ** (-1 / alpha);
  }

  exponential(): number {
    return -Math.log(1 - this.next());
  }
}
