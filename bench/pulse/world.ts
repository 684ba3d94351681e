// The rows of the benchmark's instance, generated in memory from one seed: members in a few
// communities and many groups, a year of past answers, and the week the pulse speaks of (topics,
// replies, thanks, reads, arrivals), written as the product writes them (activity log included).
import type { Database } from '../../src/db/index.js';
import { Random } from './random.js';
import {
  COMMUNITIES,
  ENGLISH,
  GROUPS_PER_MEMBER,
  HISTORY_START,
  IN_GROUP,
  OTHER_ZONE,
  PAST,
  PRIVATE_GROUP_EVERY,
  PULSE_AT,
  scaled,
  SECOND_COMMUNITY,
  titleOf,
  WEEK,
  WEEK_START,
  ZONES,
} from './shape.js';

type Row<T extends keyof Database> = Database[T];
type WithId<T> = Omit<T, 'id'> & { id: number };
export type UserRow = WithId<
  Omit<
    Row<'users'>,
    'is_system' | 'deletion_requested_at' | 'deletion_posts' | 'deleted_at' | 'time_zone'
  >
> & { time_zone: string | null };
export type CommunityRow = WithId<Omit<Row<'communities'>, 'purpose_public' | 'time_zone'>>;
export type GroupRow = WithId<Row<'groups'>>;
export type TopicRow = WithId<Omit<Row<'topics'>, 'score' | 'deletion_reason' | 'hidden_at'>>;
export type ReplyRow = WithId<Omit<Row<'replies'>, 'score' | 'deletion_reason' | 'hidden_at'>>;
export type ReactionRow = Omit<Row<'reactions'>, 'id'>;
export type LogRow = Omit<Row<'activity_log'>, 'id'>;
export type NotificationRow = Omit<Row<'notifications'>, 'id' | 'emailed_at'> & {
  emailed_at: number | null;
};

export interface World {
  users: UserRow[];
  communities: CommunityRow[];
  memberships: Row<'memberships'>[];
  groups: GroupRow[];
  groupMembers: Row<'group_members'>[];
  topics: TopicRow[];
  replies: ReplyRow[];
  reactions: ReactionRow[];
  log: LogRow[];
  notifications: NotificationRow[];
  pins: Row<'pulse_pins'>[];
  exclusions: Row<'pulse_exclusions'>[];
}

const DAY = 86_400_000;

interface Space {
  communityId: number;
  groupId: number | null;
  members: number[];
  /** How often topics land here, relative to its siblings. */
  weight: number;
}

/** An index into a list of n, skewed to its start: a few do most (exponent > 1). */
function skewed(rng: Random, n: number, exponent: number): number {
  return Math.min(n - 1, Math.floor(n * rng.next() ** exponent));
}

function pickWeighted<T extends { weight: number }>(rng: Random, items: T[], total: number): T {
  let x = rng.next() * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new Error('pick from an empty list');
  return last;
}

export function generateWorld(memberCount: number, seed = 22): World {
  const rng = new Random(seed);
  const n = (perHundredThousand: number) => scaled(perHundredThousand, memberCount);
  const draw = (k: number) => rng.below(k);
  const w: World = {
    users: [],
    communities: [],
    memberships: [],
    groups: [],
    groupMembers: [],
    topics: [],
    replies: [],
    reactions: [],
    log: [],
    notifications: [],
    pins: [],
    exclusions: [],
  };
  const log = (row: Partial<LogRow> & Pick<LogRow, 'kind' | 'created_at'>) =>
    w.log.push({
      actor_id: null,
      community_id: null,
      group_id: null,
      target_kind: null,
      target_id: null,
      topic_id: null,
      in_reply_to: null,
      detail: null,
      ...row,
    });

  // Members: the last ones arrived this week (the newcomers).
  const newcomers = n(WEEK.newcomers);
  for (let id = 1; id <= memberCount; id++) {
    const isNew = id > memberCount - newcomers;
    const createdAt = isNew
      ? WEEK_START + rng.next() * 7 * DAY
      : HISTORY_START - 30 * DAY + rng.next() * 360 * DAY;
    w.users.push({
      id,
      email: `member${id}@bench.ruche.test`,
      handle: `member${id}`,
      password_hash: '!',
      display_name: `Membre ${id}`,
      bio: '',
      locale: rng.chance(ENGLISH) ? 'en' : 'fr',
      is_admin: id === 1 ? 1 : 0,
      created_at: Math.floor(createdAt),
      updated_at: Math.floor(createdAt),
      time_zone: rng.chance(OTHER_ZONE) ? rng.pick(ZONES) : null,
    });
  }
  const createdAt = (id: number) => w.users[id - 1]?.created_at ?? HISTORY_START;

  // Communities, their members (some in two), their groups and the groups' members.
  const communitySpaces: Space[] = [];
  const groupSpaces: Space[][] = [];
  const totalShare = COMMUNITIES.reduce((sum, c) => sum + c.share, 0);
  let groupId = 0;
  COMMUNITIES.forEach((c, i) => {
    const id = i + 1;
    w.communities.push({
      id,
      slug: c.slug,
      name: c.name,
      purpose: `${c.name} : entraide et projets.`,
      typology: 'internal_social_network',
      visibility: c.visibility,
      created_by: 1,
      created_at: HISTORY_START - 60 * DAY,
      updated_at: HISTORY_START - 60 * DAY,
    });
    communitySpaces.push({ communityId: id, groupId: null, members: [], weight: c.share });
    const groups: Space[] = [];
    for (let g = 0; g < c.groups; g++) {
      groupId += 1;
      w.groups.push({
        id: groupId,
        community_id: id,
        slug: `groupe-${g + 1}`,
        name: `${c.name} · groupe ${g + 1}`,
        description: '',
        visibility: groupId % PRIVATE_GROUP_EVERY === 0 ? 'private' : 'public',
        created_by: 1,
        created_at: HISTORY_START - 30 * DAY,
      });
      // Popular groups first: a long tail of small ones.
      groups.push({ communityId: id, groupId, members: [], weight: 1 / (g + 1) ** 0.8 });
    }
    groupSpaces.push(groups);
  });
  const groupsWeight = groupSpaces.map((gs) => gs.reduce((sum, g) => sum + g.weight, 0));

  const joinedGroups = new Set<string>();
  const join = (userId: number, c: number) => {
    const space = communitySpaces[c];
    const groups = groupSpaces[c];
    if (!space || !groups) return;
    const joinedAt =
      Math.max(createdAt(userId), HISTORY_START - 30 * DAY) + Math.floor(rng.next() * DAY);
    // The first members of each community animate it.
    const role = space.members.length < 3 ? 'animator' : 'member';
    space.members.push(userId);
    w.memberships.push({
      community_id: space.communityId,
      user_id: userId,
      role,
      status: 'active',
      charter_version: 1,
      joined_at: joinedAt,
      charter_accepted_at: joinedAt,
    });
    log({
      actor_id: userId,
      community_id: space.communityId,
      kind: 'community.joined',
      target_kind: 'community',
      target_id: space.communityId,
      created_at: joinedAt,
    });
    let x = rng.next();
    let count = 0;
    while (count < GROUPS_PER_MEMBER.length - 1 && x >= (GROUPS_PER_MEMBER[count] ?? 1)) {
      x -= GROUPS_PER_MEMBER[count] ?? 1;
      count += 1;
    }
    for (let k = 0; k < count; k++) {
      const g = pickWeighted(rng, groups, groupsWeight[c] ?? 1);
      const key = `${g.groupId}:${userId}`;
      if (g.groupId === null || joinedGroups.has(key)) continue;
      joinedGroups.add(key);
      g.members.push(userId);
      // Some existing members join a group this week: arrivals the pulse names.
      const thisWeek =
        joinedAt < WEEK_START && rng.chance(n(WEEK.groupJoins) / (memberCount * 1.6));
      const at = thisWeek
        ? Math.floor(WEEK_START + rng.next() * 7 * DAY)
        : joinedAt + Math.floor(rng.next() * DAY);
      w.groupMembers.push({
        group_id: g.groupId,
        user_id: userId,
        role: 'member',
        status: 'active',
        joined_at: at,
      });
      log({
        actor_id: userId,
        community_id: space.communityId,
        group_id: g.groupId,
        kind: 'group.joined',
        target_kind: 'group',
        target_id: g.groupId,
        created_at: at,
      });
    }
  };
  for (let id = 1; id <= memberCount; id++) {
    const first = pickWeighted(rng, communitySpaces, totalShare);
    const c = first.communityId - 1;
    join(id, c);
    if (rng.chance(SECOND_COMMUNITY)) {
      const other = pickWeighted(rng, communitySpaces, totalShare).communityId - 1;
      if (other !== c) join(id, other);
    }
  }
  // The members' lists in a random order: who is "active" (the start of a list) is spread out.
  for (const s of [...communitySpaces, ...groupSpaces.flat()]) s.members = rng.shuffle(s.members);

  const spaceFor = (): Space => {
    const community = pickWeighted(rng, communitySpaces, totalShare);
    const c = community.communityId - 1;
    if (!rng.chance(IN_GROUP)) return community;
    const g = pickWeighted(rng, groupSpaces[c] ?? [], groupsWeight[c] ?? 1);
    return g.members.length > 0 ? g : community;
  };
  const memberOf = (s: Space, exponent: number) =>
    s.members[skewed(rng, s.members.length, exponent)] ?? 1;

  // Topics and replies, past and of the week.
  interface Thread {
    topic: TopicRow;
    space: Space;
    replies: ReplyRow[];
  }
  const threads: Thread[] = [];
  let replyId = 0;
  const newTopic = (space: Space, at: number, kind: string): Thread => {
    const id = w.topics.length + 1;
    const title = titleOf(draw);
    const topic: TopicRow = {
      id,
      community_id: space.communityId,
      group_id: space.groupId,
      author_id: memberOf(space, 2.5),
      kind,
      title: kind === 'question' ? `${title} ?` : title,
      body: `${title}. Les détails suivent.`,
      body_html: `<p>${title}. Les détails suivent.</p>`,
      accepted_reply_id: null,
      reply_count: 0,
      created_at: at,
      updated_at: at,
      last_activity_at: at,
      deleted_at: null,
    };
    w.topics.push(topic);
    log({
      actor_id: topic.author_id,
      community_id: space.communityId,
      group_id: space.groupId,
      kind: 'topic.created',
      target_kind: 'topic',
      target_id: id,
      topic_id: id,
      detail: kind,
      created_at: at,
    });
    const thread = { topic, space, replies: [] };
    threads.push(thread);
    return thread;
  };
  const newReply = (thread: Thread, at: number, authorExponent: number) => {
    replyId += 1;
    const reply: ReplyRow = {
      id: replyId,
      topic_id: thread.topic.id,
      parent_reply_id: null,
      author_id: memberOf(thread.space, authorExponent),
      body: 'Voici ce que je ferais.',
      body_html: '<p>Voici ce que je ferais.</p>',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    w.replies.push(reply);
    thread.replies.push(reply);
    thread.topic.reply_count += 1;
    thread.topic.last_activity_at = Math.max(thread.topic.last_activity_at, at);
    log({
      actor_id: reply.author_id,
      community_id: thread.space.communityId,
      group_id: thread.space.groupId,
      kind: 'reply.created',
      target_kind: 'reply',
      target_id: reply.id,
      topic_id: thread.topic.id,
      created_at: at,
    });
    return reply;
  };

  // The past: a year of topics, and the answers that give a fifth of the members their words.
  const pastEnd = WEEK_START - DAY;
  for (let i = 0; i < n(PAST.topics); i++)
    newTopic(
      spaceFor(),
      Math.floor(HISTORY_START + rng.next() * (pastEnd - HISTORY_START)),
      rng.chance(0.5) ? 'question' : 'discussion',
    );
  const past = [...threads].sort((a, b) => a.topic.created_at - b.topic.created_at);
  const answerExponent = Math.log(n(PAST.answerers) / memberCount) / Math.log(0.5) / 2;
  for (let i = 0; i < n(PAST.replies); i++) {
    const thread = past[skewed(rng, past.length, 1.3)];
    if (!thread) continue;
    const at = Math.min(pastEnd, thread.topic.created_at + Math.floor(rng.exponential() * 2 * DAY));
    newReply(thread, at, answerExponent);
  }

  // The week: new topics, a third of its questions left open, replies to the rest (and to some
  // older topics), thanks, reads.
  const week: Thread[] = [];
  const open = new Set<Thread>();
  for (let i = 0; i < n(WEEK.topics); i++) {
    const isQuestion = rng.chance(WEEK.questions);
    const thread = newTopic(
      spaceFor(),
      Math.floor(WEEK_START + rng.next() * 7 * DAY),
      isQuestion ? 'question' : 'discussion',
    );
    week.push(thread);
    if (isQuestion && rng.chance(WEEK.unanswered)) open.add(thread);
  }
  const answerable = week.filter((t) => !open.has(t));
  const weekReplies: { reply: ReplyRow; thread: Thread }[] = [];
  for (let i = 0; i < n(WEEK.replies); i++) {
    const thread = rng.chance(0.15)
      ? past[past.length - 1 - skewed(rng, past.length, 3)]
      : answerable[skewed(rng, answerable.length, 2)];
    if (!thread) continue;
    const from = Math.max(WEEK_START, thread.topic.created_at);
    const at = Math.floor(from + rng.next() * (PULSE_AT - from));
    weekReplies.push({ reply: newReply(thread, at, 2), thread });
  }

  const thanked = new Map<
    string,
    { userId: number; thread: Thread; replyId: number | null; lastAt: number; by: number }
  >();
  const given = new Set<string>();
  for (let i = 0; i < n(WEEK.thanks); i++) {
    const onReply = rng.chance(0.8) && weekReplies.length > 0;
    const r = onReply ? weekReplies[skewed(rng, weekReplies.length, 1.5)] : undefined;
    const thread = r?.thread ?? week[skewed(rng, week.length, 1.5)];
    if (!thread) continue;
    const target = r
      ? { kind: 'reply', id: r.reply.id, author: r.reply.author_id, at: r.reply.created_at }
      : {
          kind: 'topic',
          id: thread.topic.id,
          author: thread.topic.author_id,
          at: thread.topic.created_at,
        };
    const by = memberOf(thread.space, 1.5);
    const key = `${target.kind}:${target.id}:${by}`;
    if (by === target.author || given.has(key)) continue;
    given.add(key);
    const at = Math.floor(target.at + rng.next() * (PULSE_AT - target.at));
    const detail = {
      actor_id: by,
      community_id: thread.space.communityId,
      group_id: thread.space.groupId,
      target_kind: target.kind,
      target_id: target.id,
      topic_id: thread.topic.id,
      in_reply_to: target.kind === 'reply' ? target.id : null,
      detail: 'merci',
    };
    log({ ...detail, kind: 'reaction.added', created_at: at });
    if (i < n(WEEK.thanksWithdrawn)) {
      log({
        ...detail,
        kind: 'reaction.removed',
        created_at: Math.min(PULSE_AT - 1, at + 3_600_000),
      });
      continue;
    }
    w.reactions.push({
      target_kind: target.kind,
      target_id: target.id,
      user_id: by,
      kind: 'merci',
      created_at: at,
    });
    const post = `${target.kind}:${target.id}`;
    const seen = thanked.get(post);
    thanked.set(post, {
      userId: target.author,
      thread,
      replyId: target.kind === 'reply' ? target.id : null,
      lastAt: Math.max(seen?.lastAt ?? 0, at),
      by,
    });
  }
  // The "Merci" notifications; half of the thanked read theirs after the last thanks.
  for (const [post, t] of thanked) {
    const isRead = rng.chance(WEEK.thanksRead);
    w.notifications.push({
      user_id: t.userId,
      subject: `thanks:${post}`,
      kind: 'thanks',
      actor_id: t.by,
      actor_count: 1,
      community_id: t.thread.space.communityId,
      group_id: t.thread.space.groupId,
      topic_id: t.thread.topic.id,
      reply_id: t.replyId,
      conversation_id: null,
      in_app: 1,
      email: 0,
      created_at: t.lastAt,
      updated_at: t.lastAt,
      read_at: isRead ? Math.min(PULSE_AT - 1, t.lastAt + 3_600_000) : null,
      emailed_at: null,
    });
  }

  // Reads: a quarter of the members open the week's busy topics (and some older ones).
  const viewers = n(WEEK.viewers) / memberCount;
  const viewExponent = Math.log(viewers) / Math.log(0.5);
  const active = [...week, ...past.slice(-n(2_000))];
  for (let i = 0; i < n(WEEK.views); i++) {
    const thread = active[skewed(rng, active.length, 1.5)];
    if (!thread) continue;
    const from = Math.max(WEEK_START, thread.topic.created_at);
    log({
      actor_id: memberOf(thread.space, viewExponent),
      community_id: thread.space.communityId,
      group_id: thread.space.groupId,
      kind: 'content.viewed',
      target_kind: 'topic',
      target_id: thread.topic.id,
      topic_id: thread.topic.id,
      created_at: Math.floor(from + rng.next() * (PULSE_AT - from)),
    });
  }

  // Each community's animators featured a topic of the week, and kept another out.
  for (const c of communitySpaces) {
    const own = week.filter((t) => t.space.communityId === c.communityId);
    const pinned = own.find((t) => t.space.groupId === null);
    const kept = own.find((t) => t !== pinned);
    const animator = c.members[0] ?? 1;
    if (pinned)
      w.pins.push({
        scope: `c${c.communityId}`,
        community_id: c.communityId,
        group_id: null,
        topic_id: pinned.topic.id,
        pinned_by: animator,
        pinned_at: WEEK_START + DAY,
      });
    if (kept)
      w.exclusions.push({
        topic_id: kept.topic.id,
        community_id: c.communityId,
        excluded_by: animator,
        excluded_at: WEEK_START + DAY,
      });
  }

  // The log in the order it was written.
  w.log.sort((a, b) => a.created_at - b.created_at);
  return w;
}
