import { circleNames, type Circle } from './circles.js';
import type { Cockpit } from './cockpit.js';
import { Disclosure, isShareShown, MIN_GROUP_SIZE, shownParts } from './disclosure.js';
import type { ScopeFacts } from './facts.js';
import { shownFlows, sponsorPeople } from './sponsor-people.js';
import type { Authors } from './topic-stats.js';
import type { WelcomeFigures } from './welcomes.js';

export { MIN_GROUP_SIZE };

/** The cockpit with any figure possibly withheld (null) for privacy; a stage too. */
export type Suppressible<T> = T extends number
  ? number | null
  : T extends (infer U)[]
    ? Suppressible<U>[]
    : T extends object
      ? { [K in keyof T]: K extends 'stage' ? T[K] | null : Suppressible<T[K]> }
      : T;
export type CockpitView = Suppressible<Cockpit>;

/** How many people some figures are about, which the figures themselves do not say. */
export interface PrivacyBasis {
  /** Authors of the period's topics, answered topics, questions, and veterans' answered topics. */
  authors: Authors & { veterans: number };
  /** Non-staff contributors over the last 30 days, by group id (0: the community). */
  recentContributors: Map<number, number>;
}

export function privacyBasis(f: ScopeFacts): PrivacyBasis {
  return {
    authors: { ...f.topics.authors, veterans: f.topics.delays.veteranAuthors },
    recentContributors: f.recentContributors,
  };
}

const noOne: PrivacyBasis = {
  authors: { topics: 0, answered: 0, questions: 0, veterans: 0 },
  recentContributors: new Map(),
};

/**
 * The sponsor's view: figures only, none about fewer than five people, whether read as it is or
 * worked out from others on the same cockpit (docs/privacy.md gives the rule for each). A scope
 * with fewer than five members shows none. `scopeGroup`: the group of a group's cockpit, else 0.
 */
export function suppressForSponsor(
  c: Cockpit,
  basis: PrivacyBasis,
  scopeGroup: number,
): CockpitView {
  const isOpen = c.circles.total >= MIN_GROUP_SIZE;
  const d = isOpen ? sponsorPeople(c) : new Disclosure([]);
  const b = isOpen ? basis : noOne;
  const l = c.lifecycle;
  return {
    ...c,
    circles: sponsorCircles(c, d),
    ladder: sponsorLadder(c, d),
    responsiveness: sponsorResponsiveness(c.responsiveness, b.authors),
    newcomers: sponsorNewcomers(c, d, b),
    concentration: sponsorConcentration(c, d),
    activity: sponsorActivity(c, d, isOpen),
    lifecycle: {
      ...l,
      ...scopeFigures(l, b.recentContributors.get(scopeGroup) ?? 0),
      active_members_30d: d.value('active30'),
      active_members_previous_30d: d.value('active_before'),
      groups: l.groups.map((g) => ({
        ...g,
        ...scopeFigures(g, b.recentContributors.get(g.groupId) ?? 0),
        active_members_30d: d.value(`group.${g.groupId}.active30`),
        active_members_previous_30d: d.value(`group.${g.groupId}.active_before`),
        unanswered_topics: null,
      })),
      communities: l.communities.map((x) => aggregatedRow(x, 0)),
    },
    recently_inactive_core: [],
    churned_members: [],
    welcomes: c.welcomes && sponsorWelcomes(c.welcomes, isOpen),
  };
}

/**
 * The welcomes, newcomers counted: their number from 5; by staff and by members, two parts of
 * it; came back, still within their 30 days and the rest (never shown), three parts of it.
 */
export function sponsorWelcomes(w: WelcomeFigures, isOpen: boolean): CockpitView['welcomes'] {
  const isWelcomed = isOpen && w.welcomed >= MIN_GROUP_SIZE;
  const [byStaff, byMembers] = shownParts([w.by_staff, w.by_members], isWelcomed);
  const [back, within] = shownParts(
    [w.came_back_30d, w.still_within_30d, w.welcomed - w.came_back_30d - w.still_within_30d],
    isWelcomed,
  );
  const when = (isShown: boolean | undefined, n: number) => (isWelcomed && isShown ? n : null);
  return {
    welcomed: isWelcomed ? w.welcomed : null,
    by_staff: when(byStaff, w.by_staff),
    by_members: when(byMembers, w.by_members),
    came_back_30d: when(back, w.came_back_30d),
    still_within_30d: when(within, w.still_within_30d),
    // Its two sides are the came back and the rest, which the parts above keep at 5 or more.
    came_back_rate: isWelcomed && back && within ? w.came_back_rate : null,
  };
}

type ScopeRow = Cockpit['lifecycle'];

/**
 * A group's (community's) lifecycle figures seen from outside it: a sponsor's, or a moderator's
 * who may not read the group. `contributors`: its non-staff contributors over the 30 days.
 */
export function aggregatedRow<
  Row extends Pick<
    ScopeRow,
    | 'stage'
    | 'member_share'
    | 'contributions_30d'
    | 'active_members_30d'
    | 'active_members_previous_30d'
    | 'warning'
  > & { unanswered_topics: number },
>(row: Row, contributors: number) {
  const count = (n: number) => (n >= MIN_GROUP_SIZE ? n : null);
  return {
    ...row,
    ...scopeFigures(row, contributors),
    active_members_30d: count(row.active_members_30d),
    active_members_previous_30d: count(row.active_members_previous_30d),
    unanswered_topics: null,
  };
}

/** The contributions of the 30 days, and the stage read from them, are about their contributors. */
function scopeFigures(
  row: Pick<ScopeRow, 'stage' | 'member_share' | 'contributions_30d' | 'warning'>,
  contributors: number,
) {
  const isShown = contributors >= MIN_GROUP_SIZE;
  return {
    stage: isShown ? row.stage : null,
    member_share: isShown ? row.member_share : null,
    contributions_30d: isShown ? row.contributions_30d : null,
    warning: isShown ? row.warning : null,
  };
}

function sponsorCircles({ circles }: Cockpit, d: Disclosure): CockpitView['circles'] {
  // A circle's count is the difference of the running totals on its two sides.
  const totals = [null, 'core', 'contributing', 'interacting', 'active', 'total'];
  const isShown = (k: number) => {
    const key = totals[k];
    return key === null || (key !== undefined && d.isShown(key));
  };
  const counts = {} as Record<Circle, number | null>;
  const shares = {} as Record<Circle, number | null>;
  circleNames.forEach((name, k) => {
    const visible = isShown(k) && isShown(k + 1);
    counts[name] = visible ? circles.counts[name] : null;
    shares[name] = visible ? circles.shares[name] : null;
  });
  return {
    ...circles,
    total: d.value('total'),
    counts,
    shares,
    participating_share: d.isShown('contributing') ? circles.participating_share : null,
    core_members: [],
  };
}

function sponsorLadder({ ladder: l }: Cockpit, d: Disclosure): CockpitView['ladder'] {
  // Anonymous visitors are the reached less the members reached: both, or neither.
  const isReached = d.isShown('ladder.members_reached') && l.anonymous_visitors >= MIN_GROUP_SIZE;
  const interacting = d.value('ladder.interacting');
  const engaged = d.value('ladder.engaged');
  return {
    ...l,
    reached: isReached ? l.reached : null,
    members_reached: d.value('ladder.members_reached'),
    anonymous_visitors: isReached ? l.anonymous_visitors : null,
    interacting,
    engaged,
    conversion: {
      interacting_per_reached:
        isReached && interacting !== null ? l.conversion.interacting_per_reached : null,
      engaged_per_interacting:
        interacting !== null && engaged !== null ? l.conversion.engaged_per_interacting : null,
    },
    flows: l.flows.map((f, i) => ({ ...f, ...shownFlows(d, i, l.flows) })),
  };
}

/** Topics are not people: their figures show from 5 topics written by 5 people or more. */
function sponsorResponsiveness(
  r: Cockpit['responsiveness'],
  authors: PrivacyBasis['authors'],
): CockpitView['responsiveness'] {
  const isTopics = r.topics >= MIN_GROUP_SIZE && authors.topics >= MIN_GROUP_SIZE;
  const isAnswered = isTopics && r.answered >= MIN_GROUP_SIZE && authors.answered >= MIN_GROUP_SIZE;
  const isQuestions = r.questions >= MIN_GROUP_SIZE && authors.questions >= MIN_GROUP_SIZE;
  const shareOf = (share: number | null, whole: number, isWhole: boolean) =>
    isWhole && share !== null && isShareShown(Math.round(share * whole), whole) ? share : null;
  return {
    ...r,
    topics: isTopics ? r.topics : null,
    answered: isAnswered && isShareShown(r.answered, r.topics) ? r.answered : null,
    median_hours: isAnswered ? r.median_hours : null,
    p90_hours: isAnswered ? r.p90_hours : null,
    answered_within_24h: shareOf(r.answered_within_24h, r.topics, isTopics),
    answered_within_48h: shareOf(r.answered_within_48h, r.topics, isTopics),
    questions: isQuestions ? r.questions : null,
    question_answered_rate: shareOf(r.question_answered_rate, r.questions, isQuestions),
    question_accepted_rate: shareOf(r.question_accepted_rate, r.questions, isQuestions),
    unanswered: [],
  };
}

function sponsorNewcomers(c: Cockpit, d: Disclosure, b: PrivacyBasis): CockpitView['newcomers'] {
  const n = c.newcomers;
  // The welcome gap compares newcomers' answered topics with veterans': 5 people each side.
  const welcomed = new Set(
    n.members.filter((m) => m.topicId !== null && m.answeredAt !== null).map((m) => m.memberId),
  );
  const isGap = welcomed.size >= MIN_GROUP_SIZE && b.authors.veterans >= MIN_GROUP_SIZE;
  // Welcomes by the core: as many welcomed either side, given by 5 core members or more.
  const core = new Set(c.circles.core_members.map((m) => m.memberId));
  const answers = n.members.flatMap((m) => (m.answeredBy === null ? [] : [m.answeredBy]));
  const byCore = answers.filter((by) => core.has(by));
  const isCoreShare =
    isShareShown(byCore.length, answers.length) && new Set(byCore).size >= MIN_GROUP_SIZE;
  const retention = (r: typeof n.retention_30d, eligible: string, retained: string) => ({
    eligible: d.value(eligible),
    retained: d.value(retained),
    rate: d.isShown(eligible) && d.isShown(retained) ? r.rate : null,
  });
  return {
    ...n,
    count: d.value('newcomers'),
    first_post_answered_48h:
      d.isShown('newcomers') && d.isShown('answered48') ? n.first_post_answered_48h : null,
    retention_30d: retention(n.retention_30d, 'eligible30', 'retained30'),
    retention_90d: retention(n.retention_90d, 'eligible90', 'retained90'),
    welcome_gap: isGap ? n.welcome_gap : null,
    welcome_gap_warning: isGap && n.welcome_gap_warning,
    core_share_of_welcomes: isCoreShare ? n.core_share_of_welcomes : null,
    unanswered_48h: [],
    members: [],
  };
}

/**
 * Over the window's contributors when their count shows: the most active tenth, the absence
 * factor and each point of the curve only where they and the others are 5 people or more.
 */
function sponsorConcentration(c: Cockpit, d: Disclosure): CockpitView['concentration'] {
  const x = c.concentration;
  const n = d.value('contributing');
  if (n === null) {
    return {
      ...x,
      contributors: null,
      contributions: null,
      top10_share: null,
      absence_factor: null,
      gini: null,
      curve: x.curve.map((p) => ({ ...p, share: null })),
    };
  }
  // Between two shown points lie as many people as the difference: 5 or more too.
  let last = 0;
  const curve = x.curve.map((p) => {
    const people = Math.ceil(p.top * n - 1e-9);
    const isShown = people === n || (people - last >= MIN_GROUP_SIZE && isShareShown(people, n));
    if (isShown) last = people;
    return { ...p, share: isShown ? p.share : null };
  });
  return {
    ...x,
    top10_share: curve[0]?.share ?? null,
    absence_factor:
      x.absence_factor !== null && isShareShown(x.absence_factor, n) ? x.absence_factor : null,
    curve,
  };
}

/**
 * Monthly figures only: a day's or a week's active members could be taken from their month's.
 * Stickiness shows where every month's active members do.
 */
function sponsorActivity(c: Cockpit, d: Disclosure, isOpen: boolean): CockpitView['activity'] {
  const a = c.activity;
  const growth = isOpen && a.growth >= MIN_GROUP_SIZE ? a.growth : null;
  const monthsGrowth = shownParts(
    a.monthly.map((m) => (isOpen ? m.growth : 0)),
    growth !== null,
  );
  const isEveryMonth =
    a.monthly.length > 0 && a.monthly.every((_, i) => d.isShown(`month.${i}.mau`));
  return {
    ...a,
    daily: a.daily.map((x) => ({ ...x, dau: null })),
    weekly: a.weekly.map((x) => ({ ...x, wau: null })),
    monthly: a.monthly.map((m, i) => ({
      ...m,
      mau: d.value(`month.${i}.mau`),
      stickiness: d.isShown(`month.${i}.mau`) ? m.stickiness : null,
      growth: isOpen && monthsGrowth[i] ? m.growth : null,
      churn: d.value(`month.${i}.gone`),
    })),
    stickiness: isEveryMonth ? a.stickiness : null,
    growth,
    churn: d.value('churn'),
    churn_rate: d.isShown('churn') && d.isShown('active_before') ? a.churn_rate : null,
    active_last_30d: d.value('active30'),
  };
}
