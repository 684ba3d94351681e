/** A member's public profile. */
export function userPath(handle: string): string {
  return `/u/${encodeURIComponent(handle)}`;
}
