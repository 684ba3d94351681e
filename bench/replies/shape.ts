// What both instances hold, decided per member by a hash of its index: the first CORE members
// are the same people, in the same groups, with the same watches, in the 1,000-member instance
// and in the 100,000-member one. Only what should not matter to a post grows with the instance.

/** Members who take part in the active topics: in both instances, members 0 to 999. */
export const CORE = 1_000;
/** Members who post during the run (an API token each), from the core. */
export const POSTERS = 40;
/** Active topics, where every reply of the run is posted: per place, so 6 × 4 in all. */
export const ACTIVE_PER_PLACE = 6;
/** Replies each active topic already has (some replies of the run answer one of them). */
export const EARLIER_REPLIES = 5;
/** Members watching each active topic, and muting it (from the core, besides its posters). */
export const TOPIC_WATCHERS = 15;
export const TOPIC_MUTERS = 2;
/** Members watching each group with active topics, and muting it (from the core). */
export const GROUP_WATCHERS = 10;
export const GROUP_MUTERS = 1;
/** Past notifications of each member, most of them read. */
export const PAST_NOTIFICATIONS = 3;

export const DAY = 86_400_000;

export interface GroupShape {
  slug: string;
  name: string;
  visibility: 'public' | 'private';
  /** Share of the community's members in the group. */
  share: number;
  /** Whether the run's replies go to topics in it. */
  isActive: boolean;
}

export const GROUPS: GroupShape[] = [
  { slug: 'entraide', name: 'Entraide', visibility: 'public', share: 0.4, isActive: true },
  { slug: 'jardin', name: 'Jardin partagé', visibility: 'public', share: 0.25, isActive: true },
  { slug: 'bureau', name: 'Bureau', visibility: 'private', share: 0.03, isActive: true },
  // Read by many, where nobody posts during the run: its watchers grow with the instance.
  { slug: 'annonces', name: 'Annonces', visibility: 'public', share: 0.6, isActive: false },
];

/** Share of all members (core or not) watching the quiet `annonces` group. */
export const QUIET_GROUP_WATCHING = 0.02;
/** Shares of members who watch one old topic besides their own posts', and who mute one. */
export const OLD_TOPIC_WATCHING = 0.1;
export const OLD_TOPIC_MUTING = 0.05;
/** Shares of members who switched a kind off, and who blocked another member. */
export const CHANGED_PREFERENCES = 0.1;
export const BLOCKING = 0.01;

/** A fixed number in [0, 1) for (member, purpose): the same in every instance. */
export function draw(index: number, purpose: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(purpose + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** Posters belong to every group: they post in each active topic. */
export function isInGroup(index: number, groupIndex: number): boolean {
  const group = GROUPS[groupIndex];
  if (!group) return false;
  return isPoster(index) || draw(index, 100 + groupIndex) < group.share;
}

export function isPoster(index: number): boolean {
  return index >= 2 && index < 2 + POSTERS;
}

export const handleOf = (index: number) => `member${index}`;

/** Old topics: one per 20 members (50 for 1,000 members, 5,000 for 100,000), 2 replies each. */
export function oldTopicCount(members: number): number {
  return Math.max(50, Math.round(members / 20));
}
