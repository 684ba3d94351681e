import { Random as Seeded } from '../../src/demo/content/random.js';

/** The demo's seeded generator (mulberry32), with the draws the pulse benchmark needs. */
export class Random extends Seeded {
  /** Integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  exponential(): number {
    return -Math.log(1 - this.next());
  }
}
