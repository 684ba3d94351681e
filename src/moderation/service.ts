import {
  activeMemberIdsOf,
  canManageCommunity,
  canModerateCommunity,
  isActiveMember,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import {
  filterReadable,
  postCountsIn,
  postFacts,
  postsUnderReview,
  replyAddresses,
  setPostHidden,
  topicTitles,
  type PostUnderReview,
} from '../conversations/index.js';
import type { Db, Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { checkFlagAllowance, trustLevelsOf } from '../trust/index.js';
import {
  messagePath,
  receivedMessage,
  reportedMessages,
  type ReportedMessage,
} from '../messages/index.js';
import { recordAudit, type AuditAction } from './audit.js';
import { accuracyOf, DEFAULT_HIDE_THRESHOLD, flagWeight, type FlagWeight } from './score.js';
import * as store from './store.js';
import type { FlagReason, FlagTargetKind } from './store.js';

export const MAX_FLAG_TEXT = 1000;
const QUEUE_LIMIT = 200;
const DAY = 86_400_000;

/** Moderators, animators and instance admins; everyone else gets the 404 of a missing page. */
export async function requireModerator(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canModerateCommunity(access)) throw new AppError('not_found');
  return access;
}

/** The instance-wide audit log is for instance admins only. */
export function requireAuditAdmin(viewer: Viewer): void {
  if (!viewer.isAdmin) throw new AppError('not_found');
}

export interface FlagInput {
  targetKind: FlagTargetKind;
  targetId: number;
  communityId?: number | undefined;
  reason: FlagReason;
  text?: string | undefined;
}

/** Where a flag goes (the community whose staff handles it) and whose the flagged thing is. */
export async function requireFlaggable(
  s: Store,
  viewer: Viewer,
  input: Pick<FlagInput, 'targetKind' | 'targetId' | 'communityId'>,
): Promise<{ communityId: number; authorId: number; back: string }> {
  const { targetKind: kind, targetId: id } = input;
  if (kind === 'topic' || kind === 'reply') {
    const ids =
      kind === 'topic' ? { topicIds: [id], replyIds: [] } : { topicIds: [], replyIds: [id] };
    const readable = await filterReadable(s.db, viewer, ids);
    const isReadable = kind === 'topic' ? readable.topicIds.has(id) : readable.replyIds.has(id);
    if (!isReadable) throw new AppError('not_found');
    const facts = await postFacts(s.db, ids);
    const reply = facts.replies.get(id);
    const topic = facts.topics.get(kind === 'topic' ? id : (reply?.topicId ?? 0));
    if (!topic || (kind === 'reply' && !reply)) throw new AppError('not_found');
    const links =
      kind === 'topic'
        ? await topicTitles(s.db, viewer, [id])
        : await replyAddresses(s.db, viewer, [id]);
    return {
      communityId: topic.communityId,
      authorId: reply?.authorId ?? topic.authorId,
      back: links.get(id)?.href ?? '/',
    };
  }
  // A profile or a private message is flagged to the staff of a community both people share.
  if (input.communityId === undefined)
    throw new AppError('invalid_input', {
      field: 'communityId',
      messageKey: 'moderation.error.communityNeeded',
    });
  const access = await requireVisibleCommunity(s.db, viewer, { id: input.communityId });
  if (!isActiveMember(access)) throw new AppError('not_found');
  let authorId = id;
  let back = '/';
  if (kind === 'message') {
    const message = await receivedMessage(s.db, viewer.id, id);
    if (!message) throw new AppError('not_found');
    authorId = message.authorId;
    back = messagePath(message.conversationId, message.id);
  }
  const members = new Set(
    (await activeMemberIdsOf(s.db, [access.community.id])).get(access.community.id),
  );
  if (kind === 'user' && !members.has(id)) throw new AppError('not_found');
  if (kind === 'message' && !members.has(authorId))
    throw new AppError('invalid_input', {
      field: 'communityId',
      messageKey: 'moderation.error.notInCommunity',
    });
  return { communityId: access.community.id, authorId, back };
}

/**
 * A member flags a topic, a reply, a profile or a private message they received. Refusals write
 * nothing: what they cannot read is missing (404); their own post, a second flag on the same
 * thing, "other" without a text are clear errors. When the flags' score reaches the community's
 * threshold, a post is hidden at once pending review, with an automatic audit row.
 */
export async function flag(
  s: Store,
  viewer: Viewer,
  input: FlagInput,
  at: number,
  rules: { trustLimits: boolean } = { trustLimits: true },
) {
  const text = (input.text ?? '').trim();
  const { communityId, authorId } = await requireFlaggable(s, viewer, input);
  const access = await requireVisibleCommunity(s.db, viewer, { id: communityId });
  if (!isActiveMember(access))
    throw new AppError('forbidden', { messageKey: 'moderation.error.membersOnly' });
  if (authorId === viewer.id)
    throw new AppError('invalid_input', { messageKey: 'moderation.error.own' });
  if (input.reason === 'other' && text === '')
    throw new AppError('invalid_input', {
      field: 'text',
      messageKey: 'moderation.error.textNeeded',
    });
  if (text.length > MAX_FLAG_TEXT)
    throw new AppError('invalid_input', {
      field: 'text',
      messageKey: 'moderation.error.textLength',
      params: { max: MAX_FLAG_TEXT },
    });
  const key = {
    communityId,
    kind: input.targetKind,
    targetId: input.targetId,
    flaggerId: viewer.id,
  };
  const already = () => new AppError('invalid_input', { messageKey: 'moderation.error.already' });
  if (await store.findFlag(s.db, key)) throw already();
  // New accounts flag a few things a day (src/trust/limits.ts); staff are not counted.
  if (rules.trustLimits)
    await checkFlagAllowance(
      s.db,
      { userId: viewer.id, isExempt: canModerateCommunity(access) },
      await store.recentFlagTimes(s.db, viewer.id, at - DAY),
      at,
    );
  const threshold = await hideThresholdOf(s.db, communityId);
  const target = { kind: input.targetKind, id: input.targetId };
  return s.db.transaction().execute(async (trx) => {
    if (await store.findFlag(trx, key)) throw already();
    const id = await store.insertFlag(trx, {
      community_id: communityId,
      target_kind: input.targetKind,
      target_id: input.targetId,
      flagger_id: viewer.id,
      reason: input.reason,
      text,
      created_at: at,
      outcome: null,
      decided_at: null,
      decided_by: null,
    });
    let hidden = false;
    if (target.kind === 'topic' || target.kind === 'reply') {
      const open = await store.openFlags(trx, communityId, target);
      const scored = scoreFlags(open, await flaggerFacts(trx, open));
      if (
        scored.score >= threshold &&
        (await setPostHidden(trx, s.dialect, target.kind, target.id, at))
      ) {
        hidden = true;
        await recordAudit(trx, {
          communityId,
          actorId: null,
          rule: 'score_threshold',
          action: 'post.hidden',
          target,
          reason: `score ${scored.score} ≥ ${threshold}`,
          at,
        });
      }
    }
    return { id, hidden };
  });
}

export async function hideThresholdOf(db: Db, communityId: number): Promise<number> {
  return (await store.findSettings(db, communityId))?.hide_threshold ?? DEFAULT_HIDE_THRESHOLD;
}

export async function saveHideThreshold(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  threshold: number,
  at: number,
) {
  await store.saveSettings(s.db, {
    community_id: access.community.id,
    hide_threshold: threshold,
    updated_by: viewer.id,
    updated_at: at,
  });
}

export interface ScoredFlag {
  id: number;
  reason: FlagReason;
  text: string;
  createdAt: number;
  flaggerId: number;
  trustLevel: number;
  accuracy: number;
  weight: FlagWeight;
}

type FlaggerFacts = {
  records: Awaited<ReturnType<typeof store.flaggerRecords>>;
  levels: Awaited<ReturnType<typeof trustLevelsOf>>;
};

/** What weighs each flagger's flags: their past accuracy and their trust level, in two queries. */
async function flaggerFacts(db: Db, flags: store.FlagRow[]): Promise<FlaggerFacts> {
  const flaggerIds = [...new Set(flags.map((f) => Number(f.flagger_id)))];
  const [records, levels] = await Promise.all([
    store.flaggerRecords(db, flaggerIds),
    trustLevelsOf(db, flaggerIds),
  ]);
  return { records, levels };
}

function scoreFlags(flags: store.FlagRow[], { records, levels }: FlaggerFacts) {
  const scored: ScoredFlag[] = flags.map((f) => {
    const flaggerId = Number(f.flagger_id);
    const accuracy = accuracyOf(records.get(flaggerId) ?? { agreed: 0, disagreed: 0 });
    const trustLevel = levels.get(flaggerId) ?? 0;
    return {
      id: Number(f.id),
      reason: f.reason,
      text: f.text,
      createdAt: Number(f.created_at),
      flaggerId,
      trustLevel,
      accuracy,
      weight: flagWeight(f.reason, trustLevel, accuracy),
    };
  });
  const score = Math.round(scored.reduce((sum, f) => sum + f.weight.total, 0) * 100) / 100;
  return { flags: scored, score };
}

type Person = { id: number; handle: string; displayName: string };

export interface QueueItem {
  target: { kind: FlagTargetKind; id: number };
  score: number;
  flags: (ScoredFlag & { flagger: Person | undefined })[];
  post: PostUnderReview | undefined;
  message: ReportedMessage | undefined;
  author: Person | undefined;
  history: { posts: number; agreed: number; disagreed: number; ignored: number };
  isHidden: boolean;
}

const targetKey = (kind: string, id: number) => `${kind}:${id}`;

/**
 * The community's review queue: one item per flagged thing with all its open flags, highest
 * score first. A reported private message is shown here, and only that message.
 */
export async function reviewQueue(s: Store, access: CommunityAccess): Promise<QueueItem[]> {
  const communityId = access.community.id;
  const open = await store.openFlags(s.db, communityId);
  const byTarget = new Map<string, store.FlagRow[]>();
  for (const f of open) {
    const k = targetKey(f.target_kind, Number(f.target_id));
    byTarget.set(k, [...(byTarget.get(k) ?? []), f]);
  }
  const decided = await store.decidedFlagsIn(s.db, communityId);
  // Every flagger's facts at once, not per item: the queue lists up to 200 items.
  const facts = await flaggerFacts(s.db, open);
  const idsOf = (kind: FlagTargetKind) => [
    ...new Set(
      [...open, ...decided].filter((f) => f.target_kind === kind).map((f) => Number(f.target_id)),
    ),
  ];
  const [posts, messages] = await Promise.all([
    postsUnderReview(s.db, { topicIds: idsOf('topic'), replyIds: idsOf('reply') }),
    reportedMessages(s.db, idsOf('message')),
  ]);
  const authorOf = (kind: FlagTargetKind, id: number): number | undefined => {
    if (kind === 'user') return id;
    if (kind === 'message') return messages.get(id)?.authorId;
    const post = (kind === 'topic' ? posts.topics : posts.replies).get(id);
    return post?.communityId === communityId ? post.authorId : undefined;
  };
  const outcomes = new Map<number, { agreed: number; disagreed: number; ignored: number }>();
  for (const d of decided) {
    const author = authorOf(d.target_kind, Number(d.target_id));
    if (author === undefined || d.outcome === null) continue;
    const o = outcomes.get(author) ?? { agreed: 0, disagreed: 0, ignored: 0 };
    o[d.outcome] += 1;
    outcomes.set(author, o);
  }
  const items: Omit<QueueItem, 'author' | 'history'>[] = [];
  for (const flags of byTarget.values()) {
    const first = flags[0];
    if (!first) continue;
    const kind = first.target_kind;
    const id = Number(first.target_id);
    const scored = scoreFlags(flags, facts);
    const post =
      kind === 'topic'
        ? posts.topics.get(id)
        : kind === 'reply'
          ? posts.replies.get(id)
          : undefined;
    items.push({
      target: { kind, id },
      score: scored.score,
      flags: scored.flags.map((f) => ({ ...f, flagger: undefined })),
      post: post?.communityId === communityId ? post : undefined,
      message: kind === 'message' ? messages.get(id) : undefined,
      isHidden: post?.isHidden ?? false,
    });
  }
  items.sort((a, b) => b.score - a.score || a.target.id - b.target.id);
  const shown = items.slice(0, QUEUE_LIMIT);
  const authorIds = [...new Set(shown.flatMap((i) => authorOf(i.target.kind, i.target.id) ?? []))];
  const people = new Map(
    (
      await store.usersByIds(s.db, [
        ...authorIds,
        ...shown.flatMap((i) => i.flags.map((f) => f.flaggerId)),
      ])
    ).map((u) => [
      Number(u.id),
      { id: Number(u.id), handle: u.handle, displayName: u.display_name },
    ]),
  );
  const counts = await postCountsIn(s.db, communityId, authorIds);
  return shown.map((i) => {
    const authorId = authorOf(i.target.kind, i.target.id);
    const o = (authorId !== undefined && outcomes.get(authorId)) || {
      agreed: 0,
      disagreed: 0,
      ignored: 0,
    };
    return {
      ...i,
      flags: i.flags.map((f) => ({ ...f, flagger: people.get(f.flaggerId) })),
      author: authorId === undefined ? undefined : people.get(authorId),
      history: { posts: authorId === undefined ? 0 : (counts.get(authorId) ?? 0), ...o },
    };
  });
}

export type Decision = 'agree' | 'disagree' | 'ignore';
const outcomeOf = { agree: 'agreed', disagree: 'disagreed', ignore: 'ignored' } as const;
const actionOf: Record<Decision, AuditAction> = {
  agree: 'flag.agreed',
  disagree: 'flag.disagreed',
  ignore: 'flag.ignored',
};

/**
 * A moderator decides one or more queue items. Agree hides a post (the flaggers' accuracy goes
 * up); disagree shows it again if it was hidden (their accuracy goes down); ignore closes the
 * flags. One audit row per item, in one transaction: an unknown item refuses them all.
 */
export async function decide(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: {
    decision: Decision;
    items: { kind: FlagTargetKind; id: number }[];
    reason?: string | undefined;
  },
  at: number,
): Promise<number> {
  const communityId = access.community.id;
  const seen = new Set<string>();
  const items = input.items.filter((i) => {
    const k = targetKey(i.kind, i.id);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  if (items.length === 0)
    throw new AppError('invalid_input', { field: 'items', messageKey: 'moderation.error.noItems' });
  return s.db.transaction().execute(async (trx) => {
    for (const target of items) {
      const flags = await store.openFlags(trx, communityId, target);
      if (flags.length === 0) throw new AppError('not_found');
      await store.decideFlags(
        trx,
        flags.map((f) => Number(f.id)),
        { outcome: outcomeOf[input.decision], by: viewer.id, at },
      );
      let reverses: number | undefined;
      if (target.kind === 'topic' || target.kind === 'reply') {
        if (input.decision === 'agree')
          await setPostHidden(trx, s.dialect, target.kind, target.id, at);
        if (
          input.decision === 'disagree' &&
          (await setPostHidden(trx, s.dialect, target.kind, target.id, null))
        )
          reverses = (await store.latestHideOf(trx, communityId, target.kind, target.id))?.id;
      }
      const reasons = [...new Set(flags.map((f) => f.reason))].join(', ');
      await recordAudit(trx, {
        communityId,
        actorId: viewer.id,
        action: actionOf[input.decision],
        target,
        reason: input.reason?.trim() || reasons,
        at,
        reverses: reverses === undefined ? undefined : Number(reverses),
      });
    }
    return items.length;
  });
}

/** The hiding threshold is the animators' (and admins') to set. */
export async function requireSettingsEditor(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireModerator(s, viewer, ref);
  if (!canManageCommunity(access)) throw new AppError('forbidden');
  return access;
}

/** The communities where the viewer is an active member: where a profile or message may go. */
export function flagCommunitiesOf(s: Store, viewer: Viewer) {
  return store.activeCommunitiesOf(s.db, viewer.id);
}
