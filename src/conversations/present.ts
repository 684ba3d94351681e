import { presentAuthor } from '../accounts/index.js';
import type { PostVoice } from '../teams/index.js';
import type * as store from './store.js';

const iso = (ms: number) => new Date(ms).toISOString();

type ReactionRow = { target_kind: string; target_id: number; kind: string; mine: boolean };

/** Counts per reaction kind for one post, and the kinds the viewer gave. */
export function reactionSummary(
  rows: ReactionRow[],
  targetKind: 'topic' | 'reply',
  targetId: number,
) {
  const counts: Record<string, number> = {};
  const mine: string[] = [];
  for (const r of rows) {
    if (r.target_kind !== targetKind || r.target_id !== targetId) continue;
    counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    if (r.mine) mine.push(r.kind);
  }
  return { counts, mine };
}

export function presentTopicSummary(t: Awaited<ReturnType<typeof store.listTopics>>[number]) {
  return {
    id: t.id,
    communityId: t.community_id,
    groupId: t.group_id,
    kind: t.kind,
    title: t.title,
    replyCount: t.reply_count,
    isAnswered: t.accepted_reply_id !== null,
    author: presentAuthor({
      handle: t.author_handle,
      displayName: t.author_name,
      deletedAt: t.author_deleted_at,
    }),
    createdAt: iso(t.created_at),
    lastActivityAt: iso(t.last_activity_at),
  };
}

/** A team's post: the team (name, initials avatar) and the animator's signature, never who. */
function presentVoice(voice: PostVoice | undefined) {
  return voice ? { team: voice.team, initials: voice.initials, signature: voice.signature } : null;
}

export function presentTopic(
  t: store.TopicRow,
  author: { handle: string; displayName: string; deletedAt: number | null } | undefined,
  reactions: ReactionRow[],
  voice?: PostVoice,
) {
  return {
    id: t.id,
    communityId: t.community_id,
    groupId: t.group_id,
    kind: t.kind,
    title: t.title,
    body: t.body,
    bodyHtml: t.body_html,
    acceptedReplyId: t.accepted_reply_id,
    replyCount: t.reply_count,
    author: author ? presentAuthor(author) : null,
    teamVoice: presentVoice(voice),
    reactions: reactionSummary(reactions, 'topic', t.id),
    createdAt: iso(t.created_at),
    updatedAt: iso(t.updated_at),
  };
}

export function presentReply(
  r: Awaited<ReturnType<typeof store.listReplies>>[number],
  reactions: ReactionRow[],
  voice?: PostVoice,
) {
  return {
    id: r.id,
    topicId: r.topic_id,
    parentReplyId: r.parent_reply_id,
    body: r.body,
    bodyHtml: r.body_html,
    author: presentAuthor({
      handle: r.author_handle,
      displayName: r.author_name,
      deletedAt: r.author_deleted_at,
    }),
    teamVoice: presentVoice(voice),
    reactions: reactionSummary(reactions, 'reply', r.id),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    /** Hidden from others pending review (only its author and the staff get it). */
    awaitingReview: r.hidden_at !== null,
  };
}
