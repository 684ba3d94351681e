import { communityPath } from '../communities/index.js';

/** Where a member volunteers as a buddy, and where the animators see the volunteers. */
export function buddiesPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/buddies`;
}

/** The animators' form that gives one newcomer a buddy. */
export function assignBuddyPath(communitySlug: string, userId: number): string {
  return `${buddiesPath(communitySlug)}/${userId}`;
}
