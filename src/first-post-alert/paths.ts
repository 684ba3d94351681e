import { communityPath } from '../communities/index.js';

/** The animators' page for the community's first-post alert. */
export function firstPostAlertPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/first-post-alert`;
}
