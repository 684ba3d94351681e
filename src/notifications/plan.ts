import type { ActivityKind, LogRow } from '../activity/index.js';
import type { PostFacts, TopicFacts } from '../conversations/index.js';
import type { NotificationKind } from './kinds.js';
import type { MessageRecipients } from './message-recipients.js';
import type { Space } from './readable.js';
import type { Watches } from './watches.js';

/** A notification one log row asks for, before the checks (self, mute, preferences, access). */
export interface Draft {
  userId: number;
  /** What it is about, one row per member and subject: "post:reply:12", "thanks:topic:3"… */
  subject: string;
  kind: NotificationKind;
  /** Who did it; null when nobody is named (a request approved). */
  actorId: number | null;
  at: number;
  communityId: number | null;
  groupId: number | null;
  topicId: number | null;
  replyId: number | null;
  conversationId: number | null;
  /** Where it lives, for who may read it; null for a private message (its recipients may). */
  space: Space | null;
}

/** What one log row does to notifications, applied in the log's order. */
export type Intent =
  | { type: 'notify'; draft: Draft }
  /** A "Merci" taken back: its giver leaves the grouped notification. */
  | { type: 'unthank'; userId: number; subject: string; actorId: number }
  /** A notification that no longer holds (an acceptance withdrawn). */
  | { type: 'forget'; userId: number; subject: string }
  /** A deleted topic or reply takes its notifications with it. */
  | { type: 'drop'; about: { topicId: number } | { replyId: number } }
  /** A member who left a community, a group or a private conversation loses its notifications. */
  | { type: 'leave'; userId: number; space: LeftPlace };

/** Where a member left from: their notifications there go with them. */
export type LeftPlace = { communityId: number } | { groupId: number } | { conversationId: number };

/** What a batch's rows refer to, loaded once for the batch. */
export interface BatchFacts {
  posts: PostFacts;
  watches: Watches;
  messages: Map<number, MessageRecipients>;
  /** The active members of the communities of the batch's community-wide announcements. */
  communityMembers: Map<number, number[]>;
}

/** Kinds whose one row per subject names everyone who did it ("Julie et 3 autres personnes"). */
export const groupedKinds: ReadonlySet<NotificationKind> = new Set(['thanks', 'message']);

/** The log's kind as the union of activity kinds (the column reads as text). */
function kindOf(row: { kind: string }): ActivityKind {
  return row.kind as ActivityKind;
}

export function postSubject(topicId: number, replyId: number | null): string {
  return replyId === null ? `post:topic:${topicId}` : `post:reply:${replyId}`;
}

/** The ids a batch's rows refer to, to load their facts in a few queries. */
export function referencesOf(rows: LogRow[]) {
  const topicIds = new Set<number>();
  const replyIds = new Set<number>();
  const messageIds = new Set<number>();
  for (const row of rows) {
    if (row.topic_id !== null) topicIds.add(row.topic_id);
    if (row.in_reply_to !== null) replyIds.add(row.in_reply_to);
    if (row.target_id === null) continue;
    if (row.target_kind === 'reply') replyIds.add(row.target_id);
    if (row.target_kind === 'topic') topicIds.add(row.target_id);
    if (row.kind === 'message.sent') messageIds.add(row.target_id);
  }
  return { topicIds, replyIds, messageIds };
}

/** A post notification's place: its topic's community and group, and the post itself. */
function aboutPost(t: TopicFacts, replyId: number | null) {
  return {
    communityId: t.communityId,
    groupId: t.groupId,
    topicId: t.id,
    replyId,
    conversationId: null,
    space: { kind: 'content' as const, communityId: t.communityId, groupId: t.groupId },
  };
}

/** A notification about a community itself (a badge earned there, a spotlight proposed). */
function aboutCommunity(communityId: number) {
  return {
    communityId,
    groupId: null,
    topicId: null,
    replyId: null,
    conversationId: null,
    space: { kind: 'content' as const, communityId, groupId: null },
  };
}

/** One notification per member, community and badge: "badge:3:first-reply". */
export function badgeSubject(communityId: number, badgeId: string): string {
  return `badge:${communityId}:${badgeId}`;
}

/** One introduction per newcomer and community: a new buddy replaces the former one's. */
export function buddySubject(communityId: number, newcomerId: number): string {
  return `buddy:${communityId}:${newcomerId}`;
}

export function spotlightSubject(spotlightId: number): string {
  return `spotlight:${spotlightId}`;
}

/** A private message: one grouped notification per conversation for each recipient. */
function planMessage(row: LogRow, facts: BatchFacts, isFresh: boolean): Intent[] {
  const actor = row.actor_id;
  const sent = row.target_id === null ? undefined : facts.messages.get(row.target_id);
  if (!isFresh || !sent || actor === null) return [];
  return sent.recipientIds.map((userId) => ({
    type: 'notify',
    draft: {
      userId,
      subject: `message:${sent.conversationId}`,
      kind: 'message',
      actorId: actor,
      at: row.created_at,
      communityId: null,
      groupId: null,
      topicId: null,
      replyId: null,
      conversationId: sent.conversationId,
      space: null,
    },
  }));
}

/**
 * What `row` asks of notifications. Old rows (an import's history, a backlog older than the
 * freshness window) notify nobody, but still remove what they undo.
 */
export function planRow(row: LogRow, facts: BatchFacts, isFresh: boolean): Intent[] {
  const actor = row.actor_id;
  const at = row.created_at;
  const { topics, replies } = facts.posts;
  const notify = (draft: Omit<Draft, 'at'>): Intent => ({
    type: 'notify',
    draft: { ...draft, at },
  });
  // Mentions, replies, thanks and acceptances of a topic someone muted reach them no more.
  const isMuted = (userId: number, t: TopicFacts) =>
    facts.watches.levelOf(userId, t.id, t.groupId) === 'muted';

  // Typed as the activity kinds: a kind added later must be decided on here.
  const kind = kindOf(row);
  switch (kind) {
    case 'message.sent':
      return planMessage(row, facts, isFresh);
    case 'topic.created': {
      const t = topics.get(row.target_id ?? -1);
      if (!isFresh || !t || actor === null) return [];
      const intents = facts.watches.watchersOf(t.id, t.groupId).map((userId) =>
        notify({
          userId,
          subject: postSubject(t.id, null),
          kind: 'watched_topic',
          actorId: actor,
          ...aboutPost(t, null),
        }),
      );
      // A community-wide announcement goes to its members: there is no watching a whole
      // community; a group's goes to the group's watchers, as any new topic there.
      if (t.kind === 'announcement' && t.groupId === null)
        for (const userId of facts.communityMembers.get(t.communityId) ?? [])
          if (!isMuted(userId, t))
            intents.push(
              notify({
                userId,
                subject: postSubject(t.id, null),
                kind: 'announcement',
                actorId: actor,
                ...aboutPost(t, null),
              }),
            );
      facts.watches.watchByDefault(actor, t.id, at);
      return intents;
    }
    case 'reply.created': {
      const t = topics.get(row.topic_id ?? -1);
      const replyId = row.target_id;
      if (!isFresh || !t || replyId === null || actor === null) return [];
      const parent = row.in_reply_to === null ? undefined : replies.get(row.in_reply_to);
      const parentAuthor = row.in_reply_to === null ? t.authorId : parent?.authorId;
      const subject = postSubject(t.id, replyId);
      const intents: Intent[] = [];
      if (parentAuthor !== undefined && !isMuted(parentAuthor, t))
        intents.push(
          notify({
            userId: parentAuthor,
            subject,
            kind: row.in_reply_to === null ? 'topic_reply' : 'reply_reply',
            actorId: actor,
            ...aboutPost(t, replyId),
          }),
        );
      for (const userId of facts.watches.watchersOf(t.id, t.groupId))
        intents.push(
          notify({
            userId,
            subject,
            kind: 'watched_reply',
            actorId: actor,
            ...aboutPost(t, replyId),
          }),
        );
      facts.watches.watchByDefault(actor, t.id, at);
      return intents;
    }
    case 'member.mentioned': {
      const t = topics.get(row.topic_id ?? -1);
      const userId = row.target_id;
      if (!isFresh || !t || userId === null || isMuted(userId, t)) return [];
      return [
        notify({
          userId,
          subject: postSubject(t.id, row.in_reply_to),
          kind: 'mention',
          actorId: actor,
          ...aboutPost(t, row.in_reply_to),
        }),
      ];
    }
    case 'reaction.added':
    case 'reaction.removed': {
      if (row.detail !== 'merci' || actor === null || row.target_id === null) return [];
      const replyId = row.target_kind === 'reply' ? row.target_id : null;
      const t = topics.get(replyId === null ? row.target_id : (row.topic_id ?? -1));
      const authorId = replyId === null ? t?.authorId : replies.get(replyId)?.authorId;
      if (!t || authorId === undefined) return [];
      const subject = replyId === null ? `thanks:topic:${t.id}` : `thanks:reply:${replyId}`;
      if (kind === 'reaction.removed')
        return [{ type: 'unthank', userId: authorId, subject, actorId: actor }];
      if (!isFresh || isMuted(authorId, t)) return [];
      return [
        notify({
          userId: authorId,
          subject,
          kind: 'thanks',
          actorId: actor,
          ...aboutPost(t, replyId),
        }),
      ];
    }
    case 'answer.accepted':
    case 'answer.unaccepted': {
      const reply = replies.get(row.target_id ?? -1);
      const t = reply && topics.get(reply.topicId);
      if (!reply || !t) return [];
      const subject = `accepted:reply:${reply.id}`;
      if (kind === 'answer.unaccepted')
        return [{ type: 'forget', userId: reply.authorId, subject }];
      if (!isFresh || isMuted(reply.authorId, t)) return [];
      return [
        notify({
          userId: reply.authorId,
          subject,
          kind: 'answer_accepted',
          actorId: actor,
          ...aboutPost(t, reply.id),
        }),
      ];
    }
    case 'community.joined':
    case 'group.joined': {
      // Only an approval (detail 'approved') notifies: joining by oneself tells one nothing new.
      const c = row.community_id;
      if (!isFresh || row.detail !== 'approved' || actor === null || c === null) return [];
      const groupId = kind === 'group.joined' ? row.group_id : null;
      if (kind === 'group.joined' && groupId === null) return [];
      return [
        notify({
          userId: actor,
          subject: groupId === null ? `approved:community:${c}` : `approved:group:${groupId}`,
          kind: 'request_approved',
          actorId: null,
          communityId: c,
          groupId,
          topicId: null,
          replyId: null,
          conversationId: null,
          space: { kind: 'content', communityId: c, groupId },
        }),
      ];
    }
    case 'community.invited': {
      const c = row.community_id;
      if (!isFresh || row.target_id === null || c === null) return [];
      return [
        notify({
          userId: row.target_id,
          subject: `invited:community:${c}`,
          kind: 'invited',
          actorId: actor,
          communityId: c,
          groupId: null,
          topicId: null,
          replyId: null,
          conversationId: null,
          space: { kind: 'community', communityId: c },
        }),
      ];
    }
    case 'badge.awarded': {
      // The member is told of their own badge: nobody is named as its actor.
      const c = row.community_id;
      if (!isFresh || actor === null || c === null || row.detail === null) return [];
      return [
        notify({
          userId: actor,
          subject: badgeSubject(c, row.detail),
          kind: 'badge_awarded',
          actorId: null,
          ...aboutCommunity(c),
        }),
      ];
    }
    case 'spotlight.proposed': {
      const c = row.community_id;
      const spotlightId = Number(row.detail);
      if (!isFresh || c === null || row.target_id === null || !Number.isInteger(spotlightId))
        return [];
      return [
        notify({
          userId: row.target_id,
          subject: spotlightSubject(spotlightId),
          kind: 'spotlight_proposed',
          actorId: actor,
          ...aboutCommunity(c),
        }),
      ];
    }
    case 'buddy.assigned': {
      // Both are introduced, each notification naming the other (its actor) and linking to them.
      const c = row.community_id;
      const newcomer = row.target_id;
      if (!isFresh || actor === null || newcomer === null || c === null) return [];
      return [
        notify({
          userId: actor,
          subject: buddySubject(c, newcomer),
          kind: 'buddy_assigned',
          actorId: newcomer,
          ...aboutCommunity(c),
        }),
        notify({
          userId: newcomer,
          subject: buddySubject(c, newcomer),
          kind: 'buddy_introduced',
          actorId: actor,
          ...aboutCommunity(c),
        }),
      ];
    }
    case 'first_post.unanswered': {
      // Told to one animator or buddy (the target); the newcomer who wrote it is named.
      const t = topics.get(row.topic_id ?? -1);
      const userId = row.target_id;
      const newcomer = Number(row.detail);
      if (!isFresh || !t || userId === null || !Number.isInteger(newcomer)) return [];
      return [
        notify({
          userId,
          subject: `first-post:${t.communityId}:${newcomer}`,
          kind: 'first_post_unanswered',
          actorId: newcomer,
          ...aboutPost(t, row.in_reply_to),
        }),
      ];
    }
    case 'crisis.started': {
      // Told to one animator or moderator (the target), at once: on a topic, or the community.
      const userId = row.target_id;
      const c = row.community_id;
      if (!isFresh || userId === null || c === null) return [];
      const t = row.topic_id === null ? undefined : topics.get(row.topic_id);
      if (row.topic_id !== null && !t) return [];
      return [
        notify({
          userId,
          subject: `crisis:${row.detail ?? ''}`,
          kind: 'crisis_started',
          actorId: actor,
          ...(t ? aboutPost(t, null) : aboutCommunity(c)),
        }),
      ];
    }
    case 'spotlight.answered':
      // Answered: the question is no longer one.
      return actor === null || row.target_id === null
        ? []
        : [{ type: 'forget', userId: actor, subject: spotlightSubject(row.target_id) }];
    case 'topic.deleted':
      return row.target_id === null ? [] : [{ type: 'drop', about: { topicId: row.target_id } }];
    case 'reply.deleted':
      return row.target_id === null ? [] : [{ type: 'drop', about: { replyId: row.target_id } }];
    case 'community.left':
      return actor === null || row.community_id === null
        ? []
        : [{ type: 'leave', userId: actor, space: { communityId: row.community_id } }];
    case 'group.left':
      return actor === null || row.group_id === null
        ? []
        : [{ type: 'leave', userId: actor, space: { groupId: row.group_id } }];
    case 'message.left':
      return actor === null || row.target_id === null
        ? []
        : [{ type: 'leave', userId: actor, space: { conversationId: row.target_id } }];
    case 'user.signed_up':
    case 'user.signed_in':
    case 'user.signed_out':
    case 'user.profile_updated':
    case 'user.password_reset':
    case 'user.password_changed':
    case 'user.email_changed':
    case 'community.created':
    case 'community.updated':
    case 'community.charter_published':
    case 'community.join_requested':
    case 'community.role_changed':
    case 'group.created':
    case 'group.updated':
    case 'group.join_requested':
    case 'topic.edited':
    case 'reply.edited':
    case 'content.viewed':
    case 'pulse.opened':
    case 'visit.anonymous':
    case 'newcomer.welcomed': // the welcome slice decides what it tells, and to whom
      // Nothing to tell anyone (a group made private is caught when the list is read).
      return [];
  }
}
