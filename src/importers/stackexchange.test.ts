import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, databases, type TestStore } from '../../test/harness.js';
import type { Db } from '../db/index.js';
import { importStackExchange, type ImportSummary } from './index.js';

const dir = fileURLToPath(
  new URL('../../../shared/data/french.meta.stackexchange.com/', import.meta.url),
);

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
  const votes = rowsOf('Votes.xml').filter((v) => imported(v.PostId) && v.UserId);
  const known = new Set(rowsOf('Users.xml').map((u) => u.Id));
  const active = new Set(
    [
      ...[...questions, ...answers].map((p) => p.OwnerUserId),
      ...comments.map((c) => c.UserId),
      ...votes.map((v) => v.UserId),
    ].filter((id): id is string => id !== undefined && id !== '-1' && known.has(id)),
  );
  const dates = questions.map((q) => Date.parse(`${q.CreationDate}Z`));
  return {
    questions: questions.length,
    answers: answers.length,
    comments: comments.length,
    accepted: questions.filter((q) => answerIds.has(q.AcceptedAnswerId ?? '')).length,
    activeUsers: active.size,
    earliest: Math.min(...dates),
    latest: Math.max(...dates),
    commentOnAnswer: comments.find((c) => answerIds.has(c.PostId ?? '')),
  };
}

async function countsIn(db: Db, communityId: number) {
  const n = (rows: { n: number | string | bigint }[]) => Number(rows[0]?.n ?? 0);
  const topics = db.selectFrom('topics').where('community_id', '=', communityId);
  const replies = db
    .selectFrom('replies')
    .innerJoin('topics', 'topics.id', 'replies.topic_id')
    .where('topics.community_id', '=', communityId);
  const activity = (kind: string) =>
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
    expect(c.members).toBe(expected.activeUsers);
    expect(first.topics.imported).toBe(expected.questions);
    expect(first.replies).toEqual({ answers: expected.answers, comments: expected.comments });
    expect(first.acceptedAnswers).toBe(expected.accepted);
    expect(first.members.imported).toBe(expected.activeUsers);
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

  it('imports nothing new when run again', async () => {
    const before = await countsIn(db.store.db, first.communityId);
    const again = await importStackExchange(db.store, { dir });
    expect(again.communityId).toBe(first.communityId);
    expect(again.topics).toEqual({ imported: 0, alreadyImported: expected.questions });
    expect(again.members.imported).toBe(0);
    expect(again.members.alreadyImported).toBe(expected.activeUsers);
    expect(again.replies).toEqual({ answers: 0, comments: 0 });
    expect(await countsIn(db.store.db, first.communityId)).toEqual(before);
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
      expect(c.members).toBe(expected.activeUsers);
    } finally {
      await other.drop();
    }
  });
});
