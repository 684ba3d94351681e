/**
 * Accounts: sign-up, sessions, password reset and change, address change, profiles, personal
 * access tokens, and an account's deletion (asked for, cancelled by signing in, carried out).
 */
export { registerAccountsApi } from './routes-api.js';
export { registerAccountsPages, type ProfileExtra } from './routes-pages.js';
export { accountsMessages } from './messages.js';
export { bearerOf, sessionTokenOf } from './cookies.js';
export { resolveViewer, createAdmin, signIn, signUp, viewerById } from './service.js';
export { createApiToken } from './tokens.js';
export {
  findAccountsByHandles,
  findUserByEmail,
  findLiveUsersByHandles,
  findUsersByHandles,
  findUsersByIds,
  findReadersByIds,
  findMailRecipient,
  listAdminIds,
  listSystemIds,
} from './store.js';
export { hashPassword, NO_PASSWORD } from './secrets.js';
export { createAuthGuards, type AuthGuards } from './guards.js';
export { forgetOldFailures } from './sign-in-throttle.js';
export { presentAuthor, presentUser } from './present.js';
export { MemberName, memberNameText } from './pages/member-name.js';
export {
  anonymiseAccount,
  dueAccountDeletions,
  requestAccountDeletion,
  DELETION_GRACE_DAYS,
} from './deletion.js';
export { deletionInput, type DeletionInput } from './schemas.js';
export { getOwnAccount } from './service.js';
export { mailRunnerOf, outboxFor } from './outbox.js';
export { clearSessionCookie } from './cookies.js';
export { importUsers, type ImportedUser } from './imports.js';
export { handleBase } from './handles.js';
export { userPath } from './paths.js';
export { createVoiceAccount } from './voice-accounts.js';
