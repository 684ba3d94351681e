/**
 * The kinds of actions the activity log records; analytics read nothing else. A new kind is
 * added here, and only here: `activity_log.kind` is typed from this list (src/db/schema.ts), so
 * the type-check and the exhaustive switches then name every reader that must decide what the
 * kind means (the roll-up fold, src/analytics/rollup/fold.ts; the member's export,
 * src/activity/member-data.ts).
 */
export const activityKinds = [
  'user.signed_up',
  'user.signed_in',
  'user.signed_out',
  'user.profile_updated',
  'user.password_reset',
  'user.password_changed',
  'user.email_changed',
  'community.created',
  'community.updated',
  'community.charter_published',
  'community.joined',
  'community.join_requested',
  'community.invited',
  'community.left',
  'community.role_changed',
  'group.created',
  'group.updated',
  'group.joined',
  'group.join_requested',
  'group.left',
  'topic.created',
  'topic.edited',
  'topic.deleted',
  'reply.created',
  'reply.edited',
  'reply.deleted',
  'answer.accepted',
  'answer.unaccepted',
  'reaction.added',
  'reaction.removed',
  'content.viewed',
  // Without an actor: a reader not signed in, once a day per scope (anonymous-visitors.ts).
  'visit.anonymous',
  // A post names a member (target: that member; in_reply_to: the reply, or null for the topic's
  // own text), logged with the post or the edit that added the mention, for notifications.
  'member.mentioned',
  // A private message (target: the message); outside any community, so no analytics count it.
  'message.sent',
  // A click on a link of a member's pulse (actor: that member, signed in or not; detail: the
  // pulse's opaque id): a visit, so the member counts as reached on the ladder.
  'pulse.opened',
  // A member left a private conversation (target: the conversation): its notifications go.
  'message.left',
  // An animator or a member welcomed a newcomer (actor: who welcomed; target: the newcomer).
  'newcomer.welcomed',
  // A member became a newcomer's buddy (actor: the buddy; target: the newcomer): a commitment.
  'buddy.assigned',
  // The badge job gave a member a badge (actor: the member; detail: the badge's id).
  'badge.awarded',
  // An animator proposed a spotlight on a member (actor: the animator; target: the spotlight).
  'spotlight.proposed',
  // The member accepted (detail 'accepted') or declined ('declined') a spotlight on them.
  'spotlight.answered',
  // A newcomer's first post had no response from anyone else in time: one row per member told
  // (no actor: the alert job; target: the animator or buddy told; topic_id and in_reply_to: the
  // post, as for a mention; detail: the newcomer's id).
  'first_post.unanswered',
  // Crisis mode started on a community or a topic: one row per animator or moderator told (no
  // actor when the raid detector started it; target: the staff member told; topic_id: the topic
  // when the crisis is on one; detail: the crisis's id).
  'crisis.started',
] as const;

export type ActivityKind = (typeof activityKinds)[number];

/** Kinds that count as taking part (contributions and reactions), for "active member" counts. */
export const participationKinds: ActivityKind[] = [
  'topic.created',
  'reply.created',
  'reaction.added',
  'answer.accepted',
];
