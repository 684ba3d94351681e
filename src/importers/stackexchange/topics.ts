import type { ImportedTopic } from '../../conversations/index.js';
import type { MapKind } from '../store.js';
import type { SourceComment, SourcePost } from './posts.js';
import type { DumpIndex } from './scan.js';

export interface TopicContext {
  index: DumpIndex;
  communityId: number;
  /** Source user id → Ruche user id. */
  userIds: Map<number, number>;
  /** Who stands for authors whose account is gone. */
  deletedUserId: number | null;
}

/** A topic ready for importTopic, and which source post each of its replies was. */
export interface BuiltTopic {
  topic: ImportedTopic;
  sources: { kind: MapKind; id: number }[];
}

type Item =
  | { kind: 'answer'; post: SourcePost; order: number }
  | { kind: 'comment'; comment: SourceComment; order: number };

/**
 * One question with its answers and comments, in time order. A comment on an answer becomes
 * a reply to that answer's reply, so it is ordered after it even if its clock says otherwise.
 */
export function buildTopic(
  q: SourcePost & { title: string },
  answers: SourcePost[],
  comments: SourceComment[],
  ctx: TopicContext,
): BuiltTopic {
  const author = (id: number | null) => {
    const known = id === null ? undefined : ctx.userIds.get(id);
    const found = known ?? ctx.deletedUserId;
    if (found === null) throw new Error(`No account for Stack Exchange user ${id ?? '(none)'}`);
    return found;
  };
  const answerAt = new Map(answers.map((a) => [a.id, a.createdAt]));
  const items: Item[] = [
    ...answers.map((post): Item => ({ kind: 'answer', post, order: post.createdAt })),
    ...comments.map((comment): Item => ({
      kind: 'comment',
      comment,
      order: Math.max(comment.createdAt, answerAt.get(comment.postId) ?? 0),
    })),
  ];
  items.sort(
    (a, b) =>
      a.order - b.order || (a.kind === b.kind ? idOf(a) - idOf(b) : a.kind === 'answer' ? -1 : 1),
  );
  const indexOfAnswer = new Map<number, number>();
  const replies: ImportedTopic['replies'] = [];
  const sources: BuiltTopic['sources'] = [{ kind: 'question', id: q.id }];
  for (const item of items) {
    if (item.kind === 'answer') {
      indexOfAnswer.set(item.post.id, replies.length);
      replies.push({
        authorId: author(item.post.ownerId),
        body: item.post.body,
        createdAt: item.post.createdAt,
        parentIndex: null,
        score: ctx.index.scores.get(item.post.id) ?? 0,
      });
      sources.push({ kind: 'answer', id: item.post.id });
    } else {
      const c = item.comment;
      replies.push({
        authorId: author(c.userId),
        body: c.text,
        createdAt: c.createdAt,
        parentIndex: indexOfAnswer.get(c.postId) ?? null,
        score: c.score,
      });
      sources.push({ kind: 'comment', id: c.id });
    }
  }
  const askerId = author(q.ownerId);
  const acceptedId = ctx.index.questions.get(q.id) ?? null;
  const acceptedIndex = acceptedId === null ? undefined : indexOfAnswer.get(acceptedId);
  // Vote dates are whole days: never let the accept come before the answer itself.
  const acceptedAt =
    acceptedId === null || acceptedIndex === undefined
      ? null
      : Math.max(ctx.index.acceptedAt.get(acceptedId) ?? 0, answerAt.get(acceptedId) ?? 0);
  return {
    topic: {
      communityId: ctx.communityId,
      groupId: null,
      authorId: askerId,
      kind: 'question',
      title: q.title,
      body: q.body,
      createdAt: q.createdAt,
      score: ctx.index.scores.get(q.id) ?? 0,
      replies,
      acceptedReplyIndex: acceptedIndex ?? null,
      acceptedBy: acceptedIndex === undefined ? null : askerId,
      acceptedAt,
      reactions: reactionsOf(q, answers, indexOfAnswer, ctx),
    },
    sources,
  };
}

function idOf(item: Item): number {
  return item.kind === 'answer' ? item.post.id : item.comment.id;
}

/** Named votes (favourites, bounties) become one 'like' per member and post. */
function reactionsOf(
  q: SourcePost,
  answers: SourcePost[],
  indexOfAnswer: Map<number, number>,
  ctx: TopicContext,
): ImportedTopic['reactions'] {
  const reactions: ImportedTopic['reactions'] = [];
  for (const post of [q, ...answers]) {
    const votes = ctx.index.namedVotes.get(post.id) ?? [];
    const target = post === q ? ('topic' as const) : (indexOfAnswer.get(post.id) ?? 'topic');
    const seen = new Set<number>();
    for (let i = 0; i + 1 < votes.length; i += 2) {
      const userId = ctx.userIds.get(votes[i] ?? NaN);
      if (userId === undefined || seen.has(userId)) continue;
      seen.add(userId);
      const createdAt = Math.max(votes[i + 1] ?? 0, post.createdAt);
      reactions.push({ userId, kind: 'like', target, createdAt });
    }
  }
  return reactions;
}
