import { communityPath } from '../communities/index.js';

// Links to content come from each feature's path helpers; these are the pulse's own pages.

/** The member's pulse settings: a section of the notifications' preferences page. */
export const pulseSettingsPath = '/notifications/preferences';
/** The form of that section posts here (and shows itself again here when refused). */
export const pulseFormPath = '/notifications/preferences/pulse';

/** The animators' page of a community's pulse, in its cockpit's area. */
export function pulseAnimationPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/cockpit/pulse`;
}
