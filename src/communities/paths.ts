/** A community's page; its other pages hang below it (`${communityPath(slug)}/charter`). */
export function communityPath(slug: string): string {
  return `/c/${encodeURIComponent(slug)}`;
}

/** A group's page, inside its community's; its other pages hang below it. */
export function groupPath(communitySlug: string, groupSlug: string): string {
  return `${communityPath(communitySlug)}/g/${encodeURIComponent(groupSlug)}`;
}
