import { Clock } from './calendar.js';
import { draftConversations } from './conversations.js';
import { buildPeople } from './members.js';
import { ANIMATOR_HANDLE } from './profiles.js';
import { Random } from './random.js';
import { addReactions } from './reactions.js';
import { buildStructure } from './structure.js';
import { growThread } from './threads.js';
import { draftTopics } from './topics.js';
import type { DemoCommunity, DemoData, DemoOptions, DemoTeam } from './types.js';
import { makeVisits } from './visits.js';
import { makeAnonymousVisits } from './anonymous-visits.js';
import { draftTeamVoice, TEAM_NAME } from './team-voice.js';

export type {
  DemoCommunity,
  DemoData,
  DemoGroup,
  DemoMember,
  DemoOptions,
  DemoReaction,
  DemoReply,
  DemoTeam,
  DemoTopic,
  DemoTypology,
  DemoVisibility,
  DemoVisit,
} from './types.js';

/** Fixed so that the demo is the same on every install unless a seed is asked for. */
export const DEFAULT_DEMO_SEED = 20_240_611;

/**
 * A year in the life of a French volunteers' network and its partners' support space: pure and
 * deterministic (same `now` and seed, same data), no database access, every date in the 365
 * days before `now`.
 */
export function generateDemo(options: DemoOptions): DemoData {
  const rng = new Random(options.seed ?? DEFAULT_DEMO_SEED);
  const clock = new Clock(options.now);
  const people = buildPeople(rng, clock);
  const { communities, spaces } = buildStructure(rng, clock, people);
  const threads = draftTopics(rng, clock, spaces);
  for (const thread of threads) {
    growThread(rng, clock, thread);
    addReactions(rng, clock, thread);
  }
  const visits = makeVisits(rng, clock, threads);
  const [main] = communities;
  const members = people.map((p) => p.member);
  return {
    members,
    communities,
    topics: threads.map((t) => t.topic),
    visits,
    anonymousVisits: makeAnonymousVisits(rng, clock, communities, threads),
    animatorHandle: ANIMATOR_HANDLE,
    conversations: main ? draftConversations(options.now, main, members, ANIMATOR_HANDLE) : [],
    team: main ? draftTeam(options.now, main) : undefined,
  };
}

/** The animator the visitor plays and the community's other animator speak as its team. */
function draftTeam(now: number, main: DemoCommunity): DemoTeam | undefined {
  const other = main.memberships.find((m) => m.role === 'animator' && m.handle !== ANIMATOR_HANDLE);
  const said = other && draftTeamVoice(now, main, [ANIMATOR_HANDLE, other.handle]);
  if (!other || !said) return undefined;
  return {
    communitySlug: main.slug,
    name: TEAM_NAME,
    animators: [
      { handle: ANIMATOR_HANDLE, signatureStyle: 'first_name' },
      { handle: other.handle, signatureStyle: 'initials' },
    ],
    ...said,
  };
}
