import { join } from 'node:path';
import type { TextThread } from '../body-texts.js';
import { readRows } from '../read-xml.js';
import { addComment, addPost, newWindow, type PostWindow } from './posts.js';
import { ACCEPT_VOTE, ANSWER, DOWN_VOTE, QUESTION, UP_VOTE, dateOf } from './attrs.js';

/**
 * What the first pass learns from a dump: relations and counts, and the texts of the first
 * window of questions only (so that a dump of one window is read once).
 */
export interface DumpIndex {
  /** Question id → its accepted answer id, if any. */
  questions: Map<number, number | null>;
  /** Answer id → its question id. */
  answerParent: Map<number, number>;
  /** Post id → up minus down votes. */
  scores: Map<number, number>;
  /** Answer id → when its question's author accepted it. */
  acceptedAt: Map<number, number>;
  /** Post id → named votes (favourites, bounties) as flat [userId, time, userId, time…]. */
  namedVotes: Map<number, number[]>;
  /** Who wrote a question, an answer or a comment (source ids, maybe unknown to Users.xml). */
  authorIds: Set<number>;
  voterIds: Set<number>;
  /** Some post or comment has no author at all (a deleted account). */
  hasAnonymousContent: boolean;
  /** When the first question, answer or comment imported was written: the community's start. */
  earliest: number;
  /** The first `windowSize` questions with their answers and comments, texts included. */
  firstWindow: PostWindow;
  counts: {
    questions: number;
    answers: number;
    comments: number;
    skippedPosts: number;
    skippedComments: number;
  };
}

/**
 * Reads Posts.xml, Comments.xml and Votes.xml once each, keeping numbers, and the texts of the
 * first `windowSize` questions.
 */
export async function scanDump(
  dir: string,
  windowSize: number,
  thread: TextThread | null,
  onBytes: (n: number) => void,
): Promise<DumpIndex> {
  const index: DumpIndex = {
    questions: new Map(),
    answerParent: new Map(),
    scores: new Map(),
    acceptedAt: new Map(),
    namedVotes: new Map(),
    authorIds: new Set(),
    voterIds: new Set(),
    hasAnonymousContent: false,
    earliest: Infinity,
    firstWindow: newWindow(thread),
    counts: { questions: 0, answers: 0, comments: 0, skippedPosts: 0, skippedComments: 0 },
  };
  let done = 0;
  const progress = (bytes: number) => onBytes(done + bytes);
  const noteAuthor = (id: number | null) => {
    if (id === null) index.hasAnonymousContent = true;
    else index.authorIds.add(id);
  };

  done += await scanFile(join(dir, 'Posts.xml'), progress, (row) => {
    const id = row.int('Id');
    const type = row.int('PostTypeId');
    const parent = row.int('ParentId');
    if (id !== null && type === QUESTION) {
      index.questions.set(id, row.int('AcceptedAnswerId'));
      if (index.counts.questions++ < windowSize) addPost(index.firstWindow, row, id, id);
      // Posts.xml is in id order and an answer always comes after its question.
    } else if (id !== null && type === ANSWER && parent !== null && index.questions.has(parent)) {
      index.answerParent.set(id, parent);
      index.counts.answers++;
      if (index.firstWindow.questions.has(parent)) addPost(index.firstWindow, row, id, parent);
    } else {
      index.counts.skippedPosts++;
      return;
    }
    index.earliest = Math.min(index.earliest, dateOf(row));
    noteAuthor(row.int('OwnerUserId'));
  });

  const isImported = (postId: number | null): postId is number =>
    postId !== null && (index.questions.has(postId) || index.answerParent.has(postId));

  done += await scanFile(join(dir, 'Comments.xml'), progress, (row) => {
    const postId = row.int('PostId');
    if (!isImported(postId)) {
      index.counts.skippedComments++;
      return;
    }
    index.counts.comments++;
    index.earliest = Math.min(index.earliest, dateOf(row));
    const questionId = index.answerParent.get(postId) ?? postId;
    if (index.firstWindow.questions.has(questionId)) addComment(index.firstWindow, row, questionId);
    noteAuthor(row.int('UserId'));
  });

  await scanFile(join(dir, 'Votes.xml'), progress, (row) => {
    const postId = row.int('PostId');
    if (!isImported(postId)) return;
    const type = row.int('VoteTypeId');
    if (type === UP_VOTE || type === DOWN_VOTE) {
      index.scores.set(postId, (index.scores.get(postId) ?? 0) + (type === UP_VOTE ? 1 : -1));
    } else if (type === ACCEPT_VOTE) index.acceptedAt.set(postId, dateOf(row));
    const userId = row.int('UserId');
    if (userId === null) return;
    index.voterIds.add(userId);
    const list = index.namedVotes.get(postId);
    if (list) list.push(userId, dateOf(row));
    else index.namedVotes.set(postId, [userId, dateOf(row)]);
  });
  return index;
}

async function scanFile(
  path: string,
  onBytes: (n: number) => void,
  onRow: Parameters<typeof readRows>[1],
): Promise<number> {
  let size = 0;
  await readRows(path, onRow, (n) => {
    size = n;
    onBytes(n);
  });
  return size;
}
