import type { Plan } from './history.js';
import { MEMBER_BASE } from './members.js';
import { WeightedPool } from './pool.js';
import type { Random } from './random.js';

/** Share of topics posted in a group (the rest at the community's root). */
const GROUP_SHARE = 0.6;

/**
 * Who acts: members drawn by their weight among those present, staff now and then, and the
 * groups members belong to. Actor ids are user ids (members from MEMBER_BASE).
 */
export class Cast {
  /** Groups created so far, a prefix of plan.groups. */
  openGroups = 0;
  private readonly posters: WeightedPool;
  private readonly reactors: WeightedPool;
  private readonly viewers: WeightedPool;
  private readonly hasPosted: Uint8Array;
  private readonly groupsOf: Uint32Array;
  private readonly groupOdds: Float64Array;

  constructor(
    private readonly rng: Random,
    private readonly plan: Plan,
  ) {
    const p = plan.people;
    this.posters = new WeightedPool(p.poster);
    this.reactors = new WeightedPool(p.reactor);
    this.viewers = new WeightedPool(p.viewer);
    this.hasPosted = new Uint8Array(p.count);
    this.groupsOf = new Uint32Array(p.count);
    // Older groups draw more of the activity (Zipf).
    let odds = 0;
    this.groupOdds = Float64Array.from(plan.groups, (_, k) => (odds += 1 / (k + 1) ** 0.9));
  }

  arrive(i: number): void {
    this.posters.add(i);
    this.reactors.add(i);
    this.viewers.add(i);
  }

  goQuiet(i: number): void {
    this.posters.remove(i);
    this.reactors.remove(i);
    this.viewers.remove(i);
  }

  /** A member drawn by weight, or a staff member (always, while no member fits). */
  poster(staffShare: number): number {
    return this.choose(this.posters, staffShare);
  }

  reactor(staffShare: number): number {
    return this.choose(this.reactors, staffShare);
  }

  viewer(staffShare: number): number {
    return this.choose(this.viewers, staffShare);
  }

  staff(): number {
    return this.plan.staffIds[this.rng.below(this.plan.staffIds.length)] ?? this.plan.adminId;
  }

  animator(): number {
    return this.plan.animatorIds[this.rng.below(this.plan.animatorIds.length)] ?? this.plan.adminId;
  }

  /** Staff, or a member who has not gone quiet: only they come back to their own posts. */
  isAround(actor: number, at: number): boolean {
    return actor < MEMBER_BASE || (this.plan.people.endAt[actor - MEMBER_BASE] ?? 0) > at;
  }

  isNewcomer(actor: number): boolean {
    return actor >= MEMBER_BASE && this.hasPosted[actor - MEMBER_BASE] === 0;
  }

  markPosted(actor: number): void {
    if (actor >= MEMBER_BASE) this.hasPosted[actor - MEMBER_BASE] = 1;
  }

  /** Where a new topic goes: the author's own groups first, else a group by popularity, or 0. */
  chooseGroup(author: number): number {
    if (this.openGroups === 0 || !this.rng.chance(GROUP_SHARE)) return 0;
    const open = 2 ** this.openGroups - 1;
    const mine = author >= MEMBER_BASE ? (this.groupsOf[author - MEMBER_BASE] ?? 0) & open : 0;
    if (mine !== 0 && this.rng.chance(0.7)) {
      const bits: number[] = [];
      for (let k = 0; k < this.openGroups; k++) if ((mine & (1 << k)) !== 0) bits.push(k);
      return this.plan.groups[bits[this.rng.below(bits.length)] ?? 0]?.id ?? 0;
    }
    return this.plan.groups[this.popularGroup()]?.id ?? 0;
  }

  /** A member joining a group they are not in yet: [member id, group id], or undefined. */
  joinGroup(): [number, number] | undefined {
    const i = this.viewers.pick(this.rng);
    if (i < 0 || this.openGroups === 0) return undefined;
    const k = this.popularGroup();
    const mask = this.groupsOf[i] ?? 0;
    if ((mask & (1 << k)) !== 0) return undefined;
    this.groupsOf[i] = mask | (1 << k);
    return [MEMBER_BASE + i, this.plan.groups[k]?.id ?? 0];
  }

  private popularGroup(): number {
    const r = this.rng.next() * (this.groupOdds[this.openGroups - 1] ?? 0);
    let k = 0;
    while (k < this.openGroups - 1 && (this.groupOdds[k] ?? 0) <= r) k++;
    return k;
  }

  private choose(pool: WeightedPool, staffShare: number): number {
    if (this.rng.chance(staffShare)) return this.staff();
    const i = pool.pick(this.rng);
    return i < 0 ? this.staff() : MEMBER_BASE + i;
  }
}
