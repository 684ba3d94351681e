import { communityPath } from '../communities/index.js';

/** A community's badges: what each one thanks, and those the viewer earned there. */
export function badgesPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/badges`;
}

/** A community's leaderboard: a page that exists only while its animators switch it on. */
export function leaderboardPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/leaderboard`;
}

/** The animators' recognition page: spotlights and the leaderboard setting. */
export function recognitionAdminPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/recognition`;
}

/** Where the member reads a spotlight proposed on them, and accepts or declines it. */
export function spotlightPath(spotlightId: number): string {
  return `/spotlights/${spotlightId}`;
}
