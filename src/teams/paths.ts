import { communityPath } from '../communities/index.js';

/** A community's team voices page, for its animators. */
export function teamsPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/teams`;
}

/** The audit trail of team posts, for instance admins. */
export const teamPostsAuditPath = '/admin/team-voices';
