import { topicPath } from '../conversations/index.js';
import type { AnnouncementRow } from './store.js';
import { localOf } from './time.js';

function iso(at: number | null): string | null {
  return at === null ? null : new Date(Number(at)).toISOString();
}

/** An announcement as the API gives it; times also in the community's zone. */
export function presentAnnouncement(
  a: AnnouncementRow,
  community: { slug: string; time_zone: string },
) {
  const at = a.published_at ?? a.scheduled_at;
  return {
    id: Number(a.id),
    communityId: Number(a.community_id),
    groupId: a.group_id === null ? null : Number(a.group_id),
    title: a.title,
    body: a.body,
    state: a.state,
    scheduledAt: iso(a.scheduled_at),
    scheduledLocal: at === null ? null : localOf(Number(at), community.time_zone),
    timeZone: community.time_zone,
    pinDays: Number(a.pin_days),
    pinnedUntil: iso(a.pinned_until),
    asTeam: a.team_id === null ? null : Number(a.team_id),
    authorId: Number(a.author_id),
    publishedAt: iso(a.published_at),
    topic:
      a.topic_id === null
        ? null
        : { id: Number(a.topic_id), href: topicPath(community.slug, Number(a.topic_id)) },
    failure: a.failure,
  };
}
