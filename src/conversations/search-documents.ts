import type { SearchDocument } from '../search/index.js';

/** What search keeps of a topic beside the words: where it lives, its title, its filters. */
interface TopicFacts {
  community_id: number;
  group_id: number | null;
  title: string;
  kind: string;
  accepted_reply_id: number | null;
}

function placeOf(topic: TopicFacts, topicId: number, createdAt: number) {
  return {
    topicId,
    communityId: topic.community_id,
    groupId: topic.group_id,
    title: topic.title,
    createdAt,
    topicKind: topic.kind,
    isSolved: topic.kind === 'question' && topic.accepted_reply_id !== null,
  };
}

/** A topic's own entry in search; `text` is its body as plain text. */
export function topicDocument(
  topic: TopicFacts & { id: number; created_at: number },
  text: string,
): SearchDocument {
  return {
    docKind: 'topic',
    docId: topic.id,
    body: text,
    ...placeOf(topic, topic.id, topic.created_at),
  };
}

/** A reply's entry in search, under its topic's place and title. */
export function replyDocument(
  reply: TopicFacts & { id: number; topic_id: number; created_at: number },
  text: string,
): SearchDocument {
  return {
    docKind: 'reply',
    docId: reply.id,
    body: text,
    ...placeOf(reply, reply.topic_id, reply.created_at),
  };
}
