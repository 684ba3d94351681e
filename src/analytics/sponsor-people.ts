import type { Cockpit } from './cockpit.js';
import {
  ACTIVE,
  CONTRIBUTED,
  Disclosure,
  INTERACTED,
  MEMBER,
  shownParts,
  type PeopleCount,
  type Span,
} from './disclosure.js';
import { DAY } from './stats.js';

/**
 * Every count of people on a cockpit, and those that follow from them (the circles' running
 * totals, who stayed active from one month to the next…), placed by what they did over which
 * days: a count over the last 30 days lies within the window's active members, a month's
 * departures within the month before's active members, and so on. Shown in the order they
 * matter to a sponsor; `docs/privacy.md` lists them.
 */
export function sponsorPeople(c: Cockpit): Disclosure {
  const x = placed(c);
  const d = new Disclosure(x.counts);
  // The circles as running totals: a circle's count shows when the totals on both sides do.
  for (const key of ['total', 'contributing', 'active', 'interacting', 'core']) d.show(key);
  for (const key of ['ladder.members_reached', 'ladder.interacting', 'ladder.engaged']) d.show(key);
  for (const key of ['active30', 'active_before']) d.show(key);
  for (const key of ['newcomers', 'answered48', 'eligible30', 'retained30', 'eligible90'])
    d.show(key);
  d.show('retained90');
  c.activity.monthly.forEach((_, i) => d.show(`month.${i}.mau`));
  // Those gone, with those who stayed when the months' (30 days') active are shown too.
  d.show(...(d.isShown('active_before') ? ['churn', 'continuing'] : ['churn']));
  c.activity.monthly.forEach((_, i) => {
    if (!x.months.has(i)) return;
    const keys = [`month.${i}.gone`];
    if (x.continuing.has(i) && d.isShown(`month.${i - 1}.mau`)) {
      keys.push(`month.${i}.continuing`);
      if (d.isShown(`month.${i}.mau`)) keys.push(`month.${i}.newly`);
    }
    d.show(...keys);
  });
  c.ladder.flows.forEach((_, i) => {
    for (const way of ['up', 'held', 'down']) d.show(`month.${i}.${way}`);
  });
  c.lifecycle.groups.forEach((g) => {
    d.show(`group.${g.groupId}.active30`);
    d.show(`group.${g.groupId}.active_before`);
  });
  return d;
}

/** A month's moves up, held and down: they add up to its active members and those gone. */
export function shownFlows(d: Disclosure, i: number, flows: Cockpit['ladder']['flows']) {
  const f = flows[i];
  const ways = ['up', 'held', 'down'] as const;
  const isTotalKnown = d.isShown(`month.${i}.mau`) && d.isShown(`month.${i}.gone`);
  const shown = shownParts(
    ways.map((w) => (d.isShown(`month.${i}.${w}`) ? (f?.[w] ?? 0) : 0)),
    isTotalKnown,
  );
  return Object.fromEntries(
    ways.map((w, k) => [w, shown[k] && d.isShown(`month.${i}.${w}`) ? (f?.[w] ?? 0) : null]),
  ) as Record<(typeof ways)[number], number | null>;
}

const dayOf = (iso: string) => Math.round(Date.parse(iso) / DAY);

/** The first day of the month `k` months after the one starting on `day`. */
function monthAfter(day: number, k: number): number {
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1) / DAY;
}

function placed(c: Cockpit) {
  const to = dayOf(c.period.to);
  const from = dayOf(c.period.from);
  const windowFrom = dayOf(c.window.from);
  const span = (did: number, start: number, end = to): Span => ({ did, from: start, to: end });
  const exactly = (s: Span) => ({ lo: s, hi: s });
  const W = windowFrom;
  // The ladder counts the core members at `to` whatever the period: within the longer of the two.
  const either = Math.min(from, windowFrom);
  const k = c.circles.counts;
  const l = c.ladder;
  const n = c.newcomers;
  const churn = c.activity.churn;
  const before = c.lifecycle.active_members_previous_30d;
  const counts: PeopleCount[] = [
    { key: 'total', n: c.circles.total, ...exactly(span(MEMBER, W)) },
    { key: 'active', n: c.circles.total - k.dormant, ...exactly(span(ACTIVE, W)) },
    { key: 'interacting', n: k.core + k.contributor + k.reactor, ...exactly(span(INTERACTED, W)) },
    { key: 'contributing', n: k.core + k.contributor, ...exactly(span(CONTRIBUTED, W)) },
    {
      key: 'core',
      n: k.core,
      hi: span(CONTRIBUTED, W),
      within: ['ladder.engaged', 'ladder.interacting', 'ladder.members_reached'],
    },
    // Over a period longer than the window it may hold former members too, but a reader would
    // take the members less those reached for the members who did nothing: compared as such.
    {
      key: 'ladder.members_reached',
      n: l.members_reached,
      lo: span(ACTIVE, from),
      hi: span(ACTIVE, either),
      within: ['total'],
    },
    {
      key: 'ladder.interacting',
      n: l.interacting,
      lo: span(INTERACTED, from),
      hi: span(INTERACTED, either),
      within: ['ladder.members_reached'],
    },
    // Commitments (a group led) are contributions.
    {
      key: 'ladder.engaged',
      n: l.engaged,
      hi: span(CONTRIBUTED, either),
      within: ['ladder.interacting'],
    },
    { key: 'active30', n: c.activity.active_last_30d, ...exactly(span(ACTIVE, to - 30)) },
    { key: 'active_before', n: before, ...exactly(span(ACTIVE, to - 60, to - 30)) },
    { key: 'churn', n: churn, hi: span(ACTIVE, to - 60, to - 30), within: ['active_before'] },
    // Active in both 30 days: those active before, less those gone.
    {
      key: 'continuing',
      n: before - churn,
      hi: span(ACTIVE, to - 30),
      within: ['active_before'],
    },
    { key: 'newcomers', n: n.count, hi: span(CONTRIBUTED, from) },
    {
      key: 'answered48',
      n: Math.round((n.first_post_answered_48h ?? 0) * n.count),
      within: ['newcomers'],
    },
    { key: 'eligible30', n: n.retention_30d.eligible, within: ['newcomers'] },
    { key: 'retained30', n: n.retention_30d.retained, within: ['eligible30'] },
    { key: 'eligible90', n: n.retention_90d.eligible, within: ['eligible30'] },
    { key: 'retained90', n: n.retention_90d.retained, within: ['eligible90'] },
    ...c.lifecycle.groups.flatMap((g) => [
      { key: `group.${g.groupId}.active30`, n: g.active_members_30d, hi: span(ACTIVE, to - 30) },
      {
        key: `group.${g.groupId}.active_before`,
        n: g.active_members_previous_30d,
        hi: span(ACTIVE, to - 60, to - 30),
      },
    ]),
  ];
  const months = new Set<number>();
  const continuing = new Set<number>();
  c.activity.monthly.forEach((m, i) => {
    const start = dayOf(`${m.month}-01T00:00:00Z`);
    const whole = span(ACTIVE, start, Math.min(monthAfter(start, 1), to));
    const previous = span(ACTIVE, monthAfter(start, -1), start);
    // The part of the month in the period: the first may begin before it.
    counts.push({
      key: `month.${i}.mau`,
      n: m.mau,
      ...exactly({ ...whole, from: Math.max(start, from) }),
    });
    const flow = c.ladder.flows[i];
    const isCut = m.churn === null;
    if (flow) {
      counts.push(
        { key: `month.${i}.up`, n: flow.up, hi: whole },
        {
          key: `month.${i}.held`,
          n: flow.held,
          // Where `to` cuts the month, those not back yet hold last month's rung.
          hi: isCut ? previous : whole,
          within: isCut ? [] : [`month.${i}.continuing`],
        },
        { key: `month.${i}.down`, n: flow.down, hi: previous },
      );
    }
    if (m.churn === null) return;
    months.add(i);
    counts.push({ key: `month.${i}.gone`, n: m.churn, hi: previous, within: [`month.${i}.down`] });
    const last = c.activity.monthly[i - 1];
    // The month before, whole in the period: its active less those gone stayed.
    if (last && previous.from >= from) {
      continuing.add(i);
      counts.push(
        {
          key: `month.${i}.continuing`,
          n: last.mau - m.churn,
          hi: whole,
          within: [`month.${i - 1}.mau`],
        },
        {
          key: `month.${i}.newly`,
          n: m.mau - (last.mau - m.churn),
          hi: whole,
          within: [`month.${i}.up`],
        },
      );
    }
  });
  return { counts, months, continuing };
}
