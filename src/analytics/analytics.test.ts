import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivities, type ActivityEntry, type ActivityKind } from '../activity/index.js';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import { computeCockpit, type Cockpit } from './cockpit.js';
import { cockpitCsv } from './csv.js';
import { loadLifecycleFacts, loadScopeFacts } from './facts.js';
import { privacyBasis, suppressForSponsor, type CockpitView } from './privacy.js';
import { withoutUnreadable } from './readable.js';
import { prepareTodaysWindows } from './rollup/recent.js';
import { rebuildRollups, refreshRollups } from './rollup/refresh.js';
import { isoWeek, isoWeekStart, median, percentile } from './stats.js';

/**
 * A hand-built community whose every figure is worked out below, in the comments next to
 * each assertion. Times are days (and hours) before `to`.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const to = Date.UTC(2026, 5, 1);
const at = (days: number, hours = 0) => to - days * DAY + hours * HOUR;
const COMMUNITY = 1;
const STAFF = 100;
const [A, B, C, D, E, F, H, I, J] = [1, 2, 3, 4, 5, 6, 8, 9, 10] as const;

function row(
  actor: number,
  kind: ActivityKind,
  when: number,
  extra: Partial<ActivityEntry> = {},
): ActivityEntry {
  return { actorId: actor, communityId: COMMUNITY, kind, at: when, ...extra };
}
const topic = (actor: number, id: number, when: number, kind = 'discussion') =>
  row(actor, 'topic.created', when, {
    targetKind: 'topic',
    targetId: id,
    topicId: id,
    detail: kind,
  });
const reply = (
  actor: number,
  id: number,
  topicId: number,
  when: number,
  inReplyTo: number | null = null,
) => row(actor, 'reply.created', when, { targetKind: 'reply', targetId: id, topicId, inReplyTo });

const log: ActivityEntry[] = [
  ...[STAFF, A].map((id) => row(id, 'community.joined', at(200))),
  row(F, 'community.joined', at(300)),
  ...[C, D, E].map((id) => row(id, 'community.joined', at(100))),
  row(B, 'community.joined', at(25)),
  row(H, 'community.joined', at(16)),
  row(I, 'community.joined', at(85)),
  row(J, 'community.joined', at(75)),
  topic(F, 50, at(150)), // before the window: F is dormant, not a newcomer
  topic(A, 49, at(120)), // A's first contribution: A is no newcomer
  ...[80, 73, 66, 59, 52].flatMap((d, k) => [
    topic(A, 70 + 2 * k, at(d)),
    topic(A, 71 + 2 * k, at(d, 1)),
  ]),
  topic(B, 1, at(20)),
  reply(B, 101, 1, at(20, 1)), // self-reply: a contribution, never a response
  reply(A, 102, 1, at(20, 5)), // first response to T1 after 5 h
  row(C, 'reaction.added', at(19), {
    targetKind: 'topic',
    targetId: 1,
    topicId: 1,
    detail: 'merci',
  }),
  row(D, 'content.viewed', at(18), { targetKind: 'topic', targetId: 1, topicId: 1 }),
  topic(A, 2, at(15), 'question'),
  reply(STAFF, 103, 2, at(15, 30)), // staff answer T2 after 30 h
  row(A, 'answer.accepted', at(13), { targetKind: 'reply', targetId: 103, topicId: 2 }),
  reply(H, 105, 2, at(12)), // H's first post, a reply
  row(A, 'reaction.added', at(12, 50), {
    targetKind: 'reply',
    targetId: 105,
    topicId: 2,
    inReplyTo: 105,
    detail: 'merci',
  }),
  topic(B, 3, at(10)),
  reply(A, 104, 3, at(10, 2)),
  row(A, 'reply.deleted', at(10, 3), { targetKind: 'reply', targetId: 104, topicId: 3 }), // T3 stays unanswered
  topic(B, 7, at(8)),
  row(B, 'topic.deleted', at(7), { targetKind: 'topic', targetId: 7, topicId: 7 }), // never counts
  topic(A, 4, at(5), 'question'), // unanswered question
  topic(I, 60, at(80)),
  reply(I, 106, 60, at(60)), // day 20 after I's first post: retained at 30 days
  topic(J, 61, at(70)),
  row(E, 'content.viewed', at(95)), // before the window: E stays dormant
  // Anonymous readers, one row per visitor, day and scope: two on day 3, one on day 10 and one
  // on day 40 for the community; the instance's and a group's rows are other scopes.
  ...[at(3), at(3, 5), at(10), at(40)].map((when) => anonymous(COMMUNITY, null, when)),
  anonymous(null, null, at(3)),
  anonymous(COMMUNITY, 9, at(3)),
];

function anonymous(communityId: number | null, groupId: number | null, when: number) {
  return { actorId: null, communityId, groupId, kind: 'visit.anonymous' as const, at: when };
}

async function cockpitOf(db: TestStore, from: number) {
  return (await cockpitAndSponsorOf(db, from)).cockpit;
}

/** The cockpit, and what its sponsor sees of it. */
async function cockpitAndSponsorOf(db: TestStore, from: number) {
  const scope = { communityId: COMMUNITY, groupId: 0 };
  const facts = await loadScopeFacts(db.store, scope, { from, to }, new Set([STAFF]));
  const cockpit = computeCockpit({ facts, createdAt: at(300), isGroup: false, groups: [] });
  return { cockpit, sponsor: suppressForSponsor(cockpit, privacyBasis(facts), 0) };
}

describe.each(databases)('indicators on a hand-built log, %s', (kind) => {
  let db: TestStore;
  let month: Cockpit;
  let quarter: Cockpit;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    // Two refreshes: the roll-ups are incremental, so the second half folds into the first.
    await recordActivities(db.store, db.store.db, log.slice(0, 30));
    await refreshRollups(db.store);
    await recordActivities(db.store, db.store.db, log.slice(30));
    await refreshRollups(db.store);
    month = await cockpitOf(db, at(30));
    quarter = await cockpitOf(db, at(90));
  });
  afterAll(() => db.drop());

  it('puts each member in one circle over the 90-day window, staff apart', () => {
    // A: 13 contributions (the deleted reply does not count) in 7 ISO weeks: five weeks of
    // March–April, the week of 11 May (a reply on the 12th, a topic on Sunday the 17th) and the
    // week of 25 May → core.
    // B, H, I, J contribute; C only reacts; D only visits; E and F did nothing in the window.
    expect(month.circles.counts).toEqual({
      core: 1,
      contributor: 4,
      reactor: 1,
      lurker: 1,
      dormant: 2,
    });
    expect(month.circles.total).toBe(9);
    expect(month.circles.shares.core).toBeCloseTo(1 / 9);
    // The animator may see who the core is; the CSV of figures never lists anyone.
    expect(month.circles.core_members).toEqual([{ memberId: A, contributions: 13, weeks: 7 }]);
    expect(cockpitCsv(month)).not.toContain('core_members');
  });

  it('measures the time to first response, ignoring self-replies and deleted replies', () => {
    const r = month.responsiveness;
    // Topics of the last 30 days: T1 (5 h), T2 (30 h), T3 (its only reply deleted), T4 (none); T7 deleted.
    expect(r.topics).toBe(4);
    expect(r.answered).toBe(2);
    expect(r.median_hours).toBe(17.5);
    expect(r.p90_hours).toBe(30);
    expect(r.answered_within_24h).toBe(0.25);
    expect(r.answered_within_48h).toBe(0.5);
    expect(r.questions).toBe(2);
    expect(r.question_answered_rate).toBe(0.5);
    expect(r.question_accepted_rate).toBe(0.5);
    expect(r.unanswered.map((u) => u.topicId)).toEqual([3, 4]);
  });

  it('follows newcomers: answered within 48 h, retention only once day 30 has passed', () => {
    // 30 days: B (answered after 5 h) and H (first reaction after 50 h).
    expect(month.newcomers.count).toBe(2);
    expect(month.newcomers.first_post_answered_48h).toBe(0.5);
    expect(month.newcomers.retention_30d).toEqual({ eligible: 0, retained: 0, rate: null });
    // Welcome gap: newcomers' first topics (T1: 5 h) against veterans' (T2: 30 h).
    expect(month.newcomers.welcome_gap).toBeCloseTo(5 / 30);
    expect(month.newcomers.welcome_gap_warning).toBe(false);
    // Both welcomes came from A, the core member.
    expect(month.newcomers.core_share_of_welcomes).toBe(1);
    // Who they are, the latest first, with the response their first post got and from whom.
    expect(month.newcomers.members).toEqual([
      {
        memberId: H,
        at: at(12),
        topicId: null,
        replyId: 105,
        groupId: null,
        answeredAt: at(12, 50),
        answeredBy: A,
      },
      {
        memberId: B,
        at: at(20),
        topicId: 1,
        replyId: null,
        groupId: null,
        answeredAt: at(20, 5),
        answeredBy: A,
      },
    ]);
    // 90 days: B, H, I, J; only I and J have passed day 30, and I posted again on day 20.
    expect(quarter.newcomers.count).toBe(4);
    expect(quarter.newcomers.first_post_answered_48h).toBe(0.25);
    expect(quarter.newcomers.retention_30d).toEqual({ eligible: 2, retained: 1, rate: 0.5 });
    expect(quarter.newcomers.retention_90d.rate).toBeNull();
    expect(quarter.newcomers.unanswered_48h.map((n) => n.memberId).sort((x, y) => x - y)).toEqual([
      H,
      I,
      J,
    ]);
  });

  it('measures concentration among contributors over the window', () => {
    // Contributions: A 13, B 3, I 2, H 1, J 1 = 20.
    const c = month.concentration;
    expect(c).toMatchObject({
      contributors: 5,
      contributions: 20,
      top10_share: 0.65,
      absence_factor: 1,
    });
    expect(c.gini).toBeCloseTo(0.52);
    // The most active 10 %, 20 % … of the 5 contributors, rounded up to whole people: 1, 1, 2,
    // 2, 3, 3, 4, 4, 5, 5 of them, who made 13, 13, 16, 16, 18, 18, 19, 19, 20, 20 of the 20.
    expect(c.curve).toEqual(
      [13, 13, 16, 16, 18, 18, 19, 19, 20, 20].map((made, k) => ({
        top: (k + 1) / 10,
        share: made / 20,
      })),
    );
  });

  it('climbs the engagement ladder over the period', () => {
    // Interacting: A, B, C, H; members reached add D; engaged: A (core at the end). Reached
    // adds the community's 3 anonymous visitors of the last 30 days to the 5 members.
    expect(month.ladder).toMatchObject({
      reached: 8,
      members_reached: 5,
      anonymous_visitors: 3,
      interacting: 4,
      engaged: 1,
    });
    expect(month.ladder.conversion).toEqual({
      interacting_per_reached: 0.5,
      engaged_per_interacting: 0.25,
    });
    // Over 90 days the visitor of day 40 counts too.
    expect(quarter.ladder.anonymous_visitors).toBe(4);
  });

  it('counts anonymous visitors in their own scope only', async () => {
    const visitorsOf = async (communityId: number, groupId: number) =>
      (await loadScopeFacts(db.store, { communityId, groupId }, { from: at(30), to }, new Set()))
        .anonymousVisitors;
    expect(await visitorsOf(0, 0)).toBe(1);
    expect(await visitorsOf(COMMUNITY, 9)).toBe(1);
    // April → May: A and I interacted in April (J's topic was in March); in May A held,
    // I fell to nothing, B, C, D and H rose (D only to "reached").
    expect(month.ladder.flows).toEqual([{ month: '2026-05', up: 4, held: 1, down: 1 }]);
  });

  it('shows no one down in a month still under way: demotion waits for its end', async () => {
    // May cut on the 23rd (day 9): B, C, D and H rose as in the whole month; A held; I, active
    // in April and not since, keeps April's rung until May is over.
    const scope = { communityId: COMMUNITY, groupId: 0 };
    const facts = await loadScopeFacts(
      db.store,
      scope,
      { from: Date.UTC(2026, 4, 1), to: at(9) },
      new Set([STAFF]),
    );
    const cut = computeCockpit({ facts, createdAt: at(300), isGroup: false, groups: [] });
    expect(cut.ladder.flows).toEqual([{ month: '2026-05', up: 4, held: 2, down: 0 }]);
    // Nor anyone gone: I may still come back before May ends. B and H joined by the 23rd.
    expect(cut.activity.monthly).toMatchObject([
      { month: '2026-05', mau: 5, growth: 2, churn: null },
    ]);
  });

  it('gives active members, stickiness, arrivals and departures month by month', () => {
    // March from the 3rd: A, I and J active; I and J joined; E, active in February (a visit),
    // not in March, is gone. April: A and I; J gone. May: A, B, C, D, H; B and H joined; I gone.
    expect(
      quarter.activity.monthly.map(({ month, mau, growth, churn }) => ({
        month,
        mau,
        growth,
        churn,
      })),
    ).toEqual([
      { month: '2026-03', mau: 3, growth: 2, churn: 1 },
      { month: '2026-04', mau: 2, growth: 0, churn: 1 },
      { month: '2026-05', mau: 5, growth: 2, churn: 1 },
    ]);
    // The months' arrivals add up to the period's.
    expect(quarter.activity.growth).toBe(4);
    // Stickiness of a month: its mean daily active ÷ its active. March 3–31 (29 days): A and I
    // on the 13th, A on the 20th and 27th, J on the 23rd → 5 ÷ 29 ÷ 3. April (30 days): I on
    // the 2nd, A on the 3rd and 10th → 3 ÷ 30 ÷ 2.
    const [march, april] = quarter.activity.monthly;
    expect(march?.stickiness).toBeCloseTo(5 / 29 / 3, 10);
    expect(april?.stickiness).toBeCloseTo(3 / 30 / 2, 10);
  });

  it('gives every week and month of the period, a silent one too', async () => {
    // March 3 to May 31: ISO weeks 10 to 22. No member is active from A's topic on April 10
    // (day 52) to B's on May 12 (day 20), nor in week 10 (I only joined, on March 8).
    expect(quarter.activity.weekly.map((w) => [w.week.slice(6), w.wau])).toEqual([
      ['10', 0],
      ['11', 2], // A, I (March 13)
      ['12', 1], // A
      ['13', 2], // J, A
      ['14', 2], // I, A
      ['15', 1], // A
      ['16', 0],
      ['17', 0],
      ['18', 0],
      ['19', 0],
      ['20', 4], // B, A, C, D
      ['21', 3], // A, H, B
      ['22', 1], // A (B's deletion is no activity)
    ]);
    // From November 13: A joins in November; December is silent; F posts in January; A and E
    // are active in February, when C, D and E join and F is gone.
    const longer = await cockpitOf(db, at(200));
    expect(longer.activity.monthly.slice(0, 4)).toEqual([
      { month: '2025-11', mau: 0, stickiness: null, growth: 1, churn: 0 },
      { month: '2025-12', mau: 0, stickiness: null, growth: 0, churn: 0 },
      { month: '2026-01', mau: 1, stickiness: 1 / 31, growth: 0, churn: 0 },
      { month: '2026-02', mau: 2, stickiness: 2 / 28 / 2, growth: 3, churn: 1 },
    ]);
    // The period's stickiness counts the silent months too: mean daily ÷ mean monthly active
    // over the 7 months (0, 0, 1, 2, 3, 2, 5).
    const days = longer.activity.daily;
    const meanDau = days.reduce((n, d) => n + d.dau, 0) / days.length;
    expect(days).toHaveLength(200);
    expect(longer.activity.stickiness).toBeCloseTo(meanDau / (13 / 7), 10);
  });

  it('counts a month’s departures on the spot where they were not stored yet', async () => {
    // As after migration 012, before the next refresh counts the months again.
    await db.store.db.updateTable('rollup_buckets').set({ gone: null }).execute();
    const again = await cockpitOf(db, at(90));
    expect(again.activity.monthly.map((m) => m.churn)).toEqual([1, 1, 1]);
    await refreshRollups(db.store);
  });

  it('counts growth, churn and the lifecycle stage', () => {
    expect(month.activity.growth).toBe(2); // B and H joined in the last 30 days
    // Active 60–30 days ago: A and I; since then: A, B, C, D, H → I churned.
    expect(month.activity.churn).toBe(1);
    expect(month.activity.churn_rate).toBe(0.5);
    // I is the one: a topic on day 80 and a reply on day 60, in the 90-day window.
    expect(month.churned_members).toEqual([{ memberId: I, contributions: 2, reactions: 0 }]);
    // Last 30 days: 8 contributions, 7 by members → 87.5 % → establishment.
    expect(month.lifecycle).toMatchObject({
      stage: 'establishment',
      contributions_30d: 8,
      active_members_30d: 5,
    });
    expect(month.lifecycle.member_share).toBe(0.875);
    expect(month.activity.daily).toHaveLength(30);
  });

  it('hides from sponsors every figure over fewer than five people, and every list', async () => {
    const s = (await cockpitAndSponsorOf(db, at(30))).sponsor;
    // 9 members: the only count whose difference with every other is 5 or more.
    expect(s.circles.total).toBe(9);
    expect(Object.values(s.circles.counts)).toEqual([null, null, null, null, null]);
    expect(s.circles.participating_share).toBeNull();
    // Reached 8, of whom 5 members: the 3 anonymous readers would follow; 5 of the 9 members
    // reached leaves 4 out.
    expect(s.ladder).toMatchObject({
      reached: null,
      members_reached: null,
      anonymous_visitors: null,
      interacting: null,
    });
    // 5 contributors of 9 members: 4 did not contribute. No concentration figure.
    expect(s.concentration).toMatchObject({ contributors: null, absence_factor: null, gini: null });
    expect(s.concentration.curve.map((p) => p.share)).toEqual(Array(10).fill(null));
    expect(s.newcomers.first_post_answered_48h).toBeNull();
    expect(s.responsiveness.unanswered).toEqual([]);
    expect(s.recently_inactive_core).toEqual([]);
    expect(s.churned_members).toEqual([]);
    expect(s.newcomers.members).toEqual([]);
    expect(s.circles.core_members).toEqual([]);
    // 5 active in the 30 days of 9 members: 4 were not.
    expect(s.activity).toMatchObject({
      growth: null,
      churn: null,
      churn_rate: null,
      active_last_30d: null,
      stickiness: null,
    });
    expect(s.activity.daily.every((d) => d.dau === null)).toBe(true);
    expect(s.activity.monthly).toEqual([
      { month: '2026-05', mau: null, stickiness: null, growth: null, churn: null },
    ]);
    // 8 contributions in the 30 days by fewer than 5 people: no stage either.
    expect(s.lifecycle).toMatchObject({
      stage: null,
      member_share: null,
      contributions_30d: null,
      active_members_30d: null,
      active_members_previous_30d: null,
    });
  });
});

describe.each(databases)('recently inactive core, %s', (kind) => {
  const [K, L, M, N, O] = [31, 32, 33, 34, 35] as const;
  const topics = (actor: number, first: number, n: number, day: number) =>
    Array.from({ length: n }, (_, i) => topic(actor, first + i, at(day, i)));
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    await recordActivities(db.store, db.store.db, [
      ...[K, L, M, N, O].map((id) => row(id, 'community.joined', at(100))),
      ...topics(O, 300, 4, 35), // the most active, but silent for more than 28 days
      ...topics(K, 310, 3, 12), // silent for 12 days after a contribution in the last 28
      ...topics(L, 320, 2, 3), // active this week
      ...topics(M, 330, 1, 40),
      ...topics(N, 340, 1, 20),
      ...topics(STAFF, 350, 6, 10), // staff are never on the list
    ]);
    await refreshRollups(db.store);
  });
  afterAll(() => db.drop());

  it('lists the top quarter of contributors silent for 7 to 28 days', async () => {
    // Five non-staff contributors over 90 days: the top quarter is O (4) and K (3).
    const c = await cockpitOf(db, at(30));
    expect(c.recently_inactive_core).toEqual([
      { memberId: K, contributions: 3, lastContributionAt: at(12) },
    ]);
  });
});

describe.each(databases)('stored 90-day windows, %s', (kind) => {
  const [X, Y, Z] = [41, 42, 43] as const;
  const topics = (actor: number, first: number, n: number, day: number, hour = 0) =>
    Array.from({ length: n }, (_, i) => topic(actor, first + i, at(day, hour + i)));
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    await recordActivities(db.store, db.store.db, [
      ...[X, Y, Z].map((id) => row(id, 'community.joined', at(100))),
      // X: 9 topics over 3 ISO weeks; Y: 11 over 3 (two on Saturday, day 2).
      ...[22, 15, 8].flatMap((d, k) => topics(X, 400 + 10 * k, 3, d)),
      ...topics(Y, 500, 4, 22),
      ...topics(Y, 510, 4, 15),
      ...topics(Y, 520, 3, 2),
    ]);
    await refreshRollups(db.store);
  });
  afterAll(() => db.drop());

  const windows = () => db.store.db.selectFrom('rollup_recent_windows').selectAll().execute();

  it('add the last day live, and are stored again when an older day changes', async () => {
    const before = await cockpitOf(db, at(30));
    expect(before.circles.counts).toMatchObject({ core: 0, contributor: 2 });
    expect(before.concentration.contributions).toBe(20);
    const stored = await windows();
    expect(stored).toHaveLength(1);

    // The last day (Sunday, `to` is a Monday): X's 4th week makes X core (12 contributions in
    // 4 weeks); Y's 12th contribution falls in the week of Saturday's, so Y stays at 3 weeks.
    await recordActivities(db.store, db.store.db, [
      ...topics(X, 600, 3, 1, 10),
      ...topics(Y, 610, 1, 1, 10),
    ]);
    await refreshRollups(db.store);
    const live = await cockpitOf(db, at(30));
    expect(live.circles.counts).toMatchObject({ core: 1, contributor: 1 });
    expect(live.concentration.contributions).toBe(24);
    expect(await windows()).toEqual(stored);

    // An action logged late on an older day drops the window; the next cockpit counts it.
    await recordActivities(db.store, db.store.db, topics(Z, 700, 2, 20));
    await refreshRollups(db.store);
    expect(await windows()).toEqual([]);
    const late = await cockpitOf(db, at(30));
    expect(late.concentration.contributions).toBe(26);
    expect(late.circles.counts).toMatchObject({ core: 1, contributor: 2 });

    await rebuildRollups(db.store);
    expect(await cockpitOf(db, at(30))).toEqual(late);
  });

  it('store each period’s rungs: the last day live, a late action up to a year back drops them', async () => {
    const W = 44;
    const year = () => cockpitOf(db, at(365));
    // X, Y and Z posted: reached and interacting; no one committed.
    expect((await year()).ladder).toMatchObject({ members_reached: 3, interacting: 3 });
    const stored = await windows();

    // W read a topic 200 days ago, logged late: outside the 90 days, inside the year.
    await recordActivities(db.store, db.store.db, [row(W, 'content.viewed', at(200))]);
    await refreshRollups(db.store);
    expect((await windows()).map((w) => w.to_day * DAY)).not.toContain(to);
    expect((await year()).ladder).toMatchObject({ members_reached: 4, interacting: 3 });
    expect((await cockpitOf(db, at(90))).ladder.members_reached).toBe(3);

    // W reacts on the last day: read live, the stored rungs stay.
    const again = await windows();
    await recordActivities(db.store, db.store.db, [row(W, 'reaction.added', at(1, 12))]);
    await refreshRollups(db.store);
    expect((await year()).ladder).toMatchObject({ members_reached: 4, interacting: 4 });
    expect((await cockpitOf(db, at(30))).ladder).toMatchObject({ members_reached: 4 });
    expect(await windows()).toEqual(again);
    expect(again).not.toEqual(stored);

    const figures = await year();
    await rebuildRollups(db.store);
    expect(await year()).toEqual(figures);
  });

  it('are prepared for tomorrow for the communities whose cockpit was opened', async () => {
    await cockpitOf(db, at(30));
    // The server's job on the day before `to`: tomorrow is `to`'s day; on `to`'s day, the next.
    await prepareTodaysWindows(db.store, at(1, 12));
    await prepareTodaysWindows(db.store, at(0, 12));
    const days = (await windows()).map((w) => w.to_day * DAY).sort((a, b) => a - b);
    expect(days).toEqual([to, to + DAY]);
  });
});

describe.each(databases)('each group’s last 30 days, %s', (kind) => {
  const [K, L, M, N] = [51, 52, 53, 54] as const;
  const [G1, G2, G3, G4, G5] = [21, 22, 23, 24, 25] as const;
  const inGroup = (groupId: number, e: ActivityEntry): ActivityEntry => ({ ...e, groupId });
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
    await recordActivities(db.store, db.store.db, [
      // G1: K posted 10 days ago; L 45 days ago and again on the last day; staff in both months.
      inGroup(G1, topic(K, 800, at(10))),
      inGroup(G1, topic(L, 801, at(45))),
      inGroup(G1, reply(L, 900, 800, at(1, 2))),
      inGroup(G1, topic(STAFF, 802, at(5))),
      inGroup(G1, reply(STAFF, 901, 801, at(50))),
      // G2: nothing before its last day, when M opened a topic.
      inGroup(G2, topic(M, 803, at(1, 3))),
      // G3: staff only.
      inGroup(G3, topic(STAFF, 804, at(3))),
      // G4: N's topic 65 days ago, then only a visit; G5, created 20 days ago: nothing yet.
      inGroup(G4, topic(N, 805, at(65))),
      inGroup(G4, row(L, 'content.viewed', at(20), { targetKind: 'topic', targetId: 805 })),
    ]);
    await refreshRollups(db.store);
  });
  afterAll(() => db.drop());

  it('counts each group’s contributions and active members, staff apart, the last day live', async () => {
    const facts = await loadScopeFacts(
      db.store,
      { communityId: COMMUNITY, groupId: 0 },
      { from: at(30), to },
      new Set([STAFF]),
    );
    const groups = [G1, G2, G3, G4, G5].map((id) => ({
      id,
      name: `G${id}`,
      slug: `g${id}`,
      created_at: id === G5 ? at(20) : at(300),
    }));
    const c = computeCockpit({ facts, createdAt: at(300), isGroup: false, groups });
    const figures = c.lifecycle.groups.map((g) => ({
      id: g.groupId,
      stage: g.stage,
      contributions: g.contributions_30d,
      active: g.active_members_30d,
      before: g.active_members_previous_30d,
    }));
    expect(figures).toEqual([
      // K and L (on the last day) now, L before; 3 contributions of which 2 by members.
      { id: G1, stage: 'establishment', contributions: 3, active: 2, before: 1 },
      { id: G2, stage: 'maturity', contributions: 1, active: 1, before: 0 },
      { id: G3, stage: 'inception', contributions: 1, active: 0, before: 0 },
      // No contribution in 30 days: G4, 300 days old, has gone quiet (L only read there, N
      // posted 65 days ago); G5, 20 days old, has not started yet.
      { id: G4, stage: 'decline', contributions: 0, active: 1, before: 0 },
      { id: G5, stage: 'inception', contributions: 0, active: 0, before: 0 },
    ]);
    // Unanswered topics of the period, per group: G1 the staff's 802 (K's 800 has L's reply),
    // G2 M's 803, G3 the staff's 804; N's topic in G4 is older than the period.
    expect(c.lifecycle.groups.map((g) => g.unanswered_topics)).toEqual([1, 1, 1, 0, 0]);
    expect(c.lifecycle.groups.map((g) => g.warning)).toEqual([
      null,
      null,
      'inception_too_long',
      'no_contributions',
      null,
    ]);
  });

  it('gives the instance each community’s lifecycle facts as its own cockpit reads them', async () => {
    const staff = new Set([STAFF]);
    const facts = await loadScopeFacts(
      db.store,
      { communityId: COMMUNITY, groupId: 0 },
      { from: at(30), to },
      staff,
    );
    const alone = await loadLifecycleFacts(db.store, COMMUNITY, to, staff);
    // The last 30 days: K (day 10), L (the last day), M (the last day) and staff twice (days 5
    // and 3); the 30 before: L (day 45).
    expect(alone.recent).toEqual({ contributions: 5, byMembers: 3, active: 3, activeBefore: 1 });
    expect(alone).toEqual({ recent: facts.recent, groups: facts.groups });
  });

  it('names the group of each first post, and hides what a reader may not read', async () => {
    const facts = await loadScopeFacts(
      db.store,
      { communityId: COMMUNITY, groupId: 0 },
      { from: at(60), to },
      new Set([STAFF]),
    );
    const c = computeCockpit({ facts, createdAt: at(300), isGroup: false, groups: [] });
    const post = (n: { memberId: number | null; topicId: number | null; groupId: number | null }) =>
      [n.memberId, n.topicId, n.groupId] as const;
    // L's first post (day 45) and K's (day 10) in G1, M's (the last day) in G2.
    expect(c.newcomers.members.map(post)).toEqual([
      [M, 803, G2],
      [K, 800, G1],
      [L, 801, G1],
    ]);
    // A reader of G2 alone: no trace of who first posted in G1, nor of who answered them.
    const seen = withoutUnreadable(c, [G2], privacyBasis(facts));
    expect(seen.newcomers.members.map(post)).toEqual([[M, 803, G2]]);
    expect(seen.newcomers.unanswered_48h.map((n) => n.memberId)).not.toContain(K);
    expect(seen.newcomers.unanswered_48h.map((n) => n.memberId)).not.toContain(L);
    expect(c.newcomers.members.find((n) => n.memberId === K)?.answeredBy).toBe(L);
    // Unanswered, oldest first: 801 and 802 (G1), 804 (G3), 803 (G2); only G2's is named.
    const unanswered = (v: CockpitView) =>
      v.responsiveness.unanswered.map((u) => [u.topicId, u.groupId]);
    expect(unanswered(c)).toEqual([
      [801, G1],
      [802, G1],
      [804, G3],
      [803, G2],
    ]);
    expect(unanswered(seen)).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [803, G2],
    ]);
    expect(seen.newcomers.count).toBe(c.newcomers.count);
    // Who reads every group (instance admins: null) sees the cockpit unchanged.
    expect(withoutUnreadable(c, null, privacyBasis(facts))).toBe(c);
  });
});

describe('ISO weeks', () => {
  it('follow ISO 8601 at year boundaries', () => {
    expect(isoWeek(Date.UTC(2021, 0, 3))).toBe('2020-W53');
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01');
    expect(isoWeek(Date.UTC(2026, 10, 23))).toBe('2026-W48');
  });

  it('start on the Monday that isoWeek gives the key of, across year boundaries', () => {
    expect(isoWeekStart('2020-W53')).toBe(Date.UTC(2020, 11, 28));
    expect(isoWeekStart('2025-W01')).toBe(Date.UTC(2024, 11, 30));
    expect(isoWeekStart('2026-W48')).toBe(Date.UTC(2026, 10, 23));
    // Every day of 2019–2027 falls in the week that starts on its Monday.
    for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const start = isoWeekStart(isoWeek(day));
      expect(new Date(start).getUTCDay()).toBe(1);
      expect(day - start).toBeGreaterThanOrEqual(0);
      expect(day - start).toBeLessThan(7 * 86_400_000);
    }
  });
});

describe.each(databases)('response times, %s', (kind) => {
  // PostgreSQL reduces them in SQL (percentile ranks), SQLite here: both must give the
  // definitions of stats.ts for odd and even counts alike.
  const [V, W, N] = [31, 32, 33] as const;
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
  });
  afterAll(() => db.drop());

  it('gives the median, the 90th percentile and the veterans’ median of any count', async () => {
    for (let n = 1; n <= 11; n++) {
      const community = 40 + n;
      const inIt = (e: ActivityEntry) => ({ ...e, communityId: community });
      const hours = Array.from({ length: n }, (_, i) => ((i * 37) % 11) * 7.25 + 0.5);
      const log = [
        ...[V, W, N].map((id) => row(id, 'community.joined', at(300))),
        topic(V, community * 100, at(200)), // V's first post: before the period, a veteran
        ...hours.flatMap((h, i) => {
          const id = community * 100 + 1 + i;
          const author = i % 3 === 2 ? N : V; // N's first post is in the period: a newcomer
          return [topic(author, id, at(20 - i)), reply(W, id, id, at(20 - i) + h * HOUR)];
        }),
      ].map(inIt);
      await recordActivities(db.store, db.store.db, log);
      await refreshRollups(db.store);
      const facts = await loadScopeFacts(
        db.store,
        { communityId: community, groupId: 0 },
        { from: at(30), to },
        new Set(),
      );
      const c = computeCockpit({ facts, createdAt: at(300), isGroup: false, groups: [] });
      const veterans = hours.filter((_, i) => i % 3 !== 2);
      expect(c.responsiveness).toMatchObject({
        topics: n,
        answered: n,
        median_hours: median(hours),
        p90_hours: percentile(hours, 90),
        answered_within_24h: hours.filter((h) => h <= 24).length / n,
        answered_within_48h: hours.filter((h) => h <= 48).length / n,
      });
      // Only N's first topic (i = 2) is a newcomer's; N's later ones are no veteran's either.
      const first = hours[2];
      expect(c.newcomers.welcome_gap).toBe(
        first === undefined ? null : first / (median(veterans) ?? NaN),
      );
    }
  });
});

describe.each(databases)('roll-ups folded row by row equal a rebuild, %s', (kind) => {
  const [P, Q, R, S, T] = [21, 22, 23, 24, 25] as const;
  const deletions: ActivityEntry[] = [
    ...[P, Q, R, S, T].map((id) => row(id, 'community.joined', at(100))),
    topic(P, 10, at(10)),
    reply(Q, 201, 10, at(10, 1)), // first reply after 1 h, deleted below
    reply(R, 202, 10, at(10, 3)), // becomes the first reply: 3 h
    topic(S, 11, at(9)),
    reply(T, 203, 11, at(9, 2)),
    row(Q, 'reply.deleted', at(8), { targetKind: 'reply', targetId: 201, topicId: 10 }),
    row(S, 'topic.deleted', at(7), { targetKind: 'topic', targetId: 11, topicId: 11 }), // takes 203
    row(T, 'community.left', at(6)),
    reply(P, 204, 10, at(2)), // P back 8 days after the first post: kept at 30 days
    anonymous(COMMUNITY, null, at(5)),
    anonymous(COMMUNITY, null, at(5, 2)),
    anonymous(null, null, at(5)),
  ];
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
  });
  afterAll(() => db.drop());

  it('hands the first response over, drops a deleted topic’s replies and first posts', async () => {
    for (const entry of deletions) {
      await recordActivities(db.store, db.store.db, [entry]);
      await refreshRollups(db.store);
    }
    const stepwise = await cockpitOf(db, at(30));
    // T10 only (T11 deleted); its first live reply by someone else is R's, after 3 h.
    expect(stepwise.responsiveness).toMatchObject({ topics: 1, answered: 1, median_hours: 3 });
    // Newcomers: P (T10) and R (reply 202); Q's and T's only posts are gone, S's topic too.
    expect(stepwise.newcomers.count).toBe(2);
    expect(stepwise.concentration).toMatchObject({ contributors: 2, contributions: 3 });
    // Two contributors: a sponsor sees no point of their curve.
    const hidden = (await cockpitAndSponsorOf(db, at(30))).sponsor.concentration.curve;
    expect(hidden.map((point) => point.share)).toEqual(Array(10).fill(null));
    // P's return, folded after the first post, is marked on it.
    const kept = await db.store.db
      .selectFrom('rollup_first_posts')
      .select(['member_id', 'kept30', 'kept90'])
      .where('community_id', '=', COMMUNITY)
      .where('group_id', '=', 0)
      .orderBy('member_id')
      .execute();
    expect(kept.map((k) => [Number(k.member_id), k.kept30, k.kept90])).toEqual([
      [P, 1, 0],
      [R, 0, 0],
    ]);
    // T left: four members at the end, of whom Q and S did nothing that still counts.
    expect(stepwise.circles.counts).toMatchObject({ contributor: 2, dormant: 2 });
    expect(stepwise.circles.total).toBe(4);

    const tables = await rollupTables(db);

    expect(await rebuildRollups(db.store)).toBe(deletions.length);
    expect(await cockpitOf(db, at(30))).toEqual(stepwise);
    // A rebuild counts days only and derives weeks and months: the same rows as folding each.
    expect(await rollupTables(db)).toEqual(tables);
  });
});

describe.each(databases)('a first post that moves keeps its own first response, %s', (kind) => {
  const [U, V] = [51, 52] as const;
  let db: TestStore;
  beforeAll(async () => {
    db = await createTestStore(kind, { file: true });
  });
  afterAll(() => db.drop());

  it('answers the newcomer by the response to the post that is now their first', async () => {
    for (const entry of [
      ...[U, V].map((id) => row(id, 'community.joined', at(100))),
      topic(U, 13, at(12)), // U's first post, never answered
      topic(U, 14, at(11)),
      reply(V, 301, 14, at(11, 2)), // T14 answered after 2 h
      row(U, 'topic.deleted', at(6), { targetKind: 'topic', targetId: 13, topicId: 13 }),
    ]) {
      await recordActivities(db.store, db.store.db, [entry]);
      await refreshRollups(db.store);
    }
    // U's first post is now T14, answered within 48 h; V's first post is the reply.
    const stepwise = await cockpitOf(db, at(30));
    expect(stepwise.newcomers).toMatchObject({ count: 2, first_post_answered_48h: 0.5 });
    const tables = await rollupTables(db);
    await rebuildRollups(db.store);
    expect(await rollupTables(db)).toEqual(tables);
  });
});

/** Every roll-up row that counts something, in a stable order. */
async function rollupTables(db: TestStore) {
  const out: Record<string, unknown[]> = {};
  for (const grain of ['day', 'week', 'month'] as const) {
    const rows = await db.store.db
      .selectFrom(`rollup_member_${grain}s`)
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('contributions', '<>', 0),
          eb('reactions', '<>', 0),
          eb('visits', '<>', 0),
          eb('commitments', '<>', 0),
        ]),
      )
      .execute();
    out[grain] = rows.map((r) => JSON.stringify(r)).sort();
  }
  for (const table of [
    'rollup_buckets',
    'rollup_posts',
    'rollup_first_posts',
    'rollup_anonymous_days',
  ] as const)
    out[table] = (await db.store.db.selectFrom(table).selectAll().execute())
      .map((r) => JSON.stringify(r))
      .sort();
  return out;
}
