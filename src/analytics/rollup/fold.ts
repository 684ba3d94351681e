import type { Database } from '../../db/index.js';
import {
  bucketOf,
  dayOf,
  grains as allGrains,
  scopesOf,
  type Grain,
  type Scope,
} from './scopes.js';

export type PostRow = Database['rollup_posts'];
export type LogEntry = Pick<
  Database['activity_log'],
  | 'actor_id'
  | 'community_id'
  | 'group_id'
  | 'kind'
  | 'target_id'
  | 'topic_id'
  | 'in_reply_to'
  | 'detail'
  | 'created_at'
> & { id: number };

/** Counts to add to one member's day, week or month in one scope (negative when content is deleted). */
export interface MemberDelta {
  scope: Scope;
  grain: Grain;
  bucket: number;
  member: number;
  contributions: number;
  reactions: number;
  visits: number;
  commitments: number;
}

export interface FirstPost {
  scope: Scope;
  member: number;
  kind: 'topic' | 'reply';
  id: number;
  at: number;
}

export interface AnonymousDay {
  scope: Scope;
  day: number;
  visitors: number;
}

export interface MembershipEvent {
  scope: Scope;
  member: number;
  at: number;
  joined: boolean;
}

export const postKey = (kind: 'topic' | 'reply', id: number) => `${kind[0]}${id}`;

/** Post keys (`postKey`) split into topic ids and reply ids. */
export function idsByKind(keys: Iterable<string>): { topic: number[]; reply: number[] } {
  const ids = { topic: [] as number[], reply: [] as number[] };
  for (const key of keys) ids[key.startsWith('t') ? 'topic' : 'reply'].push(Number(key.slice(1)));
  return ids;
}

/**
 * What one batch of log rows changes, worked out in memory: day counts, posts with their first
 * responses, first posts and membership events. Posts the batch refers to are preloaded into
 * `posts`; the ones it changes are listed in `dirty`. Work that needs the stored state (a
 * deleted topic's replies, a first response to find again) is listed for the repair step.
 */
export class BatchFold {
  private readonly byScope = new Map<number, Map<number, Map<number, MemberDelta>[]>>();
  readonly dirty = new Set<string>();
  readonly firstPosts = new Map<string, FirstPost>();
  readonly memberships: MembershipEvent[] = [];
  readonly deletedTopics: number[] = [];
  /** Posts whose first reply was deleted: look for the next one. */
  readonly lostFirstReply = new Set<string>();
  /** Members whose first post may have been deleted. */
  readonly authorsToRecheck = new Set<number>();
  /** Members with a new post: whether they came back after their first one may change. */
  readonly authorsWithPosts = new Set<number>();
  /** Anonymous visitors to add per scope and day, keyed "community|group|day". */
  readonly anonymousDays = new Map<string, AnonymousDay>();

  /** `grains`: the grains to count at (a rebuild counts days only and derives the rest). */
  constructor(
    readonly posts: Map<string, PostRow>,
    readonly grains: readonly Grain[] = allGrains,
  ) {}

  count(
    scopes: Scope[],
    member: number,
    at: number,
    n: Partial<Pick<MemberDelta, 'contributions' | 'reactions' | 'visits' | 'commitments'>>,
  ): void {
    const day = dayOf(at);
    for (const scope of scopes) {
      const maps = this.mapsOf(scope);
      for (let i = 0; i < this.grains.length; i++) {
        const grain = this.grains[i] as Grain;
        const bucket = bucketOf(grain, day);
        // Keyed by a number: this runs for every row of the log.
        const key = bucket * 2 ** 32 + member;
        const map = maps[i] as Map<number, MemberDelta>;
        let d = map.get(key);
        if (!d) {
          d = {
            scope,
            grain,
            bucket,
            member,
            contributions: 0,
            reactions: 0,
            visits: 0,
            commitments: 0,
          };
          map.set(key, d);
        }
        d.contributions += n.contributions ?? 0;
        d.reactions += n.reactions ?? 0;
        d.visits += n.visits ?? 0;
        d.commitments += n.commitments ?? 0;
      }
    }
  }

  /** The delta maps of one scope, one per grain. */
  private mapsOf(scope: Scope): Map<number, MemberDelta>[] {
    let groups = this.byScope.get(scope.communityId);
    if (!groups) {
      groups = new Map();
      this.byScope.set(scope.communityId, groups);
    }
    let maps = groups.get(scope.groupId);
    if (!maps) {
      maps = this.grains.map(() => new Map<number, MemberDelta>());
      groups.set(scope.groupId, maps);
    }
    return maps;
  }

  /** Every member delta of the batch. */
  *deltas(): Iterable<MemberDelta> {
    for (const groups of this.byScope.values())
      for (const maps of groups.values()) for (const map of maps) yield* map.values();
  }

  private post(kind: 'topic' | 'reply', id: number | null): PostRow | undefined {
    return id === null ? undefined : this.posts.get(postKey(kind, id));
  }

  private touch(p: PostRow): void {
    this.dirty.add(postKey(p.kind, p.id));
  }

  private addPost(p: PostRow): void {
    this.posts.set(postKey(p.kind, p.id), p);
    this.authorsWithPosts.add(p.author_id);
    this.touch(p);
    this.count(scopesOfPost(p), p.author_id, p.created_at, { contributions: 1 });
    for (const scope of scopesOfPost(p)) {
      const key = `${scope.communityId}|${scope.groupId}|${p.author_id}`;
      const known = this.firstPosts.get(key);
      if (!known || p.created_at < known.at)
        this.firstPosts.set(key, {
          scope,
          member: p.author_id,
          kind: p.kind,
          id: p.id,
          at: p.created_at,
        });
    }
  }

  /** A reply (to the topic, or aimed at a reply) by someone else, the first one if none yet. */
  private offerReply(to: PostRow | undefined, reply: PostRow): void {
    if (!to || to.deleted || reply.author_id === to.author_id) return;
    if (reply.created_at < to.created_at || to.first_reply_id !== null) return;
    to.first_reply_id = reply.id;
    to.first_reply_at = reply.created_at;
    to.first_reply_by = reply.author_id;
    this.touch(to);
  }

  private removePost(p: PostRow | undefined): void {
    if (!p || p.deleted) return;
    p.deleted = 1;
    this.touch(p);
    this.count(scopesOfPost(p), p.author_id, p.created_at, { contributions: -1 });
    this.authorsToRecheck.add(p.author_id);
    if (p.kind === 'topic') {
      this.deletedTopics.push(p.id);
      return;
    }
    // The parents may not be loaded: the repair step looks at them again once stored.
    this.lostFirstReply.add(postKey('topic', p.topic_id));
    if (p.in_reply_to !== null) this.lostFirstReply.add(postKey('reply', p.in_reply_to));
  }

  add(row: LogEntry): void {
    if (row.kind === 'visit.anonymous') {
      this.countAnonymous(row);
      return;
    }
    const actor = row.actor_id;
    if (actor === null) return;
    const at = row.created_at;
    if (row.community_id === null) {
      if (row.kind === 'user.signed_up')
        this.memberships.push({
          scope: { communityId: 0, groupId: 0 },
          member: actor,
          at,
          joined: true,
        });
      return;
    }
    const c = row.community_id;
    const scopes = scopesOf(c, row.group_id);
    switch (row.kind) {
      case 'topic.created':
        if (row.target_id === null) return;
        this.addPost({
          ...emptyPost,
          kind: 'topic',
          id: row.target_id,
          community_id: c,
          group_id: row.group_id ?? 0,
          topic_id: row.target_id,
          author_id: actor,
          detail: row.detail ?? 'discussion',
          created_at: at,
        });
        return;
      case 'reply.created': {
        const topic = this.post('topic', row.topic_id);
        if (row.target_id === null || row.topic_id === null || topic?.deleted) return;
        const reply: PostRow = {
          ...emptyPost,
          kind: 'reply',
          id: row.target_id,
          community_id: c,
          group_id: row.group_id ?? 0,
          topic_id: row.topic_id,
          in_reply_to: row.in_reply_to,
          author_id: actor,
          created_at: at,
        };
        this.addPost(reply);
        this.offerReply(topic, reply);
        this.offerReply(this.post('reply', row.in_reply_to), reply);
        return;
      }
      case 'group.created':
        this.count(scopes, actor, at, { contributions: 1, commitments: 1 });
        return;
      case 'buddy.assigned':
        // Taking a newcomer is a commitment (issue 23): the buddy is on the "engaged" rung.
        this.count(scopes, actor, at, { commitments: 1 });
        return;
      case 'reaction.added':
      case 'answer.accepted': {
        this.count(scopes, actor, at, { reactions: 1 });
        const aimedAt = row.in_reply_to ?? (row.kind === 'answer.accepted' ? row.target_id : null);
        const reply = this.post('reply', aimedAt);
        if (
          reply &&
          reply.author_id !== actor &&
          at >= reply.created_at &&
          reply.first_reaction_at === null
        ) {
          reply.first_reaction_at = at;
          reply.first_reaction_by = actor;
          this.touch(reply);
        }
        if (row.kind === 'answer.accepted') this.accept(row.topic_id, row.target_id);
        return;
      }
      case 'answer.unaccepted':
        this.accept(row.topic_id, null);
        return;
      case 'content.viewed':
      case 'pulse.opened':
        // A click in a member's pulse is a visit too: the ladder's "digest opened" (reached).
        this.count(scopes, actor, at, { visits: 1 });
        return;
      case 'topic.deleted':
        this.removePost(this.post('topic', row.target_id));
        return;
      case 'reply.deleted':
        this.removePost(this.post('reply', row.target_id));
        return;
      case 'community.joined':
        // Joining a community also makes one a member of the instance (imports sign no one up).
        this.memberships.push({
          scope: { communityId: c, groupId: 0 },
          member: actor,
          at,
          joined: true,
        });
        this.memberships.push({
          scope: { communityId: 0, groupId: 0 },
          member: actor,
          at,
          joined: true,
        });
        return;
      case 'community.left':
        this.memberships.push({
          scope: { communityId: c, groupId: 0 },
          member: actor,
          at,
          joined: false,
        });
        return;
      case 'group.joined':
      case 'group.left':
        if (row.group_id !== null)
          this.memberships.push({
            scope: { communityId: c, groupId: row.group_id },
            member: actor,
            at,
            joined: row.kind === 'group.joined',
          });
        return;
      // No figure of the cockpit counts these in a community (signing up, joining the instance,
      // is counted above from its row without one): accounts, settings, requests not yet
      // granted, edits, reactions taken back.
      case 'member.mentioned':
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
      case 'community.invited':
      case 'community.role_changed':
      case 'group.updated':
      case 'group.join_requested':
      case 'topic.edited':
      case 'reply.edited':
      case 'reaction.removed':
      case 'message.sent': // no community (returned above): the notifications' rows
      case 'message.left':
      case 'newcomer.welcomed': // welcomes: the welcome slice defines its figures
      case 'badge.awarded':
      case 'spotlight.proposed':
      case 'spotlight.answered':
      case 'first_post.unanswered': // an alert to animators, nobody's act
      case 'crisis.started': // an alert to the staff
        return;
    }
  }

  /** Each row is a new visitor of its own scope that day (the writer logs each once). */
  private countAnonymous(row: LogEntry): void {
    const communityId = row.community_id ?? 0;
    const groupId = communityId === 0 ? 0 : (row.group_id ?? 0);
    const day = dayOf(row.created_at);
    const key = `${communityId}|${groupId}|${day}`;
    const known = this.anonymousDays.get(key);
    if (known) known.visitors++;
    else this.anonymousDays.set(key, { scope: { communityId, groupId }, day, visitors: 1 });
  }

  private accept(topicId: number | null, replyId: number | null): void {
    const topic = this.post('topic', topicId);
    if (!topic) return;
    topic.accepted_reply_id = replyId;
    this.touch(topic);
  }
}

const emptyPost: Omit<
  PostRow,
  'kind' | 'id' | 'community_id' | 'group_id' | 'topic_id' | 'author_id' | 'created_at'
> = {
  in_reply_to: null,
  detail: null,
  deleted: 0,
  accepted_reply_id: null,
  first_reply_id: null,
  first_reply_at: null,
  first_reply_by: null,
  first_reaction_at: null,
  first_reaction_by: null,
};

export function scopesOfPost(p: PostRow): Scope[] {
  return scopesOf(p.community_id, p.group_id === 0 ? null : p.group_id);
}

/** The posts a batch refers to, to preload: topics and replies by id. */
export function referencedPosts(rows: LogEntry[]): { topics: Set<number>; replies: Set<number> } {
  const topics = new Set<number>();
  const replies = new Set<number>();
  for (const r of rows) {
    switch (r.kind) {
      case 'reply.created':
        if (r.topic_id !== null) topics.add(r.topic_id);
        if (r.in_reply_to !== null) replies.add(r.in_reply_to);
        break;
      case 'reaction.added':
        if (r.in_reply_to !== null) replies.add(r.in_reply_to);
        break;
      case 'answer.accepted':
      case 'answer.unaccepted':
        if (r.topic_id !== null) topics.add(r.topic_id);
        if (r.target_id !== null) replies.add(r.target_id);
        break;
      case 'topic.deleted':
        if (r.target_id !== null) topics.add(r.target_id);
        break;
      case 'reply.deleted':
        if (r.target_id !== null) replies.add(r.target_id);
        if (r.topic_id !== null) topics.add(r.topic_id);
        break;
      // The fold reads no earlier post for these.
      case 'topic.created':
      case 'group.created':
      case 'member.mentioned':
      case 'content.viewed':
      case 'community.joined':
      case 'community.left':
      case 'group.joined':
      case 'group.left':
      case 'visit.anonymous':
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
      case 'community.invited':
      case 'community.role_changed':
      case 'group.updated':
      case 'group.join_requested':
      case 'topic.edited':
      case 'reply.edited':
      case 'reaction.removed':
      case 'message.sent':
      case 'pulse.opened':
      case 'message.left':
      case 'newcomer.welcomed':
      case 'buddy.assigned':
      case 'badge.awarded':
      case 'spotlight.proposed':
      case 'spotlight.answered':
      case 'first_post.unanswered':
      case 'crisis.started':
        break;
    }
  }
  return { topics, replies };
}
