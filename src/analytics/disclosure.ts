/**
 * Which counts of people a sponsor may see: none under five, and none that, subtracted from or
 * added to another shown count, leaves fewer than five people (docs/privacy.md).
 */

/** Below this many people a figure could point at someone: sponsors never see it. */
export const MIN_GROUP_SIZE = 5;

/** What people did over some UTC days; each kind holds the ones before it. */
export const CONTRIBUTED = 0;
export const INTERACTED = 1;
export const ACTIVE = 2;
export const MEMBER = 3;

/** Everyone who did `did` (or more) on a day of [from, to): a set of people. */
export interface Span {
  did: number;
  from: number;
  to: number;
}

/** A count of people, placed among the others it holds or lies in. */
export interface PeopleCount {
  key: string;
  n: number;
  /** It holds everyone of this span. */
  lo?: Span | undefined;
  /** Everyone in it belongs to this span. */
  hi?: Span | undefined;
  /** Counts known to hold everyone in this one, beside what the spans say. */
  within?: string[];
}

const spanIn = (a: Span, b: Span) => a.did <= b.did && b.from <= a.from && a.to <= b.to;
const sameSpan = (a: Span, b: Span) => a.did === b.did && a.from === b.from && a.to === b.to;
/** The count is exactly its span's people. */
const exact = (c: PeopleCount) => c.lo !== undefined && c.hi !== undefined && sameSpan(c.lo, c.hi);

/**
 * Counts shown one after another, in the order they matter: each only if it is at least 5 and
 * differs by at least 5 from every shown count that holds it or that it holds (the difference is a
 * count of people too). Two counts of the same span may show the same number.
 */
export class Disclosure {
  private readonly counts = new Map<string, PeopleCount>();
  /** For each count, every count known to hold it (through the others too). */
  private readonly holders = new Map<string, Set<string>>();
  private readonly shown: PeopleCount[] = [];

  constructor(counts: PeopleCount[]) {
    for (const c of counts) this.counts.set(c.key, c);
    const direct = new Map<string, string[]>();
    for (const a of counts) {
      const out = (a.within ?? []).filter((k) => this.counts.has(k));
      for (const b of counts) {
        if (a !== b && a.hi && b.lo && spanIn(a.hi, b.lo)) out.push(b.key);
      }
      direct.set(a.key, out);
    }
    for (const a of counts) {
      const seen = new Set<string>();
      const stack = [...(direct.get(a.key) ?? [])];
      for (let k = stack.pop(); k !== undefined; k = stack.pop()) {
        if (seen.has(k) || k === a.key) continue;
        seen.add(k);
        stack.push(...(direct.get(k) ?? []));
      }
      this.holders.set(a.key, seen);
    }
  }

  /** Shows these counts together (they follow from each other), or none of them. */
  show(...keys: string[]): boolean {
    const candidates = keys.map((k) => this.counts.get(k));
    if (candidates.some((c) => c === undefined || c.n < MIN_GROUP_SIZE)) return false;
    const all = candidates as PeopleCount[];
    const fine = all.every((a, i) =>
      [...this.shown, ...all.slice(0, i)].every((b) => this.apart(a, b)),
    );
    if (fine) this.shown.push(...all);
    return fine;
  }

  isShown(key: string): boolean {
    return this.shown.some((c) => c.key === key);
  }

  value(key: string): number | null {
    return this.isShown(key) ? (this.counts.get(key)?.n ?? null) : null;
  }

  private apart(a: PeopleCount, b: PeopleCount): boolean {
    const nested = this.holders.get(a.key)?.has(b.key) || this.holders.get(b.key)?.has(a.key);
    if (!nested) return true;
    const alike = exact(a) && exact(b) && a.lo && b.lo && sameSpan(a.lo, b.lo) && a.n === b.n;
    return alike || Math.abs(a.n - b.n) >= MIN_GROUP_SIZE;
  }
}

/** A share over people: shown when both those it counts and those it leaves out are 5 or more. */
export function isShareShown(part: number, whole: number): boolean {
  return part >= MIN_GROUP_SIZE && whole - part >= MIN_GROUP_SIZE;
}

/**
 * Parts that add up to a total the reader knows: each under 5 hidden, and if the hidden ones
 * add up to under 5 (the total less the shown ones), the smallest shown one too.
 */
export function shownParts(parts: number[], isTotalKnown: boolean): boolean[] {
  const shown = parts.map((n) => n >= MIN_GROUP_SIZE);
  const hiddenSum = parts.reduce((sum, n, i) => (shown[i] ? sum : sum + n), 0);
  if (isTotalKnown && shown.includes(false) && hiddenSum < MIN_GROUP_SIZE) {
    let smallest = -1;
    parts.forEach((n, i) => {
      if (shown[i] && (smallest === -1 || n < (parts[smallest] ?? 0))) smallest = i;
    });
    if (smallest !== -1) shown[smallest] = false;
  }
  return shown;
}
