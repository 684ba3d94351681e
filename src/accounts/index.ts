/**
 * Accounts: sign-up, sessions, password reset and change, address change, profiles and
 * personal access tokens.
 */
export { registerAccountsApi } from './routes-api.js';
export { registerAccountsPages } from './routes-pages.js';
export { accountsMessages } from './messages.js';
export { bearerOf, sessionTokenOf } from './cookies.js';
export { resolveViewer, createAdmin, signIn, signUp } from './service.js';
export { createApiToken } from './tokens.js';
export {
  findUserByEmail,
  findUsersByHandles,
  findUsersByIds,
  listAdminIds,
  listSystemIds,
} from './store.js';
export { hashPassword, NO_PASSWORD } from './secrets.js';
export { createAuthGuards, type AuthGuards } from './guards.js';
export { forgetOldFailures } from './sign-in-throttle.js';
export { presentUser } from './present.js';
export { importUsers, type ImportedUser } from './imports.js';
export { handleBase } from './handles.js';
