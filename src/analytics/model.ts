import type { LogRow } from './store.js';

export interface TopicFact {
  id: number;
  author: number;
  kind: string;
  group: number | null;
  at: number;
}

export interface ReplyFact {
  id: number;
  topic: number;
  author: number;
  inReplyTo: number | null;
  group: number | null;
  at: number;
}

export interface Contribution {
  actor: number;
  at: number;
  group: number | null;
  /** The first-post target: a topic id or a reply id. */
  topicId: number | null;
  replyId: number | null;
}

/**
 * The log folded into facts: live topics and replies (deleted ones dropped), contributions,
 * reactions, visits, commitments, memberships and accepted answers.
 */
export interface CommunityModel {
  rows: LogRow[];
  staff: Set<number>;
  topics: Map<number, TopicFact>;
  replies: ReplyFact[];
  repliesById: Map<number, ReplyFact>;
  contributions: Contribution[];
  reactions: {
    actor: number;
    at: number;
    group: number | null;
    inReplyTo: number | null;
    topic: number | null;
  }[];
  visits: { actor: number; at: number; group: number | null }[];
  commitments: { actor: number; at: number }[];
  accepted: Map<number, number>;
  /** First join time of everyone who was a member at some point, and who is a member at the end. */
  joinedAt: Map<number, number>;
  isMemberAtEnd: Set<number>;
}

export function buildModel(rows: LogRow[], staff: Set<number>): CommunityModel {
  const deletedTopics = new Set<number>();
  const deletedReplies = new Set<number>();
  for (const r of rows) {
    if (r.kind === 'topic.deleted' && r.target !== null) deletedTopics.add(r.target);
    if (r.kind === 'reply.deleted' && r.target !== null) deletedReplies.add(r.target);
  }
  const m: CommunityModel = {
    rows,
    staff,
    topics: new Map(),
    replies: [],
    repliesById: new Map(),
    contributions: [],
    reactions: [],
    visits: [],
    commitments: [],
    accepted: new Map(),
    joinedAt: new Map(),
    isMemberAtEnd: new Set(),
  };
  for (const r of rows) {
    const actor = r.actor;
    if (actor === null) continue;
    switch (r.kind) {
      case 'topic.created':
        if (r.target === null || deletedTopics.has(r.target)) break;
        m.topics.set(r.target, {
          id: r.target,
          author: actor,
          kind: r.detail ?? 'discussion',
          group: r.group,
          at: r.at,
        });
        m.contributions.push({ actor, at: r.at, group: r.group, topicId: r.target, replyId: null });
        break;
      case 'reply.created':
        if (
          r.target === null ||
          r.topic === null ||
          deletedReplies.has(r.target) ||
          deletedTopics.has(r.topic)
        )
          break;
        {
          const reply = {
            id: r.target,
            topic: r.topic,
            author: actor,
            inReplyTo: r.inReplyTo,
            group: r.group,
            at: r.at,
          };
          m.replies.push(reply);
          m.repliesById.set(reply.id, reply);
        }
        m.contributions.push({ actor, at: r.at, group: r.group, topicId: null, replyId: r.target });
        break;
      case 'group.created':
        m.contributions.push({ actor, at: r.at, group: r.group, topicId: null, replyId: null });
        m.commitments.push({ actor, at: r.at });
        break;
      case 'reaction.added':
      case 'answer.accepted':
        m.reactions.push({
          actor,
          at: r.at,
          group: r.group,
          inReplyTo: r.inReplyTo ?? (r.kind === 'answer.accepted' ? r.target : null),
          topic: r.topic,
        });
        if (r.kind === 'answer.accepted' && r.topic !== null && r.target !== null)
          m.accepted.set(r.topic, r.target);
        break;
      case 'answer.unaccepted':
        if (r.topic !== null) m.accepted.delete(r.topic);
        break;
      case 'content.viewed':
        m.visits.push({ actor, at: r.at, group: r.group });
        break;
      case 'community.joined':
        if (!m.joinedAt.has(actor)) m.joinedAt.set(actor, r.at);
        m.isMemberAtEnd.add(actor);
        break;
      case 'community.left':
        m.isMemberAtEnd.delete(actor);
        break;
      default:
        break;
    }
  }
  return m;
}
