/** Accounts: sign-up, sessions, password reset, profiles and personal access tokens. */
export { registerAccountsApi } from './routes-api.js';
export { registerAccountsPages } from './routes-pages.js';
export { accountsMessages } from './messages.js';
export { bearerOf, sessionTokenOf } from './cookies.js';
export { resolveViewer, createAdmin, createApiToken, signIn, signUp } from './service.js';
export {
  findUserByEmail,
  findUsersByHandles,
  findUsersByIds,
  listAdminIds,
  listSystemIds,
} from './store.js';
export { hashPassword, NO_PASSWORD } from './secrets.js';
export { presentUser } from './present.js';
export { importUsers, type ImportedUser } from './imports.js';
export { handleBase } from './handles.js';
