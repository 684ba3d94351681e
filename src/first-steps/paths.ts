import { communityPath, firstStepsPath } from '../communities/index.js';

export { communityPath, firstStepsPath };

/** The animators' form for the first-steps page. */
export function firstStepsEditPath(communitySlug: string): string {
  return `${firstStepsPath(communitySlug)}/edit`;
}

/** The community's charter, in full. */
export function charterPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/charter`;
}

/** Where a member starts a conversation (a question among them). */
export function composePath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/new`;
}
