/** How many recent topics the history remembers; older ones get no more replies or reactions. */
export const RING = 16_384;
/** Replies remembered per topic: targets for nested replies, reactions and acceptances. */
export const SLOTS = 4;

export const ANSWERED = 1;
export const DELETED = 2;
export const ACCEPTED = 4;

/**
 * The most recent topics in a ring, indexed by topic id (ids are a counter from 1), with their
 * last few replies. Bounded memory whatever the size of the history.
 */
export class RecentTopics {
  readonly author = new Int32Array(RING);
  readonly group = new Int32Array(RING);
  readonly at = new Float64Array(RING);
  readonly isQuestion = new Uint8Array(RING);
  readonly flags = new Uint8Array(RING);
  readonly firstReply = new Int32Array(RING);
  readonly replyCount = new Int32Array(RING);
  readonly replyId = new Int32Array(RING * SLOTS);
  readonly replyAuthor = new Int32Array(RING * SLOTS);
  /** Topics created so far: also the id of the newest one. */
  count = 0;

  add(author: number, group: number, at: number, isQuestion: boolean): number {
    const id = ++this.count;
    const s = this.slotOf(id);
    this.author[s] = author;
    this.group[s] = group;
    this.at[s] = at;
    this.isQuestion[s] = isQuestion ? 1 : 0;
    this.flags[s] = 0;
    this.firstReply[s] = 0;
    this.replyCount[s] = 0;
    this.replyId.fill(0, s * SLOTS, s * SLOTS + SLOTS);
    return id;
  }

  slotOf(id: number): number {
    return (id - 1) % RING;
  }

  /** The ring slot of a topic still remembered, or -1. */
  find(id: number): number {
    return id > 0 && id <= this.count && id > this.count - RING ? this.slotOf(id) : -1;
  }

  idAt(slot: number): number {
    const newest = this.slotOf(this.count);
    return this.count - ((newest - slot + RING) % RING);
  }

  isLive(slot: number): boolean {
    return ((this.flags[slot] ?? 0) & DELETED) === 0;
  }

  has(slot: number, flag: number): boolean {
    return ((this.flags[slot] ?? 0) & flag) !== 0;
  }

  mark(slot: number, flag: number): void {
    this.flags[slot] = (this.flags[slot] ?? 0) | flag;
  }

  addReply(slot: number, id: number, author: number): void {
    const n = this.replyCount[slot] ?? 0;
    const j = slot * SLOTS + (n % SLOTS);
    this.replyId[j] = id;
    this.replyAuthor[j] = author;
    this.replyCount[slot] = n + 1;
  }

  /**
   * The slot of the newest topic created at or before `at - age`, or the oldest remembered one
   * when `age` reaches further back; -1 before the first topic.
   */
  byAge(at: number, age: number): number {
    if (this.count === 0) return -1;
    const when = at - age;
    let lo = Math.max(1, this.count - RING + 1);
    let hi = this.count;
    if ((this.at[this.slotOf(lo)] ?? 0) > when) return this.slotOf(lo);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.at[this.slotOf(mid)] ?? 0) <= when) lo = mid;
      else hi = mid - 1;
    }
    return this.slotOf(lo);
  }

  /** A remembered live reply of the topic not written by `not`, or 0. */
  someReply(slot: number, pick: number, not: number): number {
    for (let k = 0; k < SLOTS; k++) {
      const j = slot * SLOTS + ((pick + k) % SLOTS);
      const id = this.replyId[j] ?? 0;
      if (id !== 0 && this.replyAuthor[j] !== not) return id;
    }
    return 0;
  }

  /** Forgets a deleted reply so nothing targets it any more. */
  dropReply(slot: number, id: number): void {
    for (let k = 0; k < SLOTS; k++) {
      const j = slot * SLOTS + k;
      if (this.replyId[j] === id) this.replyId[j] = 0;
    }
    if (this.firstReply[slot] === id) this.firstReply[slot] = 0;
  }

  authorOfReply(slot: number, id: number): number {
    for (let k = 0; k < SLOTS; k++) {
      const j = slot * SLOTS + k;
      if (this.replyId[j] === id) return this.replyAuthor[j] ?? 0;
    }
    return 0;
  }
}
