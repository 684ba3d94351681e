import { memberNameText, userPath } from '../accounts/index.js';
import type { Translate } from '../i18n/index.js';
import {
  badgesPath,
  communityPath,
  conversationPath,
  groupPath,
  replyBoxPath,
  replyPath,
  spotlightPath,
  topicPath,
} from './paths.js';
import type { NotificationView } from './service.js';

/** A notification as the API, the page and live updates give it. */
export interface PresentedNotification {
  id: number;
  kind: NotificationView['kind'];
  read: boolean;
  at: string;
  text: string;
  href: string;
  actor: { handle: string; displayName: string } | null;
  others: number;
  communityId: number | null;
  groupId: number | null;
  topicId: number | null;
  replyId: number | null;
  conversationId: number | null;
}

/** The sentence a person would write: "Julie a répondu à votre question « … »". */
function textOf(t: Translate, v: NotificationView): string {
  const { row } = v;
  const name = v.actor ? memberNameText(t, v.actor) : t('notifications.someone');
  const title = v.topic?.title ?? '';
  const topicKind = v.topic?.kind ?? 'discussion';
  const others = Math.max(0, row.actor_count - 1);
  const place = v.names?.group?.name ?? v.names?.community.name ?? '';
  switch (v.kind) {
    case 'mention':
      return t('notifications.text.mention', { name, title });
    case 'topic_reply':
      return t('notifications.text.topicReply', { name, title, topicKind });
    case 'reply_reply':
      return t('notifications.text.replyReply', { name, title });
    case 'thanks':
      return t(
        row.reply_id === null ? 'notifications.text.thanksTopic' : 'notifications.text.thanksReply',
        { name, title, others },
      );
    case 'answer_accepted':
      return t('notifications.text.accepted', { name, title });
    case 'message':
      return t('notifications.text.message', { name, others });
    case 'request_approved':
      return t(
        row.group_id === null
          ? 'notifications.text.approvedCommunity'
          : 'notifications.text.approvedGroup',
        { place },
      );
    case 'invited':
      return t('notifications.text.invited', { name, place });
    case 'watched_topic':
      return t('notifications.text.watchedTopic', { name, title, topicKind, place });
    case 'watched_reply':
      return t('notifications.text.watchedReply', { name, title });
    case 'badge_awarded':
      return t('notifications.text.badge', { badge: badgeNameOf(t, row.subject), place });
    case 'spotlight_proposed':
      return t('notifications.text.spotlight', { name, place });
    case 'buddy_assigned':
      return t('notifications.text.buddyAssigned', { name, place });
    case 'buddy_introduced':
      return t('notifications.text.buddyIntroduced', { name, place });
    case 'first_post_unanswered':
      return t('notifications.text.firstPostUnanswered', { name, title, place });
    case 'announcement':
      return t('notifications.text.announcement', { name, title, place });
    case 'crisis_started':
      return row.topic_id === null
        ? t('notifications.text.crisisCommunity', {
            place,
            automatic: v.actor ? 'no' : 'yes',
            name,
          })
        : t('notifications.text.crisisTopic', {
            title,
            place,
            automatic: v.actor ? 'no' : 'yes',
            name,
          });
  }
}

/** The badge's name, from its subject "badge:<community>:<badge>" (src/notifications/plan.ts). */
function badgeNameOf(t: Translate, subject: string): string {
  return t(`recognition.badge.${subject.split(':')[2] ?? ''}.name`);
}

function hrefOf(v: NotificationView): string {
  const { row, names } = v;
  if (row.conversation_id !== null) return conversationPath(row.conversation_id);
  const slug = names?.community.slug ?? '';
  if (v.kind === 'badge_awarded') return badgesPath(slug);
  // An introduction leads to the other person's profile.
  if ((v.kind === 'buddy_assigned' || v.kind === 'buddy_introduced') && v.actor)
    return userPath(v.actor.handle);
  // Straight to the reply box: the point is to answer.
  if (v.kind === 'first_post_unanswered' && row.topic_id !== null)
    return replyBoxPath(slug, row.topic_id);
  // To the crisis page: the restrictions in force, renew or end.
  if (v.kind === 'crisis_started') return `${communityPath(slug)}/crisis`;
  if (v.kind === 'spotlight_proposed') return spotlightPath(Number(row.subject.split(':')[1]));
  if (row.topic_id !== null)
    return row.reply_id === null
      ? topicPath(slug, row.topic_id)
      : replyPath(slug, row.topic_id, row.reply_id);
  return names?.group ? groupPath(slug, names.group.slug) : communityPath(slug);
}

export function presentNotification(t: Translate, v: NotificationView): PresentedNotification {
  const { row } = v;
  return {
    id: row.id,
    kind: v.kind,
    read: row.read_at !== null,
    at: new Date(row.updated_at).toISOString(),
    text: textOf(t, v),
    href: hrefOf(v),
    actor:
      v.actor && v.actor.deletedAt === null
        ? { handle: v.actor.handle, displayName: v.actor.displayName }
        : null,
    others: Math.max(0, row.actor_count - 1),
    communityId: row.community_id,
    groupId: row.group_id,
    topicId: row.topic_id,
    replyId: row.reply_id,
    conversationId: row.conversation_id,
  };
}
