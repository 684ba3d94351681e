import { userPath } from '../accounts/index.js';
import { replyPath, topicPath } from '../conversations/index.js';
import type { QueueEntry } from './service.js';

const iso = (at: number) => new Date(at).toISOString();
const person = (p: { handle: string; displayName: string }) => ({
  handle: p.handle,
  displayName: p.displayName,
  href: userPath(p.handle),
});

/** Where a newcomer's first post is read. */
export function firstPostHref(slug: string, post: NonNullable<QueueEntry['firstPost']>): string {
  return post.kind === 'topic' ? topicPath(slug, post.id) : replyPath(slug, post.topicId, post.id);
}

/** A newcomer of the welcome queue as the API gives it. */
export function presentNewcomer(slug: string, e: QueueEntry) {
  return {
    member: { ...person(e.member), id: e.member.id, locale: e.member.locale },
    joinedAt: iso(e.joinedAt),
    interests: e.interests,
    posted: e.firstPost !== undefined,
    firstPost: e.firstPost
      ? {
          kind: e.firstPost.kind,
          id: e.firstPost.id,
          href: firstPostHref(slug, e.firstPost),
          at: iso(e.firstPost.at),
        }
      : null,
    answered: e.answer ? { by: person(e.answer.by), at: iso(e.answer.at) } : null,
    welcomed: e.welcome ? { by: person(e.welcome.by), at: iso(e.welcome.at) } : null,
    buddy: e.buddy ? person(e.buddy) : null,
  };
}
