import {
  canManageCommunity,
  groupsAnimatedBy,
  isActiveMember,
  requireVisibleCommunity,
  setCommunityTimeZone,
  requireVisibleGroup,
  type CommunityAccess,
} from '../communities/index.js';
import { topicTitles } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import { AppError, type Viewer } from '../http/index.js';
import { requireVoice } from '../teams/index.js';
import type { AnnouncementInput, AnnouncementPatch } from './schemas.js';
import * as store from './store.js';
import type { AnnouncementRow } from './store.js';
import { instantOfLocal, isTimeZone } from './time.js';

type Ref = { slug: string } | { id: number };

/** A community's calendar as one animator may use it. */
export interface CalendarAccess extends CommunityAccess {
  /** The groups a group's animator writes for; null: the community's animators, all of it. */
  animatedGroupIds: number[] | null;
}

/**
 * The community's calendar: its animators and admins, and the animators of its groups for their
 * groups only; everyone else gets a 404.
 */
export async function requireCalendar(s: Store, viewer: Viewer, ref: Ref): Promise<CalendarAccess> {
  const access = await requireVisibleCommunity(s.db, viewer, ref);
  if (canManageCommunity(access)) return { ...access, animatedGroupIds: null };
  const groupIds = isActiveMember(access)
    ? await groupsAnimatedBy(s.db, access.community.id, viewer.id)
    : [];
  if (groupIds.length === 0) throw new AppError('not_found');
  return { ...access, animatedGroupIds: groupIds };
}

/** Whether this animator may see and write an announcement of this place. */
export function isTheirs(access: CalendarAccess, groupId: number | null): boolean {
  return (
    access.animatedGroupIds === null ||
    (groupId !== null && access.animatedGroupIds.includes(Number(groupId)))
  );
}

function theirs(access: CalendarAccess, rows: AnnouncementRow[]): AnnouncementRow[] {
  return rows.filter((r) => isTheirs(access, r.group_id));
}

/** An announcement, for the animators of its community; anyone else: the 404 of a missing one. */
export async function getAnnouncement(s: Store, viewer: Viewer, id: number) {
  const unsafeAnnouncement = await store.findAnnouncement(s.db, id);
  if (!unsafeAnnouncement) throw new AppError('not_found');
  const access = await requireCalendar(s, viewer, { id: Number(unsafeAnnouncement.community_id) });
  if (!isTheirs(access, unsafeAnnouncement.group_id)) throw new AppError('not_found');
  return { access, announcement: unsafeAnnouncement };
}

/** "YYYY-MM-DDTHH:mm" in the community's zone → an instant in the future; else a clear error. */
function scheduleOf(access: CommunityAccess, local: string, at: number): number {
  const instant = instantOfLocal(local, access.community.time_zone);
  if (instant === null)
    throw new AppError('invalid_input', {
      field: 'scheduleAt',
      messageKey: 'announcements.error.scheduleFormat',
    });
  if (instant <= at)
    throw new AppError('invalid_input', {
      field: 'scheduleAt',
      messageKey: 'announcements.error.schedulePast',
    });
  return instant;
}

async function checkPlace(
  s: Store,
  viewer: Viewer,
  access: CalendarAccess,
  place: { groupId: number | null; asTeam: number | null },
) {
  if (!isTheirs(access, place.groupId))
    throw new AppError('invalid_input', {
      field: 'groupId',
      messageKey: 'announcements.error.yourGroups',
    });
  if (place.groupId !== null)
    await requireVisibleGroup(s.db, access, viewer, { id: place.groupId }).catch(() => {
      throw new AppError('invalid_input', {
        field: 'groupId',
        messageKey: 'announcements.error.group',
      });
    });
  if (place.asTeam !== null) await requireVoice(s.db, viewer, place.asTeam, access);
}

/**
 * An animator writes an announcement: a draft, or scheduled when it has a time (which must be
 * to come). Everything is checked before anything is written.
 */
export async function createAnnouncement(
  s: Store,
  viewer: Viewer,
  access: CalendarAccess,
  input: AnnouncementInput,
): Promise<AnnouncementRow> {
  const at = now();
  const groupId = input.groupId ?? null;
  const asTeam = input.asTeam ?? null;
  await checkPlace(s, viewer, access, { groupId, asTeam });
  const local = input.scheduleAt ?? '';
  const scheduledAt = local === '' ? null : scheduleOf(access, local, at);
  return store.insertAnnouncement(s.db, {
    community_id: access.community.id,
    group_id: groupId,
    author_id: viewer.id,
    team_id: asTeam,
    title: input.title,
    body: input.body,
    state: scheduledAt === null ? 'draft' : 'scheduled',
    scheduled_at: scheduledAt,
    pin_days: input.pinDays ?? 0,
    created_at: at,
  });
}

/**
 * Changes a draft or a scheduled announcement: its text, place, voice, pin, or its time (moving
 * it in the calendar; an empty time takes it back to the drafts). Published ones are topics now.
 */
export async function updateAnnouncement(
  s: Store,
  viewer: Viewer,
  id: number,
  patch: AnnouncementPatch,
): Promise<AnnouncementRow> {
  const { access, announcement } = await getAnnouncement(s, viewer, id);
  if (announcement.state === 'published') throw published();
  const at = now();
  const groupId = patch.groupId === undefined ? announcement.group_id : patch.groupId;
  const asTeam = patch.asTeam === undefined ? announcement.team_id : patch.asTeam;
  if (patch.groupId !== undefined || patch.asTeam !== undefined)
    await checkPlace(s, viewer, access, {
      groupId,
      asTeam: patch.asTeam === undefined ? null : asTeam,
    });
  let schedule: { state: 'draft' | 'scheduled'; scheduled_at: number | null } | undefined;
  if (patch.scheduleAt !== undefined) {
    const local = patch.scheduleAt ?? '';
    const scheduledAt = local === '' ? null : scheduleOf(access, local, at);
    schedule = { state: scheduledAt === null ? 'draft' : 'scheduled', scheduled_at: scheduledAt };
  }
  const changes = {
    ...(patch.title === undefined ? {} : { title: patch.title }),
    ...(patch.body === undefined ? {} : { body: patch.body }),
    group_id: groupId,
    team_id: asTeam,
    ...(patch.pinDays === undefined ? {} : { pin_days: patch.pinDays }),
    ...(schedule ?? {}),
    ...(schedule ? { failure: null } : {}),
    updated_at: at,
  };
  if (!(await store.updateUnpublished(s.db, id, changes))) throw published();
  return { ...announcement, ...changes };
}

function published(): AppError {
  return new AppError('conflict', { messageKey: 'announcements.error.published' });
}

/** Deletes a draft or a scheduled announcement (a published one is a topic: delete that). */
export async function deleteAnnouncement(s: Store, viewer: Viewer, id: number): Promise<void> {
  const { announcement } = await getAnnouncement(s, viewer, id);
  if (announcement.state === 'published') throw published();
  if (!(await store.deleteUnpublished(s.db, id))) throw published();
}

export async function listAnnouncements(
  s: Store,
  access: CalendarAccess,
  state?: AnnouncementRow['state'],
) {
  const states: AnnouncementRow['state'][] = state ? [state] : ['draft', 'scheduled', 'published'];
  return theirs(access, await store.listOf(s.db, access.community.id, states));
}

/** What went out and what is scheduled in [from, to), and the drafts. */
export async function calendarOf(s: Store, access: CalendarAccess, from: number, to: number) {
  const [items, drafts] = await Promise.all([
    store.inPeriod(s.db, access.community.id, from, to),
    store.listOf(s.db, access.community.id, ['draft']),
  ]);
  return { items: theirs(access, items), drafts: theirs(access, drafts) };
}

/**
 * The community's time zone, where schedules are typed and the calendar's days are counted. What
 * is scheduled keeps its instant: the calendar shows it at its hour in the new zone. Only the
 * community's own animators (not a group's).
 */
export async function setTimeZone(s: Store, access: CalendarAccess, timeZone: string) {
  if (access.animatedGroupIds !== null) throw new AppError('not_found');
  if (!isTimeZone(timeZone))
    throw new AppError('invalid_input', {
      field: 'timeZone',
      messageKey: 'announcements.error.timeZone',
    });
  await setCommunityTimeZone(s.db, access.community.id, timeZone, now());
}

// ---- Pins -------------------------------------------------------------------------------------

/** The announcements pinned now to a community's home (groupId null) or a group's page. */
export async function pinnedTo(
  s: Store,
  viewer: Viewer | null,
  communityId: number,
  groupId: number | null,
) {
  const rows = await store.pinnedNow(s.db, communityId, groupId, now());
  const ids = rows.flatMap((r) => (r.topic_id === null ? [] : [Number(r.topic_id)]));
  const links = await topicTitles(s.db, viewer, ids);
  return rows.flatMap((r) => {
    const link = r.topic_id === null ? undefined : links.get(Number(r.topic_id));
    return link ? [{ announcement: r, link }] : [];
  });
}
