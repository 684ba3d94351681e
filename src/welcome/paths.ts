import { communityPath } from '../communities/index.js';

/** A community's welcome queue, for its animators. */
export function welcomeQueuePath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/welcome`;
}

/** The form that welcomes one newcomer with a private message. */
export function welcomeNewcomerPath(communitySlug: string, userId: number): string {
  return `${welcomeQueuePath(communitySlug)}/${userId}`;
}

/** The animators' form for the community's welcome templates. */
export function welcomeTemplatesPath(communitySlug: string): string {
  return `${welcomeQueuePath(communitySlug)}/templates`;
}
