import { DAY, HOUR, MINUTE, type Clock } from './calendar.js';
import { COMMUNITY_SPECS, PARTNERS, VOLUNTEERS } from './communities.js';
import { fill } from './fill.js';
import { FIRST_NAMES, LAST_NAMES, PSEUDONYMS, slug } from './names.js';
import type { Act } from './pool.js';
import { ANIMATOR_HANDLE, PARTNER_BIOS, PERSONAS, VOLUNTEER_BIOS } from './profiles.js';
import type { Random } from './random.js';
import type { DemoMember } from './types.js';

/** A member plus what drives their behaviour: where they belong and how much they act. */
export interface Person {
  member: DemoMember;
  core: boolean;
  /** Community slug → when the member joined it. */
  joined: Map<string, number>;
  /** After this moment the member is dormant. */
  until: number;
  weights: Record<Act, number>;
}

const MEMBER_COUNT = 300;
/** Generated members: volunteers only, both communities, partners only. */
const HOMES = { volunteers: 173, both: 60, partners: 53 } as const;
/** Share of generated members who ever post; the others only read or react. */
const POSTER_SHARE = 0.47;

export function buildPeople(rng: Random, clock: Clock): Person[] {
  const used = new Set(PERSONAS.map((p) => p.handle));
  const people = PERSONAS.map((p): Person => {
    const joined = new Map(Object.entries(p.joined).map(([c, days]) => [c, clock.daysAgo(days)]));
    const weight = p.core ? 4 : 3;
    return {
      member: member(p.handle, p.displayName, p.bio, joined, p.handle === ANIMATOR_HANDLE, clock),
      core: p.core,
      joined,
      until: Infinity,
      weights: { post: weight, react: weight / 2, visit: weight / 2 },
    };
  });
  const homes = rng.shuffle([
    ...Array<'volunteers'>(HOMES.volunteers).fill('volunteers'),
    ...Array<'both'>(HOMES.both).fill('both'),
    ...Array<'partners'>(HOMES.partners).fill('partners'),
  ]);
  const count = MEMBER_COUNT - PERSONAS.length;
  // An exact number of posters keeps the share of silent members stable across seeds.
  const posting = rng.shuffle(Array.from({ length: count }, (_, i) => i < count * POSTER_SHARE));
  const pseudonyms = rng.shuffle(PSEUDONYMS);
  for (const [i, home] of homes.slice(0, count).entries()) {
    const joined = joinDates(rng, clock, home);
    const pseudonym = rng.chance(0.08) ? pseudonyms.pop() : undefined;
    const [displayName, base] = pseudonym !== undefined ? [pseudonym, slug(pseudonym)] : name(rng);
    const handle = unique(base, used);
    const bios = home === 'partners' ? PARTNER_BIOS : VOLUNTEER_BIOS;
    const bio = rng.chance(0.5) ? fill(rng.pick(bios), { rng, bound: new Map() }) : '';
    const first = Math.min(...joined.values());
    // Some members drift away after a while: the cockpit's « dormant » circle.
    const dormantAt = first + rng.int(20, 220) * DAY;
    const until = rng.chance(0.15) && dormantAt < clock.now ? dormantAt : Infinity;
    people.push({
      member: member(handle, displayName, bio, joined, false, clock),
      core: false,
      joined,
      until,
      weights: weights(rng, posting[i] === true),
    });
  }
  return people;
}

function weights(rng: Random, posts: boolean): Record<Act, number> {
  if (posts) {
    const post = Math.min(6, Math.max(0.3, rng.logNormal(1.5, 1)));
    return { post, react: 1 + post * 0.4, visit: 2 + post * 0.6 };
  }
  // Lurkers: about half of them react now and then, all of them read.
  const react = rng.chance(0.55) ? rng.logNormal(0.8, 0.7) : 0;
  return { post: 0, react, visit: rng.logNormal(1.5, 0.8) };
}

function joinDates(
  rng: Random,
  clock: Clock,
  home: 'volunteers' | 'both' | 'partners',
): Map<string, number> {
  const [volunteers, partners] = COMMUNITY_SPECS.map((c) => clock.daysAgo(c.daysAgo)) as [
    number,
    number,
  ];
  const joined = new Map<string, number>();
  if (home === 'partners') {
    joined.set(PARTNERS, clock.grown(rng, partners + DAY, clock.now - 3 * HOUR));
    return joined;
  }
  const first = clock.grown(rng, volunteers + 2 * DAY, clock.now - 3 * HOUR);
  joined.set(VOLUNTEERS, first);
  if (home === 'both') {
    const from = Math.max(partners + DAY, first + HOUR);
    const later = from + rng.logNormal(15, 1) * DAY;
    joined.set(
      PARTNERS,
      Math.round(later < clock.now ? later : from + rng.next() * (clock.now - from)),
    );
  }
  return joined;
}

function name(rng: Random): [string, string] {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const display = rng.chance(0.1) ? `${first} ${last.charAt(0)}.` : `${first} ${last}`;
  const f = slug(first);
  const l = slug(last);
  const formats = [`${f}-${l}`, `${f}_${l.charAt(0)}`, `${f}${l}`, `${f.charAt(0)}${l}`];
  formats.push(`${f}${rng.int(10, 99)}`, `${l}-${f}`);
  const handle = rng.chance(0.4) ? formats[0] : rng.pick(formats);
  return [display, handle ?? f];
}

/** Appends a number when the handle is taken; pads handles shorter than 3 characters. */
function unique(base: string, used: Set<string>): string {
  let root = base.length >= 3 ? base : `${base}-${'ami'.slice(base.length)}`;
  root = root.slice(0, 26);
  let handle = root;
  for (let n = 2; used.has(handle); n++) handle = `${root}${n}`;
  used.add(handle);
  return handle;
}

function member(
  handle: string,
  displayName: string,
  bio: string,
  joined: Map<string, number>,
  isAdmin: boolean,
  clock: Clock,
): DemoMember {
  // The account exists a few minutes before the first community is joined.
  const first = Math.min(...joined.values());
  const createdAt = Math.max(clock.start + MINUTE, first - 7 * MINUTE);
  return { handle, displayName, email: `${handle}@demo.ruche.test`, bio, createdAt, isAdmin };
}
