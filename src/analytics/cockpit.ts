import { circlesOf, summarizeCircles } from './circles.js';
import { activity } from './activity.js';
import { concentration } from './concentration.js';
import { noRecent, WINDOW_DAYS, type Recent, type ScopeFacts } from './facts.js';
import { ladder } from './ladder.js';
import { lifecycle } from './lifecycle.js';
import { newcomers } from './newcomers.js';
import { responsiveness } from './responsiveness.js';
import { dayOf } from './rollup/scopes.js';
import { DAY } from './stats.js';
import type { WelcomeFigures } from './welcomes.js';

export interface CockpitInput {
  facts: ScopeFacts;
  /** When the community (or group) was created: the lifecycle weighs its age. */
  createdAt: number | null;
  isGroup: boolean;
  groups: { id: number; name: string; slug: string; created_at: number }[];
  /** For the instance: each community with its lifecycle facts (`loadLifecycleFacts`). */
  communities?: CommunityLifecycle[];
  /** The period's welcomes (`welcomes.ts`); null on a group's cockpit. */
  welcomes?: WelcomeFigures | null;
}

export interface CommunityLifecycle {
  id: number;
  name: string;
  slug: string;
  createdAt: number;
  facts: { recent: Recent; groups: Map<number, Recent> };
}

/** Every indicator of docs/indicators.md for one scope and period, keyed by their names there. */
export function computeCockpit({
  facts: f,
  createdAt,
  isGroup,
  groups,
  communities = [],
  welcomes = null,
}: CockpitInput) {
  const toDay = dayOf(f.to);
  const windowFrom = (toDay - WINDOW_DAYS) * DAY;
  const circles = circlesOf(f);
  // Where the period's unanswered topics wait: which group, which community needs a hand.
  const unansweredIn = {
    groups: countOf(f.topics.unanswered.map((u) => u.group)),
    communities: countOf(f.topics.unanswered.map((u) => u.community)),
  };
  return {
    period: { from: new Date(f.from).toISOString(), to: new Date(f.to).toISOString() },
    window: { from: new Date(windowFrom).toISOString(), to: new Date(f.to).toISOString() },
    circles: summarizeCircles(circles),
    ladder: ladder(f, circles.core),
    responsiveness: responsiveness(f),
    newcomers: newcomers(f, circles.core),
    concentration: concentration(f),
    activity: activity(f),
    lifecycle: {
      ...lifecycle({ recent: f.recent, groups: f.groups, isGroup, to: f.to, createdAt }),
      groups: groups.map((g) => ({
        groupId: g.id,
        name: g.name,
        slug: g.slug,
        unanswered_topics: unansweredIn.groups.get(g.id) ?? 0,
        ...lifecycle({
          recent: f.groups.get(g.id) ?? noRecent,
          groups: new Map(),
          isGroup: true,
          to: f.to,
          createdAt: g.created_at,
        }),
      })),
      communities: communities.map((c) => ({
        communityId: c.id,
        name: c.name,
        slug: c.slug,
        unanswered_topics: unansweredIn.communities.get(c.id) ?? 0,
        ...lifecycle({ ...c.facts, isGroup: false, to: f.to, createdAt: c.createdAt }),
      })),
    },
    recently_inactive_core: recentlyInactiveCore(f),
    // The people behind `activity.churn`, who did the most first: someone to write to.
    churned_members: f.churnedMembers.map((m) => ({
      memberId: m.member,
      contributions: m.contributions,
      reactions: m.reactions,
    })),
    welcomes,
  };
}

export type Cockpit = ReturnType<typeof computeCockpit>;

/**
 * The animator's to-do: the top quarter of contributors over the window with no contribution
 * in the last 7 days before `to` and one in the 21 days before those.
 */
function recentlyInactiveCore(f: ScopeFacts) {
  return f.quietCore.map((q) => ({
    memberId: q.member,
    contributions: q.contributions,
    lastContributionAt: q.lastDay * DAY,
  }));
}

/** How many times each key occurs (null keys aside). */
function countOf(keys: (number | null)[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
