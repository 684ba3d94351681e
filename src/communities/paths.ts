/** A community's page; its other pages hang below it (`${communityPath(slug)}/charter`). */
export function communityPath(slug: string): string {
  return `/c/${encodeURIComponent(slug)}`;
}

/** A group's page, inside its community's; its other pages hang below it. */
export function groupPath(communitySlug: string, groupSlug: string): string {
  return `${communityPath(communitySlug)}/g/${encodeURIComponent(groupSlug)}`;
}

/**
 * The community's first-steps page (src/first-steps), where a member lands after joining: defined
 * here so that the join form can send them there without importing the feature that reads
 * communities.
 */
export function firstStepsPath(communitySlug: string): string {
  return `${communityPath(communitySlug)}/first-steps`;
}
