import { join } from 'node:path';
import { BodyTexts, type TextThread } from '../body-texts.js';
import { detached, readRows, type XmlRow } from '../read-xml.js';
import { ANSWER, QUESTION, dateOf } from './attrs.js';
import type { DumpIndex } from './scan.js';

export interface SourcePost {
  id: number;
  ownerId: number | null;
  createdAt: number;
  /** Plain, Markdown-ish text converted from the post's HTML. */
  body: string;
}

export interface SourceComment {
  id: number;
  postId: number;
  userId: number | null;
  createdAt: number;
  text: string;
  score: number;
}

/** The texts of a window of questions: each question with its answers and comments. */
export interface PostWindow {
  questions: Map<number, SourcePost & { title: string }>;
  /** Question id → its answers. */
  answers: Map<number, SourcePost[]>;
  /** Question id → the comments on it and on its answers. */
  comments: Map<number, SourceComment[]>;
  /** Converts the bodies: they are all there once `texts.done()` resolves. */
  texts: BodyTexts;
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An empty window, filled by addPost and addComment. */
export function newWindow(thread: TextThread | null): PostWindow {
  return {
    questions: new Map(),
    answers: new Map(),
    comments: new Map(),
    texts: new BodyTexts(thread),
  };
}

/** Lets a window's texts go (the maps are emptied: whoever holds the window sees it empty). */
export function clearWindow(window: PostWindow): void {
  window.questions.clear();
  window.answers.clear();
  window.comments.clear();
}

/**
 * Adds a row of Posts.xml (a question, or an answer to `questionId`); its body is converted by
 * the window's `texts`.
 */
export function addPost(window: PostWindow, row: XmlRow, id: number, questionId: number): void {
  const type = row.int('PostTypeId');
  if (type !== QUESTION && type !== ANSWER) return;
  const post: SourcePost = {
    id,
    ownerId: row.int('OwnerUserId'),
    createdAt: dateOf(row),
    body: '',
  };
  // The body may come later, from the text thread: it fills in this very object, which a
  // question keeps (titled), not a copy.
  window.texts.convert(row.raw('Body') ?? '', (text) => (post.body = text));
  if (type === QUESTION) {
    const title = detached(row.get('Title')?.trim() || `Question ${id}`);
    window.questions.set(id, Object.assign(post, { title }));
  } else push(window.answers, questionId, post);
}

/** Adds a row of Comments.xml, on `questionId` or one of its answers. */
export function addComment(window: PostWindow, row: XmlRow, questionId: number): void {
  push(window.comments, questionId, {
    id: row.int('Id') ?? 0,
    postId: row.int('PostId') ?? 0,
    userId: row.int('UserId'),
    createdAt: dateOf(row),
    // Comments are already a small Markdown dialect, not HTML.
    text: detached((row.get('Text') ?? '').trim()),
    score: row.int('Score') ?? 0,
  });
}

/**
 * Streams Posts.xml and Comments.xml again, keeping the texts of the given questions only:
 * memory stays bounded by the window, whatever the size of the dump.
 */
export async function readWindow(
  dir: string,
  index: DumpIndex,
  questionIds: Set<number>,
  thread: TextThread | null,
): Promise<PostWindow> {
  const window = newWindow(thread);
  await readRows(join(dir, 'Posts.xml'), (row) => {
    const id = row.int('Id');
    if (id === null) return;
    const questionId = row.int('PostTypeId') === QUESTION ? id : index.answerParent.get(id);
    if (questionId !== undefined && questionIds.has(questionId))
      addPost(window, row, id, questionId);
  });
  await readRows(join(dir, 'Comments.xml'), (row) => {
    const postId = row.int('PostId');
    if (postId === null) return;
    const questionId = index.questions.has(postId) ? postId : index.answerParent.get(postId);
    if (questionId !== undefined && questionIds.has(questionId))
      addComment(window, row, questionId);
  });
  await window.texts.done();
  return window;
}
