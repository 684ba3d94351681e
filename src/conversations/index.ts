/** Conversations: topics (discussions, questions), replies, accepted answers, reactions, search. */
export { registerConversationsApi } from './routes-api.js';
export { registerConversationsPages, type GroupExtra, type HomeExtra } from './routes-pages.js';
export { createTopic, type TopicPublication } from './service.js';
export type { TopicInput } from './schemas.js';
export { conversationsMessages } from './messages.js';
export { importTopic, importTopics, type ImportedIds, type ImportedTopic } from './imports.js';
export { countQueued, renderAllQueued, renderQueued } from './render-queue.js';

export { postExcerpts, replyAddresses, topicTitles, type PostLink } from './titles.js';
export { eraseAuthorPosts, postsForExport, renameMentions } from './member-data.js';
export {
  canAcceptAnswer,
  canChangePost,
  canPostIn,
  canReact,
  canReadReply,
  canReadRevisions,
  canReadTopic,
  canReply,
} from './policy.js';
export {
  filterReadable,
  filterReadableForMany,
  filterReaders,
  type Readable,
  type ReadableIds,
  type ReadableItem,
} from './readable.js';
export { replyAnchor, replyBoxPath, replyPath, topicPath } from './paths.js';
export { postFacts, type PostFacts, type ReplyFacts, type TopicFacts } from './post-facts.js';
export {
  postCountsIn,
  postsUnderReview,
  setPostHidden,
  type PostUnderReview,
} from './moderation-facts.js';
