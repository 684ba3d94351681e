import type { Random } from './random.js';

const CLASSES = 40;
/** Weights are bucketed by powers of two from here; smaller ones share the lowest bucket. */
const BASE = 2 ** -12;
const OUT = -1;

/**
 * Members who may act now, drawn in proportion to their weight, with O(1) joins and departures.
 * Each member sits in the bucket of its power of two; a draw picks a bucket by its capacity
 * (size × ceiling), a member uniformly in it, and keeps it with probability weight ÷ ceiling
 * (at least ½), which is exact weighted sampling without prefix sums to maintain.
 */
export class WeightedPool {
  private readonly bucketOf: Int8Array;
  private readonly buckets: Int32Array[];
  private readonly sizes = new Int32Array(CLASSES);
  private readonly ceilings = new Float64Array(CLASSES);
  private readonly position: Int32Array;
  private capacity = 0;

  constructor(private readonly weights: Float32Array) {
    this.bucketOf = new Int8Array(weights.length).fill(OUT);
    this.position = new Int32Array(weights.length).fill(OUT);
    const counts = new Int32Array(CLASSES);
    for (let k = 0; k < CLASSES; k++) this.ceilings[k] = BASE * 2 ** (k + 1);
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w <= 0) continue;
      const k = Math.min(CLASSES - 1, Math.max(0, Math.floor(Math.log2(w / BASE))));
      this.bucketOf[i] = k;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    this.buckets = Array.from(counts, (n) => new Int32Array(n));
  }

  add(i: number): void {
    const k = this.bucketOf[i] ?? OUT;
    if (k === OUT || this.position[i] !== OUT) return;
    const size = this.sizes[k] ?? 0;
    (this.buckets[k] as Int32Array)[size] = i;
    this.position[i] = size;
    this.sizes[k] = size + 1;
    this.capacity += this.ceilings[k] ?? 0;
  }

  remove(i: number): void {
    const k = this.bucketOf[i] ?? OUT;
    const at = this.position[i] ?? OUT;
    if (k === OUT || at === OUT) return;
    const bucket = this.buckets[k] as Int32Array;
    const last = (this.sizes[k] ?? 1) - 1;
    const moved = bucket[last] ?? 0;
    bucket[at] = moved;
    this.position[moved] = at;
    this.position[i] = OUT;
    this.sizes[k] = last;
    this.capacity -= this.ceilings[k] ?? 0;
  }

  /** A member index, or -1 when nobody with a weight is in the pool. */
  pick(rng: Random): number {
    for (let attempt = 0; attempt < 64 && this.capacity > 0; attempt++) {
      let r = rng.next() * this.capacity;
      let k = 0;
      while (k < CLASSES - 1 && r >= (this.sizes[k] ?? 0) * (this.ceilings[k] ?? 0)) {
        r -= (this.sizes[k] ?? 0) * (this.ceilings[k] ?? 0);
        k++;
      }
      const size = this.sizes[k] ?? 0;
      if (size === 0) continue;
      const i = (this.buckets[k] as Int32Array)[rng.below(size)] ?? 0;
      if (rng.next() * (this.ceilings[k] ?? 1) < (this.weights[i] ?? 0)) return i;
    }
    return -1;
  }
}

/** A binary min-heap of (time, id) pairs in typed arrays: due replies, acceptances, departures. */
export class TimeHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.values = new Int32Array(Math.max(16, capacity));
  }

  get topKey(): number {
    return this.size > 0 ? (this.keys[0] ?? Infinity) : Infinity;
  }

  get topValue(): number {
    return this.values[0] ?? 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] ?? 0;
      if (pk <= key) break;
      this.keys[i] = pk;
      this.values[i] = this.values[parent] ?? 0;
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  pop(): void {
    const n = --this.size;
    if (n <= 0) return;
    const key = this.keys[n] ?? 0;
    const value = this.values[n] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (this.keys[child + 1] ?? 0) < (this.keys[child] ?? 0)) child++;
      const ck = this.keys[child] ?? 0;
      if (ck >= key) break;
      this.keys[i] = ck;
      this.values[i] = this.values[child] ?? 0;
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
