import type { FastifyInstance } from 'fastify';
import { now } from '../db/index.js';
import {
  authLimit,
  formBody,
  notFound,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  resendForm,
  sendPage,
  writeLimit,
  type AppDeps,
} from '../http/index.js';
import {
  changePassword,
  confirmEmailChange,
  pendingEmailChange,
  requestEmailChange,
} from './account-changes.js';
import { sessionTokenOf } from './cookies.js';
import { mailRunnerOf, outboxFor } from './outbox.js';
import {
  AccountPage,
  accountNotices,
  ChangeEmailPage,
  ChangePasswordPage,
  ConfirmEmailPage,
} from './pages/account-pages.js';
import { TokensPage } from './pages/tokens-page.js';
import type { AuthGuards } from './guards.js';
import * as schemas from './schemas.js';
import { getOwnAccount } from './service.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.js';

const DAY = 86_400_000;

/** The account pages: address, password and access tokens. */
export function registerAccountSecurityPages(
  app: FastifyInstance,
  deps: AppDeps,
  guards: AuthGuards,
): void {
  const { store } = deps;
  const later = mailRunnerOf(app);

  app.get('/account', async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const user = await getOwnAccount(store, viewer.id);
    const pending = await pendingEmailChange(store, viewer);
    const done = (req.query as { done?: string }).done;
    const notice = accountNotices.find((n) => n === done);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('accounts.account.title'),
      <AccountPage ctx={ctx} email={user.email} pending={pending} notice={notice} />,
    );
  });

  app.get('/account/password', (req, reply) => {
    requireViewer(req.viewer);
    const ctx = pageContext(req, reply);
    const title = req.t('accounts.passwordChange.title');
    return sendPage(reply, ctx, title, <ChangePasswordPage ctx={ctx} />);
  });

  app.post(
    '/account/password',
    { config: authLimit(deps.limits, 'password') },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      try {
        const input = parseInput(schemas.changePasswordInput, formBody(req));
        const kept = req.authVia === 'cookie' ? sessionTokenOf(req) : undefined;
        await changePassword(store, viewer, input, kept, guards.passwords);
        await deps.live.endSignedOut(viewer.id);
        return redirectAfterPost(reply, '/account?done=password');
      } catch (err) {
        const title = req.t('accounts.passwordChange.title');
        return resendForm(req, reply, err, title, (ctx, failure) => (
          <ChangePasswordPage ctx={ctx} failure={failure} />
        ));
      }
    },
  );

  app.get('/account/email', async (req, reply) => {
    const user = await getOwnAccount(store, requireViewer(req.viewer).id);
    const ctx = pageContext(req, reply);
    const title = req.t('accounts.emailChange.title');
    return sendPage(reply, ctx, title, <ChangeEmailPage ctx={ctx} email={user.email} />);
  });

  app.post('/account/email', { config: authLimit(deps.limits, 'password') }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      const input = parseInput(schemas.changeEmailInput, form);
      await requestEmailChange(store, outboxFor(later, deps, req.t), viewer, input);
      return redirectAfterPost(reply, '/account?done=emailSent');
    } catch (err) {
      const user = await getOwnAccount(store, viewer.id);
      const title = req.t('accounts.emailChange.title');
      return resendForm(req, reply, err, title, (ctx, failure) => (
        <ChangeEmailPage ctx={ctx} email={user.email} values={form} failure={failure} />
      ));
    }
  });

  app.get('/account/email/confirm', (req, reply) => {
    const token = (req.query as { token?: string }).token ?? '';
    const ctx = pageContext(req, reply);
    const title = req.t('accounts.emailConfirm.title');
    return sendPage(reply, ctx, title, <ConfirmEmailPage ctx={ctx} values={{ token }} />);
  });

  app.post(
    '/account/email/confirm',
    { config: authLimit(deps.limits, 'password') },
    async (req, reply) => {
      const form = formBody(req);
      const title = req.t('accounts.emailConfirm.title');
      try {
        const { token } = parseInput(schemas.confirmEmailInput, form);
        await confirmEmailChange(store, token);
        const ctx = pageContext(req, reply);
        return sendPage(reply, ctx, title, <ConfirmEmailPage ctx={ctx} done />);
      } catch (err) {
        return resendForm(req, reply, err, title, (ctx, failure) => (
          <ConfirmEmailPage ctx={ctx} values={{ token: form.token }} failure={failure} />
        ));
      }
    },
  );

  app.get('/account/tokens', async (req, reply) => {
    const tokens = await listApiTokens(store, requireViewer(req.viewer));
    const revoked = (req.query as { revoked?: string }).revoked === '1';
    const ctx = pageContext(req, reply);
    const title = req.t('accounts.tokens.title');
    return sendPage(
      reply,
      ctx,
      title,
      <TokensPage ctx={ctx} tokens={tokens} now={now()} revoked={revoked} />,
    );
  });

  app.post('/account/tokens', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    const title = req.t('accounts.tokens.title');
    try {
      const { name, expiresInDays } = parseInput(schemas.tokenFormInput, form);
      const expiresAt = expiresInDays ? now() + Number(expiresInDays) * DAY : null;
      const { token } = await createApiToken(store, viewer.id, name, expiresAt);
      // Shown on this answer, not after a redirect: the secret must not sit in a URL or a cookie.
      const tokens = await listApiTokens(store, viewer);
      const ctx = pageContext(req, reply);
      const created = { name, token };
      return sendPage(
        reply,
        ctx,
        title,
        <TokensPage ctx={ctx} tokens={tokens} now={now()} created={created} />,
      );
    } catch (err) {
      const tokens = await listApiTokens(store, viewer);
      return resendForm(req, reply, err, title, (ctx, failure) => (
        <TokensPage ctx={ctx} tokens={tokens} now={now()} values={form} failure={failure} />
      ));
    }
  });

  app.post(
    '/account/tokens/:id/revoke',
    { config: writeLimit(deps.limits) },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const params = schemas.tokenIdParams.safeParse(req.params);
      if (!params.success) throw notFound();
      await revokeApiToken(store, viewer, params.data.id);
      await deps.live.endSignedOut(viewer.id);
      return redirectAfterPost(reply, '/account/tokens?revoked=1');
    },
  );
}
