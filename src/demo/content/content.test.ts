import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoData, type DemoTopic } from './index.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 15, 10, 0, 0);

/** Posts (topics and replies) per handle, optionally restricted to a group and a period. */
function postsBy(data: DemoData, keep: (t: DemoTopic, at: number) => boolean = () => true) {
  const posts = new Map<string, number>();
  const add = (handle: string) => posts.set(handle, (posts.get(handle) ?? 0) + 1);
  for (const t of data.topics) {
    if (keep(t, t.createdAt)) add(t.authorHandle);
    for (const r of t.replies) if (keep(t, r.createdAt)) add(r.authorHandle);
  }
  return posts;
}

/** When each member joined each community and group, to check nobody acts before arriving. */
function joinIndex(data: DemoData) {
  const joined = new Map<string, number>();
  for (const c of data.communities) {
    for (const m of c.memberships) joined.set(`${c.slug}/${m.handle}`, m.joinedAt);
    for (const g of c.groups)
      for (const m of g.members) joined.set(`${g.slug}/${m.handle}`, m.joinedAt);
  }
  return (t: DemoTopic, handle: string, at: number): boolean => {
    const inCommunity = joined.get(`${t.communitySlug}/${handle}`);
    const inGroup = t.groupSlug === null ? -Infinity : joined.get(`${t.groupSlug}/${handle}`);
    return (
      inCommunity !== undefined && inGroup !== undefined && at >= Math.max(inCommunity, inGroup)
    );
  };
}

const share = (part: number, whole: number) => part / whole;

describe.each([
  { label: 'default seed', now: NOW, seed: undefined },
  { label: 'seed 7, another day', now: NOW + 40 * DAY + 12_345, seed: 7 },
])('generateDemo ($label)', ({ now, seed }) => {
  const data = generateDemo({ now, seed });
  const replies = data.topics.flatMap((t) => t.replies);
  const questions = data.topics.filter((t) => t.kind === 'question');
  const inWindow = (at: number) => at >= now - 365 * DAY && at <= now;

  it('has realistic counts', () => {
    expect(data.members.length).toBeGreaterThanOrEqual(280);
    expect(data.members.length).toBeLessThanOrEqual(320);
    expect(data.topics.length).toBeGreaterThanOrEqual(360);
    expect(data.topics.length).toBeLessThanOrEqual(440);
    expect(replies.length).toBeGreaterThanOrEqual(2500);
    expect(replies.length).toBeLessThanOrEqual(3800);
    expect(data.visits.length).toBeGreaterThanOrEqual(8000);
    expect(data.visits.length).toBeLessThanOrEqual(15000);
    expect(share(questions.length, data.topics.length)).toBeGreaterThan(0.35);
    expect(share(questions.length, data.topics.length)).toBeLessThan(0.45);
    const bios = data.members.filter((m) => m.bio !== '').length;
    expect(share(bios, data.members.length)).toBeGreaterThan(0.35);
    expect(share(bios, data.members.length)).toBeLessThan(0.65);
  });

  it('has valid, unique handles and titles', () => {
    const handles = data.members.map((m) => m.handle);
    expect(new Set(handles).size).toBe(handles.length);
    for (const m of data.members) {
      expect(m.handle).toMatch(/^[a-z0-9_-]{3,30}$/);
      expect(m.email).toBe(`${m.handle}@demo.ruche.test`);
    }
    expect(new Set(data.topics.map((t) => t.title)).size).toBe(data.topics.length);
  });

  it('has one admin animator, other animators and two moderators', () => {
    expect(data.animatorHandle).toBe('camille');
    const admins = data.members.filter((m) => m.isAdmin);
    expect(admins.map((m) => [m.handle, m.displayName])).toEqual([['camille', 'Camille Martin']]);
    for (const c of data.communities) {
      expect(c.memberships.find((m) => m.handle === 'camille')?.role).toBe('animator');
    }
    const groups = data.communities.flatMap((c) => c.groups);
    const camilleGroups = groups.filter((g) =>
      g.members.some((m) => m.handle === 'camille' && m.role === 'animator'),
    );
    expect(camilleGroups.length).toBeGreaterThanOrEqual(3);
    const animators = new Set(
      [...data.communities.flatMap((c) => c.memberships), ...groups.flatMap((g) => g.members)]
        .filter((m) => m.role === 'animator' && m.handle !== 'camille')
        .map((m) => m.handle),
    );
    expect(animators.size).toBeGreaterThanOrEqual(3);
    const moderators = data.communities.flatMap((c) =>
      c.memberships.filter((m) => m.role === 'moderator'),
    );
    expect(moderators).toHaveLength(2);
  });

  it('has two communities with different typologies, purposes and charters', () => {
    const [volunteers, partners] = data.communities;
    expect(data.communities).toHaveLength(2);
    expect(volunteers?.typology).not.toBe(partners?.typology);
    expect(volunteers?.visibility).toBe('public');
    expect(partners?.visibility).toBe('private');
    expect(volunteers!.memberships.length).toBeGreaterThan(partners!.memberships.length);
    expect(partners!.memberships.length).toBeGreaterThanOrEqual(100);
    expect(partners!.memberships.length).toBeLessThanOrEqual(140);
    for (const c of data.communities) {
      expect(c.purpose.length).toBeGreaterThan(100);
      expect(c.charter.match(/^\d+\. \*\*/gm)?.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('has micro-community groups, one private, one crowded', () => {
    const groups = data.communities.flatMap((c) => c.groups);
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.filter((g) => g.visibility === 'private')).toHaveLength(1);
    const small = groups.filter((g) => g.members.length >= 8 && g.members.length <= 25);
    expect(small.length).toBe(groups.length - 1);
    const active = groups.map(
      (g) => postsBy(data, (t, at) => t.groupSlug === g.slug && at > now - 30 * DAY).size,
    );
    expect(active.filter((n) => n > 25)).toHaveLength(1);
    expect(Math.max(...active)).toBeGreaterThanOrEqual(30);
    for (const c of data.communities) {
      const joined = new Map(c.memberships.map((m) => [m.handle, m.joinedAt]));
      for (const g of c.groups) {
        expect(g.createdAt).toBeGreaterThanOrEqual(c.createdAt);
        for (const m of g.members) {
          expect(m.joinedAt).toBeGreaterThanOrEqual(joined.get(m.handle) ?? Infinity);
          expect(m.joinedAt).toBeGreaterThanOrEqual(g.createdAt);
        }
      }
    }
  });

  it('keeps every date in the window and in causal order', () => {
    // Violations are collected rather than asserted one by one: tens of thousands of checks.
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    const created = new Map(data.members.map((m) => [m.handle, m.createdAt]));
    const joinedBefore = joinIndex(data);
    for (const m of data.members) check(inWindow(m.createdAt), `member ${m.handle}`);
    for (const c of data.communities) {
      check(inWindow(c.createdAt), `community ${c.slug}`);
      for (const m of c.memberships) {
        check(inWindow(m.joinedAt), `membership ${m.handle}`);
        check(
          m.joinedAt >= (created.get(m.handle) ?? Infinity),
          `joined before account ${m.handle}`,
        );
      }
    }
    data.topics.forEach((t, ti) => {
      check(inWindow(t.createdAt), `topic ${ti}`);
      check(joinedBefore(t, t.authorHandle, t.createdAt), `topic ${ti} author`);
      t.replies.forEach((r, i) => {
        check(inWindow(r.createdAt) && r.createdAt > t.createdAt, `reply ${ti}/${i} date`);
        check(joinedBefore(t, r.authorHandle, r.createdAt), `reply ${ti}/${i} author`);
        check(r.parentIndex === null || r.parentIndex < i, `reply ${ti}/${i} parent`);
      });
      for (const x of t.reactions) {
        const target = x.target === 'topic' ? t : t.replies[x.target];
        check(target !== undefined, `reaction ${ti} target`);
        if (target === undefined) continue;
        check(inWindow(x.createdAt) && x.createdAt > target.createdAt, `reaction ${ti} date`);
        check(joinedBefore(t, x.handle, x.createdAt), `reaction ${ti} by ${x.handle}`);
        check(x.handle !== target.authorHandle, `reaction ${ti} on own post`);
      }
    });
    for (const v of data.visits) {
      const t = data.topics[v.topicIndex];
      check(t !== undefined && t.communitySlug === v.communitySlug, `visit ${v.topicIndex}`);
      if (t === undefined) continue;
      check(inWindow(v.at) && v.at >= t.createdAt, `visit ${v.topicIndex} date`);
      check(joinedBefore(t, v.handle, v.at), `visit ${v.topicIndex} by ${v.handle}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('answers questions like a living community', () => {
    const accepted = questions.filter((t) => t.acceptedReplyIndex !== null);
    expect(share(accepted.length, questions.length)).toBeGreaterThan(0.6);
    expect(share(accepted.length, questions.length)).toBeLessThan(0.8);
    for (const t of accepted) {
      expect(t.replies[t.acceptedReplyIndex!]?.authorHandle).not.toBe(t.authorHandle);
    }
    for (const t of data.topics)
      if (t.kind === 'discussion') expect(t.acceptedReplyIndex).toBeNull();
    const silent = data.topics.filter((t) => t.replies.length === 0).length;
    expect(share(silent, data.topics.length)).toBeGreaterThan(0.04);
    expect(share(silent, data.topics.length)).toBeLessThan(0.13);
    const nested = replies.filter((r) => r.parentIndex !== null).length;
    expect(share(nested, replies.length)).toBeGreaterThan(0.15);
    expect(share(nested, replies.length)).toBeLessThan(0.25);
    const self = data.topics.flatMap((t) =>
      t.replies.filter((r) => r.authorHandle === t.authorHandle),
    );
    expect(self.length).toBeGreaterThan(0);
    expect(share(self.length, replies.length)).toBeLessThan(0.15);
    const firsts = data.topics
      .filter((t) => t.replies.length > 0)
      .map((t) => t.replies[0]!.createdAt - t.createdAt)
      .sort((a, b) => a - b);
    const median = firsts[Math.floor(firsts.length / 2)]!;
    expect(median).toBeGreaterThan(DAY / 24);
    expect(median).toBeLessThan(DAY / 2);
  });

  it('writes French markdown with mentions of real members', () => {
    const handles = new Set(data.members.map((m) => m.handle));
    const bodies = [...data.topics.map((t) => t.body), ...replies.map((r) => r.body)];
    const mentions = bodies.flatMap((b) => [...b.matchAll(/@([a-z0-9_-]+)/g)].map((m) => m[1]));
    expect(mentions.length).toBeGreaterThan(100);
    for (const h of mentions) expect(handles.has(h!)).toBe(true);
    expect(bodies.some((b) => b.includes('**'))).toBe(true);
    expect(bodies.some((b) => /^- /m.test(b))).toBe(true);
    expect(bodies.some((b) => b.includes('](https://example.org/'))).toBe(true);
    expect(bodies.some((b) => /[{}]/.test(b))).toBe(false);
  });

  it('concentrates activity on a few members, most members only read or react', () => {
    const posts = postsBy(data);
    const counts = [...posts.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    const top = counts.slice(0, Math.ceil(data.members.length * 0.03)).reduce((a, b) => a + b, 0);
    expect(share(top, total)).toBeGreaterThanOrEqual(0.3);
    const silent = data.members.filter((m) => !posts.has(m.handle));
    expect(share(silent.length, data.members.length)).toBeGreaterThanOrEqual(0.5);
    const readers = new Set(data.visits.map((v) => v.handle));
    const reactors = new Set(data.topics.flatMap((t) => t.reactions.map((r) => r.handle)));
    const seen = silent.filter((m) => readers.has(m.handle) || reactors.has(m.handle));
    expect(share(seen.length, silent.length)).toBeGreaterThan(0.7);
  });

  it('has anonymous readers on what anyone may read only, each counted at the instance too', () => {
    const open = new Set(
      data.communities
        .filter((c) => c.visibility === 'public')
        .flatMap((c) => [
          `${c.slug}|`,
          ...c.groups.filter((g) => g.visibility === 'public').map((g) => `${c.slug}|${g.slug}`),
        ]),
    );
    const inCommunities = data.anonymousVisits.filter((v) => v.communitySlug !== null);
    for (const v of inCommunities)
      expect(open).toContain(`${v.communitySlug}|${v.groupSlug ?? ''}`);
    expect(data.anonymousVisits.every((v) => inWindow(v.at))).toBe(true);
    // One public community: its readers of a day are the instance's readers of that day; at
    // least a hundred a month reach it.
    const communityDays = inCommunities.filter((v) => v.groupSlug === null).length;
    const instanceDays = data.anonymousVisits.length - inCommunities.length;
    expect(instanceDays).toBe(communityDays);
    expect(communityDays).toBeGreaterThan(1200);
  });

  it('grows over the year and slows down on weekends', () => {
    const dates = [...data.topics.map((t) => t.createdAt), ...replies.map((r) => r.createdAt)];
    const recent = dates.filter((at) => at > now - 90 * DAY).length;
    const early = dates.filter((at) => at < now - 275 * DAY).length;
    expect(recent).toBeGreaterThan(early * 1.5);
    const weekend = dates.filter((at) => [0, 6].includes(new Date(at).getUTCDay())).length;
    expect(weekend / 2).toBeLessThan((dates.length - weekend) / 5);
  });
});

describe('generateDemo determinism and speed', () => {
  it('gives the same data for the same seed and now, other data otherwise', () => {
    // Compared as JSON: a deep toEqual on ~70,000 objects is needlessly slow.
    const a = JSON.stringify(generateDemo({ now: NOW }));
    expect(JSON.stringify(generateDemo({ now: NOW })) === a).toBe(true);
    expect(JSON.stringify(generateDemo({ now: NOW, seed: 1 })) === a).toBe(false);
  });

  it('takes well under a second', () => {
    const start = performance.now();
    generateDemo({ now: NOW, seed: 3 });
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('demo dates', () => {
  it('are whole milliseconds, as the databases store them', () => {
    const data = generateDemo({ now: Date.UTC(2026, 10, 23, 6, 0, 0) });
    const times = [
      ...data.members.map((m) => m.createdAt),
      ...data.communities.flatMap((c) => [
        c.createdAt,
        ...c.memberships.map((m) => m.joinedAt),
        ...c.groups.flatMap((g) => [g.createdAt, ...g.members.map((m) => m.joinedAt)]),
      ]),
      ...data.topics.flatMap((t) => [
        t.createdAt,
        ...t.replies.map((r) => r.createdAt),
        ...t.reactions.map((r) => r.createdAt),
      ]),
      ...data.visits.map((v) => v.at),
      ...data.anonymousVisits.map((v) => v.at),
    ];
    expect(times.filter((x) => !Number.isInteger(x))).toEqual([]);
  });
});
