import { communityPath } from '../communities/index.js';

/** A community's editorial calendar, for its animators: `?view=week|month&date=YYYY-MM-DD`. */
export function calendarPath(
  communitySlug: string,
  at?: { view: 'week' | 'month'; date: string },
): string {
  const base = `${communityPath(communitySlug)}/calendar`;
  return at ? `${base}?view=${at.view}&date=${at.date}` : base;
}

/** The form that writes a new announcement. */
export function newAnnouncementPath(communitySlug: string): string {
  return `${calendarPath(communitySlug)}/new`;
}

/** One announcement in the calendar: its form while it is a draft or scheduled. */
export function announcementPath(communitySlug: string, id: number): string {
  return `${calendarPath(communitySlug)}/${id}`;
}
