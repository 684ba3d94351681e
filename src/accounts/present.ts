import type { UserRow } from './store.js';
import type { ApiTokenRow } from './credentials-store.js';

/** A member as others see them; the email and language only for themselves. */
export function presentUser(user: UserRow, isSelf: boolean) {
  return {
    id: user.id,
    handle: user.handle,
    displayName: user.display_name,
    bio: user.bio,
    createdAt: new Date(user.created_at).toISOString(),
    ...(isSelf ? { email: user.email, locale: user.locale, isAdmin: user.is_admin === 1 } : {}),
  };
}

/** An author as the API shows them: a former member (deleted account) has no handle and no name. */
export function presentAuthor(author: {
  handle: string;
  displayName: string;
  deletedAt: number | null;
}) {
  return author.deletedAt === null
    ? { handle: author.handle, displayName: author.displayName, isFormerMember: false }
    : { handle: null, displayName: null, isFormerMember: true };
}

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** A personal access token as its owner sees it: never its secret, which is shown once. */
export function presentToken(token: ApiTokenRow, at: number) {
  return {
    id: token.id,
    name: token.name,
    createdAt: iso(token.created_at),
    lastUsedAt: iso(token.last_used_at),
    expiresAt: iso(token.expires_at),
    isExpired: token.expires_at !== null && token.expires_at <= at,
  };
}
