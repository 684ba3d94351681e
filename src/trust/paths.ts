/** The admin page of a member's trust level. */
export function memberTrustPath(handle: string): string {
  return `/admin/users/${encodeURIComponent(handle)}/trust`;
}

/** The member's own trust level page. */
export function ownTrustPath(): string {
  return '/account/trust';
}
