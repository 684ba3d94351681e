import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAdmin } from '../../test/fixtures.js';
import { createTestStore, databases, startTestApp, type TestStore } from '../../test/harness.js';
import { frenchMetaDump } from '../../test/shared-data.js';
import type { Db } from '../db/index.js';
import type { ActivityKind } from '../activity/index.js';
import { signIn } from '../accounts/index.js';
import { reportCockpit } from '../analytics/index.js';
import { renderAllQueued } from '../conversations/index.js';
import { renderMarkdown } from '../markdown/index.js';
import { TextThread } from './body-texts.js';
import { importStackExchange, type ImportSummary } from './index.js';

const dir = frenchMetaDump;

/** What these tests read of the analytics API's answer. */
interface Cockpit {
  circles: {
    counts: Record<string, number>;
    total: number;
    participating_share: number;
    core_members: { memberId: number }[];
  };
  concentration: { contributors: number };
  newcomers: { count: number; members: { memberId: number }[] };
  ladder: { interacting: number };
  recently_inactive_core: { memberId: number }[];
  churned_members: { memberId: number }[];
}

/** Every title and body of a community's topics and replies, sorted. */
async function textsIn(db: Db, communityId: number): Promise<string[]> {
  const topics = await db
    .selectFrom('topics')
    .select(['title', 'body'])
    .where('community_id', '=', communityId)
    .execute();
  const replies = await db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .select(['replies.body'])
    .where('topics.community_id', '=', communityId)
    .execute();
  return [...topics.map((t) => `${t.title}\n${t.body}`), ...replies.map((r) => r.body)].sort();
}

/** A tiny reader of its own, so the expected figures owe nothing to the importer's code. */
function rowsOf(file: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') rows.push(tag.attributes);
  });
  parser.write(readFileSync(`${dir}${file}`, 'utf8')).close();
  return rows;
}

function expectedFigures() {
  const posts = rowsOf('Posts.xml');
  const questions = posts.filter((p) => p.PostTypeId === '1');
  const questionIds = new Set(questions.map((q) => q.Id));
  const answers = posts.filter((p) => p.PostTypeId === '2' && questionIds.has(p.ParentId ?? ''));
  const answerIds = new Set(answers.map((a) => a.Id));
  const imported = (postId = '') => questionIds.has(postId) || answerIds.has(postId);
  const comments = rowsOf('Comments.xml').filter((c) => imported(c.PostId));
  // Every registered user is a member, whether they acted or not; the Community bot is not.
  const registered = rowsOf('Users.xml').filter((u) => u.Id !== '-1');
  const dates = questions.map((q) => Date.parse(`${q.CreationDate}Z`));
  const postDates = [...questions, ...answers, ...comments].map((p) =>
    Date.parse(`${p.CreationDate}Z`),
  );
  return {
    questions: questions.length,
    answers: answers.length,
    comments: comments.length,
    accepted: questions.filter((q) => answerIds.has(q.AcceptedAnswerId ?? '')).length,
    registeredUsers: registered.length,
    earliest: Math.min(...dates),
    firstPost: postDates.reduce((a, b) => Math.min(a, b)),
    oldestAccount: Math.min(...rowsOf('Users.xml').map((u) => Date.parse(`${u.CreationDate}Z`))),
    latest: Math.max(...dates),
    commentOnAnswer: comments.find((c) => answerIds.has(c.PostId ?? '')),
  };
}

/**
 * The cockpit's figures worked out straight from the XML, following docs/indicators.md and the
 * importer's mapping (answers and comments are replies; named votes are likes; the accept
 * happens at its vote's date, never before the answer; unknown authors are one deleted account;
 * every registered user is a member from their registration on; the Community bot and the
 * deleted authors are system accounts, never members).
 */
function expectedCockpit(to: number, from = to - 365 * 86_400_000) {
  const DAY = 86_400_000;
  const at = (d = '') => Date.parse(`${d}Z`);
  const users = new Map(rowsOf('Users.xml').map((u) => [u.Id ?? '', at(u.CreationDate)]));
  const who = (id?: string) => (id === '-1' ? 'community' : id && users.has(id) ? id : 'deleted');
  const isSystem = (id: string) => id === 'community' || id === 'deleted' || id === '-1';
  const posts = rowsOf('Posts.xml');
  const questions = posts.filter((p) => p.PostTypeId === '1');
  const questionIds = new Set(questions.map((q) => q.Id));
  const answers = posts.filter((p) => p.PostTypeId === '2' && questionIds.has(p.ParentId ?? ''));
  const topicOfAnswer = new Map(answers.map((a) => [a.Id, a.ParentId ?? '']));
  const answerAt = new Map(answers.map((a) => [a.Id, at(a.CreationDate)]));
  const comments = rowsOf('Comments.xml').filter(
    (c) => questionIds.has(c.PostId) || topicOfAnswer.has(c.PostId),
  );
  const votes = rowsOf('Votes.xml');
  const contributions = [
    ...questions.map((q) => ({ actor: who(q.OwnerUserId), at: at(q.CreationDate) })),
    ...answers.map((a) => ({ actor: who(a.OwnerUserId), at: at(a.CreationDate) })),
    ...comments.map((c) => ({ actor: who(c.UserId), at: at(c.CreationDate) })),
  ];
  const acceptVote = new Map(
    votes.filter((v) => v.VoteTypeId === '1').map((v) => [v.PostId, at(v.CreationDate)]),
  );
  const acceptedAt = (q: Record<string, string>) => {
    const id = q.AcceptedAnswerId;
    if (!id || !answerAt.has(id)) return undefined;
    return Math.max(acceptVote.get(id) ?? 0, answerAt.get(id) ?? 0);
  };
  const postAt = new Map([...questions, ...answers].map((p) => [p.Id, at(p.CreationDate)]));
  const reactions = [
    ...votes
      .filter((v) => v.UserId && users.has(v.UserId) && postAt.has(v.PostId))
      .map((v) => ({
        actor: v.UserId ?? '',
        at: Math.max(at(v.CreationDate), postAt.get(v.PostId) ?? 0),
      })),
    ...questions.flatMap((q) => {
      const when = acceptedAt(q);
      return when === undefined ? [] : [{ actor: who(q.OwnerUserId), at: when }];
    }),
  ];
  const inWindow = (t: number) => t >= to - 90 * DAY && t < to;
  const inPeriod = (t: number) => t >= from && t < to;
  const perActor = new Map<string, { n: number; weeks: Set<number> }>();
  for (const c of contributions.filter((x) => inWindow(x.at) && !isSystem(x.actor))) {
    const e = perActor.get(c.actor) ?? { n: 0, weeks: new Set<number>() };
    e.n += 1;
    // Monday-based weeks: the same partition as ISO weeks.
    e.weeks.add(Math.floor((c.at / DAY + 3) / 7));
    perActor.set(c.actor, e);
  }
  const reactors = new Set(
    reactions.filter((r) => inWindow(r.at) && !isSystem(r.actor)).map((r) => r.actor),
  );
  const members = [...users]
    .filter(([id, registeredAt]) => !isSystem(id) && registeredAt < to)
    .map(([id]) => id);
  const people = new Set([...members, ...perActor.keys(), ...reactors]);
  const circles = { core: 0, contributor: 0, reactor: 0, lurker: 0, dormant: 0 };
  for (const id of people) {
    const c = perActor.get(id);
    if (c && c.n >= 12 && c.weeks.size >= 4) circles.core++;
    else if (c) circles.contributor++;
    else if (reactors.has(id)) circles.reactor++;
    else circles.dormant++;
  }
  const firstPost = new Map<string, number>();
  for (const c of contributions)
    firstPost.set(c.actor, Math.min(c.at, firstPost.get(c.actor) ?? Infinity));
  const newcomers = [...firstPost].filter(([id, t]) => !isSystem(id) && inPeriod(t)).length;
  const interacting = new Set(
    [...contributions, ...reactions]
      .filter((x) => inPeriod(x.at) && !isSystem(x.actor))
      .map((x) => x.actor),
  ).size;
  const periodQuestions = questions.filter((q) => inPeriod(at(q.CreationDate)));
  const hours: number[] = [];
  for (const q of periodQuestions) {
    const asker = who(q.OwnerUserId);
    const start = at(q.CreationDate);
    const replies = [
      ...answers
        .filter((a) => a.ParentId === q.Id)
        .map((a) => ({ by: who(a.OwnerUserId), at: at(a.CreationDate) })),
      ...comments
        .filter((c) => c.PostId === q.Id || topicOfAnswer.get(c.PostId) === q.Id)
        .map((c) => ({ by: who(c.UserId), at: at(c.CreationDate) })),
    ].filter((r) => r.by !== asker && r.at >= start && r.at < to);
    if (replies.length) hours.push((Math.min(...replies.map((r) => r.at)) - start) / 3_600_000);
  }
  hours.sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median = hours.length % 2 ? hours[mid] : ((hours[mid - 1] ?? 0) + (hours[mid] ?? 0)) / 2;
  const accepted = periodQuestions.filter((q) => (acceptedAt(q) ?? Infinity) < to).length;
  return {
    from,
    circles,
    contributors: perActor.size,
    newcomers,
    interacting,
    topics: periodQuestions.length,
    median,
    acceptedRate: accepted / periodQuestions.length,
  };
}

async function countsIn(db: Db, communityId: number) {
  const n = (rows: { n: number | string | bigint }[]) => Number(rows[0]?.n ?? 0);
  const topics = db.selectFrom('topics').where('community_id', '=', communityId);
  const replies = db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .where('topics.community_id', '=', communityId);
  const activity = (kind: ActivityKind) =>
    db
      .selectFrom('activity_log')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('topic_id').as('t')])
      .where('community_id', '=', communityId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
  const dates = await topics
    .select((eb) => [eb.fn.min('created_at').as('min'), eb.fn.max('created_at').as('max')])
    .executeTakeFirstOrThrow();
  return {
    topics: n(await topics.select((eb) => eb.fn.countAll<number>().as('n')).execute()),
    replies: n(await replies.select((eb) => eb.fn.countAll<number>().as('n')).execute()),
    accepted: n(
      await topics
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('accepted_reply_id', 'is not', null)
        .execute(),
    ),
    members: n(
      await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('community_id', '=', communityId)
        .execute(),
    ),
    topicCreated: await activity('topic.created'),
    replyCreated: await activity('reply.created'),
    earliest: Number(dates.min),
    latest: Number(dates.max),
  };
}

/** How many activity rows of each kind the community has: what the cockpit reads. */
async function activityKindsIn(db: Db, communityId: number) {
  const rows = await db
    .selectFrom('activity_log')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return rows.map((r) => [r.kind, Number(r.n)]);
}

async function usersIn(db: Db) {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function replyIdOf(db: Db, kind: 'answer' | 'comment', sourceId: string) {
  const row = await db
    .selectFrom('import_map')
    .select('target_id')
    .where('kind', '=', kind)
    .where('source_id', '=', Number(sourceId))
    .executeTakeFirstOrThrow();
  return Number(row.target_id);
}

describe.each(databases)('Stack Exchange import of French Language Meta, %s', (kind) => {
  const expected = expectedFigures();
  let db: TestStore;
  let first: ImportSummary;

  beforeAll(async () => {
    db = await createTestStore(kind);
    first = await importStackExchange(db.store, { dir });
  });
  afterAll(() => db.drop());

  it('imports every question, answer, comment and accepted answer of the dump', async () => {
    const c = await countsIn(db.store.db, first.communityId);
    expect(c.topics).toBe(expected.questions);
    expect(c.replies).toBe(expected.answers + expected.comments);
    expect(c.accepted).toBe(expected.accepted);
    expect(c.members).toBe(expected.registeredUsers);
    expect(first.topics.imported).toBe(expected.questions);
    expect(first.replies).toEqual({ answers: expected.answers, comments: expected.comments });
    expect(first.acceptedAnswers).toBe(expected.accepted);
    expect(first.members.imported).toBe(expected.registeredUsers);
  });

  it('leaves HTML and search entries to the render queue, which makes them all', async () => {
    const posts = expected.questions + expected.answers + expected.comments;
    const indexed = async () => {
      const row = await db.store.db
        .selectFrom('search_documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('community_id', '=', first.communityId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    expect(first.waitingToRender).toBe(posts);
    expect(await indexed()).toBe(0);
    expect(await renderAllQueued(db.store)).toBe(posts);
    expect(await indexed()).toBe(posts);
    const topic = await db.store.db
      .selectFrom('topics')
      .select(['body', 'body_html'])
      .where('community_id', '=', first.communityId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(topic.body_html).toBe(renderMarkdown(topic.body));
  });

  it('creates accounts nobody can sign in to', async () => {
    const user = await db.store.db
      .selectFrom('users')
      .select(['email', 'password_hash'])
      .where('email', 'like', 'se-%@import.invalid')
      .executeTakeFirstOrThrow();
    for (const password of [user.password_hash, '', 'motdepasse1'])
      await expect(signIn(db.store, { email: user.email, password })).rejects.toMatchObject({
        code: 'bad_credentials',
      });
  });

  it('keeps the real dates of the past', async () => {
    const c = await countsIn(db.store.db, first.communityId);
    expect(c.earliest).toBe(expected.earliest);
    expect(c.latest).toBe(expected.latest);
  });

  it('makes a comment on an answer a reply to that answer', async () => {
    const comment = expected.commentOnAnswer;
    if (!comment) throw new Error('the dump has no comment on an answer');
    const replyId = await replyIdOf(db.store.db, 'comment', comment.Id ?? '');
    const answerId = await replyIdOf(db.store.db, 'answer', comment.PostId ?? '');
    const reply = await db.store.db
      .selectFrom('replies')
      .select('parent_reply_id')
      .where('id', '=', replyId)
      .executeTakeFirstOrThrow();
    expect(Number(reply.parent_reply_id)).toBe(answerId);
  });

  it('logs one topic.created per question and one reply.created per answer and comment', async () => {
    const c = await countsIn(db.store.db, first.communityId);
    expect(Number(c.topicCreated.n)).toBe(expected.questions);
    expect(Number(c.topicCreated.t)).toBe(expected.questions);
    expect(Number(c.replyCreated.n)).toBe(expected.answers + expected.comments);
    expect(Number(c.replyCreated.t)).toBe(expected.answers + expected.comments);
  });

  it('gives the cockpit figures that the XML itself gives', async () => {
    const dates = expectedFigures();
    // The year ending half-way through the site's questions: enough of them to mean something.
    const sorted = rowsOf('Posts.xml')
      .filter((p) => p.PostTypeId === '1')
      .map((p) => Date.parse(`${p.CreationDate}Z`))
      .sort((a, b) => a - b);
    const pivot = new Date(sorted[Math.floor(sorted.length * 0.5)] ?? dates.latest);
    const to = Date.UTC(pivot.getUTCFullYear(), pivot.getUTCMonth(), 1);
    const want = expectedCockpit(to);
    const community = await db.store.db
      .selectFrom('communities')
      .select('slug')
      .where('id', '=', first.communityId)
      .executeTakeFirstOrThrow();
    const { cockpit } = await reportCockpit(db.store, community.slug, { from: want.from, to });
    expect(cockpit.circles.counts).toEqual(want.circles);
    expect(cockpit.responsiveness.topics).toBe(want.topics);
    expect(cockpit.responsiveness.median_hours).toBeCloseTo(want.median ?? NaN, 6);
    expect(cockpit.responsiveness.question_accepted_rate).toBeCloseTo(want.acceptedRate, 9);
    expect(want.topics).toBeGreaterThan(20);
  });

  it('dates the community from its first post, not from its oldest account', async () => {
    const community = await db.store.db
      .selectFrom('communities')
      .select('created_at')
      .where('id', '=', first.communityId)
      .executeTakeFirstOrThrow();
    // The Community bot registered before anyone posted.
    expect(expected.oldestAccount).toBeLessThan(expected.firstPost);
    expect(Number(community.created_at)).toBe(expected.firstPost);
  });

  it('counts every registered user as a member, the silent ones dormant, and no system account', async () => {
    const system = await db.store.db
      .selectFrom('import_map')
      .select('target_id')
      .where((eb) =>
        eb.or([
          eb('kind', '=', 'deleted_user'),
          eb.and([eb('kind', '=', 'user'), eb('source_id', '=', -1)]),
        ]),
      )
      .execute();
    const systemIds = new Set(system.map((r) => Number(r.target_id)));
    // The bot owns posts and the deleted authors' account stands for gone authors: both write.
    expect(systemIds.size).toBe(2);
    const t = await startTestApp(kind, {}, db);
    try {
      const admin = await newAdmin(t);
      // The whole history (its last 90 days are quiet: nearly everyone is dormant), and a year
      // in the middle of the site's life.
      for (const [from, to] of [
        [Date.UTC(2011, 7, 17), Date.UTC(2021, 0, 1)],
        [Date.UTC(2012, 7, 1), Date.UTC(2013, 7, 1)],
      ] as const) {
        const want = expectedCockpit(to, from);
        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        const res = await admin.client.api<Cockpit>(
          'GET',
          `/communities/${first.communityId}/analytics?from=${day(from)}&to=${day(to)}`,
        );
        expect(res.status).toBe(200);
        const c = res.body;
        expect(c.circles.counts).toEqual(want.circles);
        expect(c.circles.total).toBe(Object.values(want.circles).reduce((a, b) => a + b));
        expect(c.concentration.contributors).toBe(want.contributors);
        expect(c.newcomers.count).toBe(want.newcomers);
        expect(c.ladder.interacting).toBe(want.interacting);
        // Under 10 % of the members take part, as on the real site: not the active few alone.
        expect(c.circles.participating_share).toBeLessThan(0.1);
        const named = [
          ...c.circles.core_members,
          ...c.newcomers.members,
          ...c.recently_inactive_core,
          ...c.churned_members,
        ].map((m) => m.memberId);
        expect(named.length).toBeGreaterThan(0);
        expect(named.filter((id) => systemIds.has(id))).toEqual([]);
      }
    } finally {
      await t.close();
    }
  });

  it('shows its whole past on the cockpit page, which says what an archive lacks', async () => {
    const t = await startTestApp(kind, {}, db);
    try {
      const admin = await newAdmin(t);
      const community = await db.store.db
        .selectFrom('communities')
        .select(['slug', 'created_at'])
        .where('id', '=', first.communityId)
        .executeTakeFirstOrThrow();
      // The community dates from its first post; the form links to all of it.
      const since = new Date(community.created_at).toISOString().slice(0, 10);
      const page = await admin.client.page(`/c/${community.slug}/cockpit`);
      expect(page.html).toContain(`href="/c/${community.slug}/cockpit?from=${since}"`);
      const all = await admin.client.page(`/c/${community.slug}/cockpit?from=${since}`);
      expect(all.status).toBe(200);
      // Nobody has posted for years: an archive in decline, not a community being launched.
      expect(all.html).toContain('Étape : Déclin');
      expect(all.html).toContain('Aucune contribution depuis 30 jours');
      // A dump has no visits: everyone reached interacted, and the page says why.
      expect(all.html).toContain('Un historique importé ne contient pas les visites');
      expect(page.html).not.toContain('Un historique importé ne contient pas les visites');
    } finally {
      await t.close();
    }
  });

  it('imports nothing new when run again', async () => {
    const before = await countsIn(db.store.db, first.communityId);
    const kindsBefore = await activityKindsIn(db.store.db, first.communityId);
    const usersBefore = await usersIn(db.store.db);
    const again = await importStackExchange(db.store, { dir });
    expect(again.communityId).toBe(first.communityId);
    expect(again.topics).toEqual({ imported: 0, alreadyImported: expected.questions });
    expect(again.members.imported).toBe(0);
    expect(again.members.alreadyImported).toBe(expected.registeredUsers);
    expect(again.replies).toEqual({ answers: 0, comments: 0 });
    expect(await countsIn(db.store.db, first.communityId)).toEqual(before);
    expect(await activityKindsIn(db.store.db, first.communityId)).toEqual(kindsBefore);
    expect(await usersIn(db.store.db)).toBe(usersBefore);
  });

  it('writes the same texts whether the text thread or the import itself converts them', async () => {
    const thread = new TextThread();
    const onThread = await createTestStore(kind);
    const here = await createTestStore(kind);
    try {
      expect(await thread.started).toBe(true);
      // Windows of 100 questions: the later ones are read again, their bodies sent again.
      const a = await importStackExchange(onThread.store, {
        dir,
        textThread: thread,
        windowSize: 100,
      });
      const b = await importStackExchange(here.store, { dir, textThread: null });
      // Bodies went through the thread, some maybe taken back at the end of each window.
      expect(thread.converted).toBeGreaterThan(0);
      expect(thread.converted).toBeLessThanOrEqual(expected.questions + expected.answers);
      expect(await textsIn(onThread.store.db, a.communityId)).toEqual(
        await textsIn(here.store.db, b.communityId),
      );
    } finally {
      await Promise.all([thread.stop(), onThread.drop(), here.drop()]);
    }
  });

  it('writes the same community whatever the size of its batches', async () => {
    const other = await createTestStore(kind);
    try {
      const small = await importStackExchange(other.store, { dir, batchSize: 37 });
      expect(small.topics.imported).toBe(expected.questions);
      expect(small.reactions).toBe(first.reactions);
      expect(await countsIn(other.store.db, small.communityId)).toEqual(
        await countsIn(db.store.db, first.communityId),
      );
      expect(await activityKindsIn(other.store.db, small.communityId)).toEqual(
        await activityKindsIn(db.store.db, first.communityId),
      );
      expect(await textsIn(other.store.db, small.communityId)).toEqual(
        await textsIn(db.store.db, first.communityId),
      );
    } finally {
      await other.drop();
    }
  });

  it('resumes after a crash without writing anything twice', async () => {
    const other = await createTestStore(kind);
    try {
      const crash = importStackExchange(other.store, {
        dir,
        batchSize: 100,
        windowSize: 150,
        afterBatch: (written) => {
          if (written >= 100) throw new Error('simulated crash');
        },
      });
      await expect(crash).rejects.toThrow('simulated crash');
      const resumed = await importStackExchange(other.store, {
        dir,
        batchSize: 100,
        windowSize: 150,
      });
      expect(resumed.topics).toEqual({ imported: expected.questions - 100, alreadyImported: 100 });
      const c = await countsIn(other.store.db, resumed.communityId);
      expect(c.topics).toBe(expected.questions);
      expect(c.replies).toBe(expected.answers + expected.comments);
      expect(c.members).toBe(expected.registeredUsers);
      // Windows read again after the first pass, and resumed, give the texts of a single pass.
      expect(await textsIn(other.store.db, resumed.communityId)).toEqual(
        await textsIn(db.store.db, first.communityId),
      );
    } finally {
      await other.drop();
    }
  });
});
