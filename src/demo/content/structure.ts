import { DAY, HOUR, MINUTE, type Clock } from './calendar.js';
import { COMMUNITY_SPECS } from './communities.js';
import { GROUP_SPECS, type GroupSpec } from './groups.js';
import type { Person } from './members.js';
import { Pool, type Seat } from './pool.js';
import type { Random } from './random.js';
import type { Theme } from './theme.js';
import type { DemoCommunity, DemoGroup } from './types.js';

/** Where topics are posted: a community root or one of its groups, with the people inside. */
export interface Space {
  communitySlug: string;
  groupSlug: string | null;
  createdAt: number;
  pool: Pool;
  theme: Theme;
  topics: number;
  questionShare: number;
  crowded: boolean;
}

/** Posting members of the crowded group: comfortably above the 30 needed for the split warning. */
const CROWDED_POSTERS = 42;

export function buildStructure(
  rng: Random,
  clock: Clock,
  people: readonly Person[],
): { communities: DemoCommunity[]; spaces: Space[] } {
  const byHandle = new Map(people.map((p) => [p.member.handle, p]));
  const communities: DemoCommunity[] = [];
  const spaces: Space[] = [];
  for (const spec of COMMUNITY_SPECS) {
    const createdAt = clock.daysAgo(spec.daysAgo);
    const inside = people.filter((p) => p.joined.has(spec.slug));
    const joinedAt = (p: Person): number => p.joined.get(spec.slug) ?? createdAt;
    const memberships = inside.map((p) => {
      const handle = p.member.handle;
      const role = spec.animators.includes(handle)
        ? ('animator' as const)
        : spec.moderators.includes(handle)
          ? ('moderator' as const)
          : spec.sponsors.includes(handle)
            ? ('sponsor' as const)
            : ('member' as const);
      return { handle, role, joinedAt: joinedAt(p) };
    });
    const groups: DemoGroup[] = [];
    for (const g of GROUP_SPECS.filter((s) => s.community === spec.slug)) {
      const group = buildGroup(rng, clock, g, inside, joinedAt);
      groups.push(group);
      const seats = group.members.map((m) => seat(byHandle, m.handle, m.joinedAt));
      spaces.push(space(g, spec.slug, g.slug, group.createdAt, seats));
    }
    communities.push({
      slug: spec.slug,
      name: spec.name,
      purpose: spec.purpose,
      typology: spec.typology,
      visibility: spec.visibility,
      charter: spec.charter,
      createdAt,
      memberships,
      groups,
    });
    const seats = memberships.map((m) => seat(byHandle, m.handle, m.joinedAt));
    spaces.push(space(spec, spec.slug, null, createdAt, seats));
  }
  return { communities, spaces };
}

function buildGroup(
  rng: Random,
  clock: Clock,
  spec: GroupSpec,
  inside: readonly Person[],
  joinedCommunity: (p: Person) => number,
): DemoGroup {
  const createdAt = clock.daysAgo(spec.daysAgo);
  const fixed = [...spec.animators, ...spec.regulars];
  const others = rng.shuffle(inside.filter((p) => !fixed.includes(p.member.handle)));
  const posters = others.filter((p) => p.weights.post > 0 && p.until === Infinity);
  const quiet = others.filter((p) => !posters.includes(p));
  const wanted = spec.size - fixed.length;
  // Ordinary groups mix posters and readers; the crowded one needs many active posters.
  const posterCount = spec.crowded ? CROWDED_POSTERS : Math.round(wanted * 0.6);
  const chosen = [...posters.slice(0, posterCount), ...quiet.slice(0, wanted - posterCount)];
  const members: DemoGroup['members'] = [];
  for (const handle of fixed) {
    const p = inside.find((q) => q.member.handle === handle);
    if (p === undefined) throw new Error(`${handle} is not in ${spec.community}`);
    const joinedAt = Math.max(createdAt, joinedCommunity(p)) + 5 * MINUTE;
    const role = spec.animators.includes(handle) ? ('animator' as const) : ('member' as const);
    members.push({ handle, role, joinedAt });
  }
  for (const p of chosen) {
    const from = Math.max(createdAt, joinedCommunity(p)) + 10 * MINUTE;
    const to = clock.now - HOUR;
    if (from > to) continue;
    const joinedAt = Math.min(to, from + rng.logNormal(4, 1.2) * DAY);
    members.push({ handle: p.member.handle, role: 'member', joinedAt: Math.round(joinedAt) });
  }
  return {
    slug: spec.slug,
    name: spec.name,
    description: spec.description,
    visibility: spec.visibility,
    createdAt,
    members,
  };
}

function seat(byHandle: ReadonlyMap<string, Person>, handle: string, joinedAt: number): Seat {
  const p = byHandle.get(handle);
  if (p === undefined) throw new Error(`unknown member ${handle}`);
  return { handle, joinedAt, until: p.until, weights: p.weights };
}

function space(
  spec: { topics: number; questionShare: number; theme: Theme; crowded?: true },
  communitySlug: string,
  groupSlug: string | null,
  createdAt: number,
  seats: Seat[],
): Space {
  return {
    communitySlug,
    groupSlug,
    createdAt,
    pool: new Pool(seats),
    theme: spec.theme,
    topics: spec.topics,
    questionShare: spec.questionShare,
    crowded: spec.crowded === true,
  };
}
