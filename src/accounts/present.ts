import type { UserRow } from './store.js';

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
