import { recordActivity } from '../activity/index.js';
import { buddiesOfNewcomers } from '../buddies/index.js';
import {
  canManageCommunity,
  requireVisibleCommunity,
  type CommunityAccess,
} from '../communities/index.js';
import { filterReaders } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import * as store from './store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Only first posts of these last days are considered: switching the alert on, or a first run on
 * an old community, does not flood the animators with months of history.
 */
export const WINDOW_DAYS = 7;
/** The longest wait an animator may choose; past it, the window above would miss the post. */
export const MAX_HOURS = 72;

export interface AlertSetting {
  enabled: boolean;
  hours: number;
}

/** Only the community's animators and admins; everyone else gets the 404 of a missing page. */
export async function requireAnimator(
  s: Store,
  viewer: Viewer,
  ref: { slug: string } | { id: number },
): Promise<CommunityAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (!canManageCommunity(access)) throw new AppError('not_found');
  return access;
}

export async function alertSettingOf(s: Store, access: CommunityAccess): Promise<AlertSetting> {
  const row = await store.settingOf(s.db, access.community.id);
  return row
    ? { enabled: row.enabled === 1, hours: Number(row.hours) }
    : { enabled: true, hours: store.DEFAULT_HOURS };
}

/** An animator switches the alert on or off, or changes its wait (whole hours, 1 to 72). */
export async function saveAlertSetting(
  s: Store,
  viewer: Viewer,
  access: CommunityAccess,
  input: AlertSetting,
): Promise<AlertSetting> {
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > MAX_HOURS)
    throw new AppError('invalid_input', {
      field: 'hours',
      messageKey: 'firstPostAlert.error.hours',
      params: { max: MAX_HOURS },
    });
  await store.saveSetting(s.db, {
    community_id: access.community.id,
    enabled: input.enabled ? 1 : 0,
    hours: input.hours,
    updated_by: viewer.id,
    updated_at: now(),
  });
  return alertSettingOf(s, access);
}

/** One alert sent: whose first post, and who was told. */
export interface Alerted {
  communityId: number;
  memberId: number;
  post: { kind: 'topic' | 'reply'; id: number };
  recipientIds: number[];
}

/**
 * Alerts the animators and the buddy of each newcomer whose first post has had no response from
 * anyone else for the community's hours (at `at`). Each alert commits with its log rows (one per
 * member told, which the notifications' consumer turns into notifications); the unique key of
 * `first_post_alerts` makes a second run, or another instance, alert nothing twice. Only members
 * who may read the post are told (a private group's post reaches no buddy outside the group).
 */
export async function alertUnansweredFirstPosts(s: Store, at: number): Promise<Alerted[]> {
  const since = at - WINDOW_DAYS * DAY;
  const alerted: Alerted[] = [];
  for (const { id: communityId, hours } of await store.communitiesAlerting(s.db)) {
    const waiting = await store.waitingFirstPosts(s.db, communityId, since, at - hours * HOUR);
    if (waiting.length === 0) continue;
    const posts = waiting.flatMap((r) =>
      r.actor_id === null || r.target_id === null
        ? []
        : [
            {
              memberId: Number(r.actor_id),
              kind: r.target_kind === 'topic' ? ('topic' as const) : ('reply' as const),
              id: Number(r.target_id),
              topicId: Number(r.topic_id ?? r.target_id),
              groupId: r.group_id === null ? null : Number(r.group_id),
            },
          ],
    );
    const answered = await store.answeredPosts(s.db, communityId, posts, since);
    const animators = await store.animatorIdsOf(s.db, communityId);
    // The buddies feature keeps who accompanies whom: one query for the community's posts.
    const buddies = await buddiesOfNewcomers(
      s.db,
      communityId,
      posts.map((p) => p.memberId),
    );
    for (const post of posts) {
      if (answered.has(post.memberId)) continue;
      const buddy = buddies.get(post.memberId)?.id;
      const wanted = [...new Set([...animators, ...(buddy === undefined ? [] : [buddy])])].filter(
        (id) => id !== post.memberId,
      );
      const readers = await filterReaders(
        s.db,
        wanted,
        post.kind === 'topic' ? { topicId: post.id } : { replyId: post.id },
      );
      const recipientIds = wanted.filter((id) => readers.has(id));
      const claimed = await s.db.transaction().execute(async (trx) => {
        const isOurs = await store.claimAlert(trx, {
          community_id: communityId,
          member_id: post.memberId,
          post_kind: post.kind,
          post_id: post.id,
          alerted_at: at,
          recipients: recipientIds.length,
        });
        if (!isOurs) return false;
        for (const userId of recipientIds)
          await recordActivity(trx, {
            actorId: null,
            communityId,
            groupId: post.groupId,
            kind: 'first_post.unanswered',
            targetKind: 'user',
            targetId: userId,
            topicId: post.topicId,
            inReplyTo: post.kind === 'reply' ? post.id : null,
            detail: String(post.memberId),
            at,
          });
        return true;
      });
      if (claimed)
        alerted.push({
          communityId,
          memberId: post.memberId,
          post: { kind: post.kind, id: post.id },
          recipientIds,
        });
    }
  }
  return alerted;
}
