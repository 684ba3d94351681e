import { findUsersByIds } from '../accounts/index.js';
import { recordActivity, recordAnonymousVisit, type Visitor } from '../activity/index.js';
import {
  canModerateCommunity,
  canPostInCommunity,
  isActiveMember,
  readableGroupIdsIn,
  requireReadableGroup,
} from '../communities/index.js';
import { now, type Db, type Store } from '../db/index.js';
import { recordTeamPost, requireVoice, voicesIn, voicesOfPosts } from '../teams/index.js';
import { checkPostAllowance } from '../trust/index.js';
import { AppError, forbidden, type Viewer } from '../http/index.js';
import { renderMarkdown, toPlainText } from '../markdown/index.js';
import {
  indexDocument,
  removeDocument,
  removeTopicDocuments,
  retitleTopicReplies,
  setTopicSolved,
} from '../search/index.js';
import { checkWatchWords, recordWatchMatches, refuseBlocked } from '../watch-words/index.js';
import { requireReadableCommunity, requireReadableTopic, type TopicAccess } from './access.js';
import {
  canAcceptAnswer,
  canChangePost,
  canPostIn,
  canReact,
  canReadReply,
  canReadRevisions,
  canReply,
} from './policy.js';
import type { DeletionInput, ReactionKind, ReplyInput, TopicInput, TopicPatch } from './schemas.js';
import { newlyMentioned, recordMentions } from './mentions.js';
import { withBodyHtml } from './render-queue.js';
import { replyDocument, topicDocument } from './search-documents.js';
import * as store from './store.js';

/** Where a topic lives, for its activity rows: community, group and the topic itself. */
function topicScope(topic: { id: number; community_id: number; group_id: number | null }) {
  return { communityId: topic.community_id, groupId: topic.group_id, topicId: topic.id };
}

/** A post's author as pages show them (absent for an author since removed). */
async function authorOf(s: Store, userId: number) {
  const [row] = await findUsersByIds(s.db, [userId]);
  return row
    ? { handle: row.handle, displayName: row.display_name, deletedAt: row.deleted_at }
    : undefined;
}

function groupUnavailable(): AppError {
  return new AppError('not_found', {
    field: 'groupId',
    messageKey: 'conversations.compose.groupUnavailable',
  });
}

function postingDenied(t: Pick<TopicAccess, 'access'>): AppError {
  if (isActiveMember(t.access)) return new AppError('charter_outdated');
  return forbidden('conversations.mustJoin');
}

async function indexTopic(
  trx: Db,
  s: Store,
  topic: {
    id: number;
    community_id: number;
    group_id: number | null;
    kind: string;
    accepted_reply_id: number | null;
    title: string;
    body: string;
    created_at: number;
  },
) {
  await indexDocument(trx, s.dialect, topicDocument(topic, toPlainText(topic.body)));
}

export async function listTopics(
  s: Store,
  viewer: Viewer | null,
  communityId: number,
  q: { groupId?: number | undefined; limit: number; offset: number },
) {
  const access = await requireReadableCommunity(s.db, viewer, communityId);
  if (q.groupId !== undefined) await requireReadableGroup(s.db, access, viewer, q.groupId);
  const readableGroupIds =
    q.groupId === undefined ? await readableGroupIdsIn(s, access, viewer) : [];
  const topics = await store.listTopics(s.db, {
    communityId,
    groupId: q.groupId,
    readableGroupIds,
    limit: q.limit,
    offset: q.offset,
    readerId: viewer?.id ?? null,
    isStaff: canModerateCommunity(access),
  });
  return { access, topics };
}

/**
 * What a feature adds to a topic's creation: announcements (src/announcements) publish as a
 * topic of their own kind and mark themselves published in the topic's transaction.
 */
export interface TopicPublication {
  kind: 'announcement';
  /** Runs in the topic's transaction after its writes; throwing undoes the whole topic. */
  within(trx: Db, topicId: number, at: number): Promise<void>;
}

/** The rules a post is held to besides access: the new-account limits by trust level. */
export interface PostRules {
  /** TRUST_LIMITS (src/trust/): off in most tests. */
  trustLimits: boolean;
}

export async function createTopic(
  s: Store,
  viewer: Viewer,
  communityId: number,
  input: TopicInput,
  publication?: TopicPublication,
  rules: PostRules = { trustLimits: true },
): Promise<number> {
  const access = await requireReadableCommunity(s.db, viewer, communityId);
  const group = input.groupId
    ? await requireReadableGroup(s.db, access, viewer, input.groupId).catch((err: unknown) => {
        // Still a 404 (a hidden group is a missing one), but about the field that named it.
        if (err instanceof AppError && err.code === 'not_found') throw groupUnavailable();
        throw err;
      })
    : undefined;
  if (group && canPostInCommunity(access) && !canPostIn(access, group)) throw groupUnavailable();
  if (!canPostIn(access, group)) throw postingDenied({ access });
  // As a team: the team's account is the author everywhere; the audit row keeps the animator.
  const voice =
    input.asTeam === undefined ? undefined : await requireVoice(s.db, viewer, input.asTeam, access);
  const authorId = voice?.accountId ?? viewer.id;
  // Staff too: a word the community refuses is refused from everyone (docs/moderation.md).
  const watched = await checkWatchWords(s.db, communityId, [input.title, input.body]);
  refuseBlocked(watched, ['title', 'body']);
  const mentioned = await newlyMentioned(s.db, authorId, input.body);
  const kind = publication?.kind ?? input.kind;
  const at = now();
  // Staff of the community, admins and team voices are held to no new-account limit.
  const isExempt = voice !== undefined || canModerateCommunity(access);
  await checkPostAllowance(s.db, { userId: authorId, isExempt }, input.body, at, rules.trustLimits);
  return s.db.transaction().execute(async (trx) => {
    const row = {
      community_id: communityId,
      group_id: group?.group.id ?? null,
      title: input.title,
      body: input.body,
      created_at: at,
    };
    const id = await store.insertTopic(trx, {
      communityId,
      groupId: row.group_id,
      authorId,
      kind,
      title: input.title,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      at,
    });
    if (voice) await recordTeamPost(trx, voice, 'topic', id, at);
    await recordActivity(trx, {
      actorId: authorId,
      communityId,
      groupId: row.group_id,
      topicId: id,
      kind: 'topic.created',
      detail: kind,
      targetKind: 'topic',
      targetId: id,
      at,
    });
    await recordMentions(
      trx,
      { communityId, groupId: row.group_id, topicId: id, replyId: null },
      authorId,
      mentioned,
      at,
    );
    await indexTopic(trx, s, { id, ...row, kind, accepted_reply_id: null });
    await recordWatchMatches(trx, { communityId, kind: 'topic', id }, watched, at);
    await publication?.within(trx, id, at);
    return id;
  });
}

export async function getTopic(
  s: Store,
  viewer: Viewer | null,
  topicId: number,
  options: {
    countVisit?: boolean;
    anonymous?: Visitor;
    /** An anonymous visit that could not be counted (a busy database): the page is served. */
    onUncounted?: (err: unknown) => void;
  } = {},
) {
  const t = await requireReadableTopic(s.db, viewer, topicId);
  const isStaff = canModerateCommunity(t.access);
  // A reply hidden pending review (src/moderation): its author and the staff read it, marked;
  // everyone else gets only its place, with no text ("masked").
  const replies = (await store.listReplies(s.db, topicId)).map((r) => {
    const review: 'none' | 'shown' | 'masked' =
      r.hidden_at === null ? 'none' : r.author_id === viewer?.id || isStaff ? 'shown' : 'masked';
    return review === 'masked' ? { ...r, body: '', body_html: '', review } : { ...r, review };
  });
  const reactions = await store.reactionsFor(
    s.db,
    topicId,
    replies.map((r) => r.id),
    viewer?.id ?? null,
  );
  const author = await authorOf(s, t.topic.author_id);
  const [topicVoice, replyVoices, myTeams] = await Promise.all([
    voicesOfPosts(s.db, 'topic', [t.topic]),
    voicesOfPosts(s.db, 'reply', replies),
    viewer ? voicesIn(s.db, viewer, t.access) : [],
  ]);
  if (viewer && options.countVisit) {
    // A signed-in read is a visit: what tells lurkers from the dormant in the analytics.
    await recordActivity(s.db, {
      ...topicScope(t.topic),
      actorId: viewer.id,
      kind: 'content.viewed',
      targetKind: 'topic',
      targetId: topicId,
      at: now(),
    });
  } else if (!viewer && options.countVisit && options.anonymous) {
    // Only what anyone may read gets here: requireReadableTopic has checked. Losing one count
    // beats failing a reader's page.
    await recordAnonymousVisit(
      s,
      { communityId: t.topic.community_id, groupId: t.topic.group_id },
      options.anonymous,
      now(),
    ).catch((err: unknown) => options.onUncounted?.(err));
  }
  // Imported posts the render queue has not reached yet are rendered for this reader.
  return {
    ...t,
    topic: withBodyHtml(t.topic),
    author,
    replies: replies.map(withBodyHtml),
    reactions,
    voices: { topic: topicVoice.get(t.topic.id), replies: replyVoices, myTeams },
  };
}

export async function editTopic(
  s: Store,
  viewer: Viewer,
  topicId: number,
  patch: TopicPatch,
): Promise<void> {
  const t = await requireReadableTopic(s.db, viewer, topicId);
  if (!canChangePost(t.access, viewer, t.topic.author_id)) throw forbidden();
  const watched = await checkWatchWords(s.db, t.topic.community_id, [
    patch.title ?? t.topic.title,
    patch.body ?? t.topic.body,
  ]);
  refuseBlocked(watched, ['title', 'body']);
  const mentioned =
    patch.body === undefined ? [] : await newlyMentioned(s.db, viewer.id, patch.body, t.topic.body);
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.insertRevision(trx, {
      targetKind: 'topic',
      targetId: topicId,
      title: t.topic.title,
      body: t.topic.body,
      editedBy: viewer.id,
      at,
    });
    const title = patch.title ?? t.topic.title;
    const body = patch.body ?? t.topic.body;
    await store.updateTopic(trx, topicId, {
      title,
      body,
      body_html: renderMarkdown(body),
      updated_at: at,
    });
    await recordActivity(trx, {
      ...topicScope(t.topic),
      actorId: viewer.id,
      kind: 'topic.edited',
      targetKind: 'topic',
      targetId: topicId,
      at,
    });
    await recordMentions(trx, { ...topicScope(t.topic), replyId: null }, viewer.id, mentioned, at);
    await recordWatchMatches(
      trx,
      { communityId: t.topic.community_id, kind: 'topic', id: topicId },
      watched,
      at,
    );
    // A topic hidden pending review stays out of search until it is shown again (src/moderation).
    if (t.topic.hidden_at === null) {
      await indexTopic(trx, s, { ...t.topic, title, body });
      // Replies are found under their topic's title: a new title is theirs too.
      if (title !== t.topic.title) await retitleTopicReplies(trx, s.dialect, topicId, title);
    }
  });
}

/** A topic its author or the community's staff may change (edit or delete), with its author. */
// The edit or delete page of a post the viewer may not change does not exist for them: 404, not
// a form whose saving would fail.
export async function getTopicToChange(s: Store, viewer: Viewer, topicId: number) {
  const t = await requireReadableTopic(s.db, viewer, topicId);
  if (!canChangePost(t.access, viewer, t.topic.author_id)) throw new AppError('not_found');
  return { ...t, author: await authorOf(s, t.topic.author_id) };
}

/** Deletes a topic; a reason, if given, is kept with the deletion (issue 21, item 29). */
export async function deleteTopic(
  s: Store,
  viewer: Viewer,
  topicId: number,
  input: DeletionInput = {},
): Promise<void> {
  const t = await requireReadableTopic(s.db, viewer, topicId);
  if (!canChangePost(t.access, viewer, t.topic.author_id)) throw forbidden();
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.updateTopic(trx, topicId, {
      deleted_at: at,
      deletion_reason: input.reason ?? null,
    });
    await recordActivity(trx, {
      ...topicScope(t.topic),
      actorId: viewer.id,
      kind: 'topic.deleted',
      targetKind: 'topic',
      targetId: topicId,
      at,
    });
    await removeTopicDocuments(trx, s.dialect, topicId);
  });
}

export async function createReply(
  s: Store,
  viewer: Viewer,
  topicId: number,
  input: ReplyInput,
  rules: PostRules = { trustLimits: true },
): Promise<number> {
  const t = await requireReadableTopic(s.db, viewer, topicId);
  if (!canReply(t.access, t.group)) throw postingDenied(t);
  if (input.parentReplyId) {
    const parent = await store.findReply(s.db, input.parentReplyId);
    if (parent?.topic_id !== topicId)
      throw new AppError('invalid_input', {
        field: 'parentReplyId',
        messageKey: 'error.invalid_input.invalid',
        params: { field: 'parentReplyId' },
      });
  }
  const voice =
    input.asTeam === undefined
      ? undefined
      : await requireVoice(s.db, viewer, input.asTeam, t.access);
  const authorId = voice?.accountId ?? viewer.id;
  const watched = await checkWatchWords(s.db, t.topic.community_id, [input.body]);
  refuseBlocked(watched, ['body']);
  const mentioned = await newlyMentioned(s.db, authorId, input.body);
  const at = now();
  const isExempt = voice !== undefined || canModerateCommunity(t.access);
  await checkPostAllowance(s.db, { userId: authorId, isExempt }, input.body, at, rules.trustLimits);
  return s.db.transaction().execute(async (trx) => {
    const id = await store.insertReply(trx, {
      topicId,
      parentReplyId: input.parentReplyId ?? null,
      authorId,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      at,
    });
    await store.bumpReplyCount(trx, topicId, 1, at);
    if (voice) await recordTeamPost(trx, voice, 'reply', id, at);
    await recordActivity(trx, {
      ...topicScope(t.topic),
      actorId: authorId,
      kind: 'reply.created',
      targetKind: 'reply',
      targetId: id,
      inReplyTo: input.parentReplyId ?? null,
      at,
    });
    await recordMentions(trx, { ...topicScope(t.topic), replyId: id }, authorId, mentioned, at);
    await recordWatchMatches(
      trx,
      { communityId: t.topic.community_id, kind: 'reply', id },
      watched,
      at,
    );
    if (t.topic.hidden_at === null)
      await indexDocument(
        trx,
        s.dialect,
        replyDocument(
          { ...t.topic, id, topic_id: topicId, created_at: at },
          toPlainText(input.body),
        ),
      );
    return id;
  });
}

async function requireReplyInReadableTopic(s: Store, viewer: Viewer | null, replyId: number) {
  const unsafeReply = await store.findReply(s.db, replyId);
  if (!unsafeReply) throw new AppError('not_found');
  const t = await requireReadableTopic(s.db, viewer, unsafeReply.topic_id);
  if (!canReadReply(t.access, t.group, t.topic, unsafeReply, viewer?.id ?? null))
    throw new AppError('not_found');
  return { reply: unsafeReply, ...t };
}

export async function editReply(
  s: Store,
  viewer: Viewer,
  replyId: number,
  body: string,
): Promise<number> {
  const r = await requireReplyInReadableTopic(s, viewer, replyId);
  if (!canChangePost(r.access, viewer, r.reply.author_id)) throw forbidden();
  const watched = await checkWatchWords(s.db, r.topic.community_id, [body]);
  refuseBlocked(watched, ['body']);
  const mentioned = await newlyMentioned(s.db, viewer.id, body, r.reply.body);
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.insertRevision(trx, {
      targetKind: 'reply',
      targetId: replyId,
      title: null,
      body: r.reply.body,
      editedBy: viewer.id,
      at,
    });
    await store.updateReply(trx, replyId, {
      body,
      body_html: renderMarkdown(body),
      updated_at: at,
    });
    await recordActivity(trx, {
      ...topicScope(r.topic),
      actorId: viewer.id,
      kind: 'reply.edited',
      targetKind: 'reply',
      targetId: replyId,
      at,
    });
    await recordMentions(trx, { ...topicScope(r.topic), replyId }, viewer.id, mentioned, at);
    await recordWatchMatches(
      trx,
      { communityId: r.topic.community_id, kind: 'reply', id: replyId },
      watched,
      at,
    );
    if (r.topic.hidden_at === null && r.reply.hidden_at === null)
      await indexDocument(
        trx,
        s.dialect,
        replyDocument(
          { ...r.topic, id: replyId, topic_id: r.topic.id, created_at: r.reply.created_at },
          toPlainText(body),
        ),
      );
  });
  return r.topic.id;
}

export async function deleteReply(
  s: Store,
  viewer: Viewer,
  replyId: number,
  input: DeletionInput = {},
): Promise<number> {
  const r = await requireReplyInReadableTopic(s, viewer, replyId);
  if (!canChangePost(r.access, viewer, r.reply.author_id)) throw forbidden();
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.updateReply(trx, replyId, {
      deleted_at: at,
      deletion_reason: input.reason ?? null,
    });
    await store.bumpReplyCount(trx, r.topic.id, -1, null);
    await store.restoreLastActivity(trx, r.topic.id);
    if (r.topic.accepted_reply_id === replyId) {
      await store.updateTopic(trx, r.topic.id, { accepted_reply_id: null });
      await setTopicSolved(trx, r.topic.id, false);
    }
    await recordActivity(trx, {
      ...topicScope(r.topic),
      actorId: viewer.id,
      kind: 'reply.deleted',
      targetKind: 'reply',
      targetId: replyId,
      at,
    });
    await removeDocument(trx, s.dialect, 'reply', replyId);
  });
  return r.topic.id;
}

/** The asker, or an animator, marks which reply answered a question. */
export async function acceptReply(
  s: Store,
  viewer: Viewer,
  topicId: number,
  replyId: number | null,
): Promise<void> {
  const t = await requireReadableTopic(s.db, viewer, topicId);
  if (!canAcceptAnswer(t.access, viewer, t.topic)) throw forbidden();
  if (t.topic.kind !== 'question')
    throw new AppError('conflict', { messageKey: 'conversations.accept.notQuestion' });
  if (replyId !== null) {
    const reply = await store.findReply(s.db, replyId);
    if (reply?.topic_id !== topicId) throw new AppError('not_found');
  }
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    await store.updateTopic(trx, topicId, { accepted_reply_id: replyId });
    await setTopicSolved(trx, topicId, replyId !== null);
    await recordActivity(trx, {
      ...topicScope(t.topic),
      actorId: viewer.id,
      kind: replyId !== null ? 'answer.accepted' : 'answer.unaccepted',
      targetKind: 'reply',
      targetId: replyId ?? t.topic.accepted_reply_id,
      at,
    });
  });
}

/** Reacting needs membership; "merci" is a reaction like the others, counted apart in analytics. */
export async function setReaction(
  s: Store,
  viewer: Viewer,
  target: { kind: 'topic' | 'reply'; id: number },
  reaction: ReactionKind,
  on: boolean,
): Promise<number> {
  const t =
    target.kind === 'topic'
      ? await requireReadableTopic(s.db, viewer, target.id)
      : await requireReplyInReadableTopic(s, viewer, target.id);
  if (!canReact(t.access)) throw forbidden('conversations.mustJoin');
  const at = now();
  await s.db.transaction().execute(async (trx) => {
    const key = { targetKind: target.kind, targetId: target.id, userId: viewer.id, kind: reaction };
    const changed = on
      ? await store.insertReaction(trx, { ...key, at })
      : await store.deleteReaction(trx, key);
    if (changed) {
      await recordActivity(trx, {
        ...topicScope(t.topic),
        actorId: viewer.id,
        kind: on ? 'reaction.added' : 'reaction.removed',
        targetKind: target.kind,
        targetId: target.id,
        inReplyTo: target.kind === 'reply' ? target.id : null,
        detail: reaction,
        at,
      });
    }
  });
  return t.topic.id;
}

export async function listRevisions(
  s: Store,
  viewer: Viewer | null,
  target: { kind: 'topic' | 'reply'; id: number },
) {
  let authorId: number;
  let access: TopicAccess['access'];
  if (target.kind === 'topic') {
    const t = await requireReadableTopic(s.db, viewer, target.id);
    [authorId, access] = [t.topic.author_id, t.access];
  } else {
    const r = await requireReplyInReadableTopic(s, viewer, target.id);
    [authorId, access] = [r.reply.author_id, r.access];
  }
  if (!canReadRevisions(access, viewer, authorId)) throw new AppError('not_found');
  return store.listRevisions(s.db, target.kind, target.id);
}

export async function getReplyForEdit(s: Store, viewer: Viewer, replyId: number) {
  const r = await requireReplyInReadableTopic(s, viewer, replyId);
  if (!canChangePost(r.access, viewer, r.reply.author_id)) throw new AppError('not_found');
  return { ...r, author: await authorOf(s, r.reply.author_id) };
}
