import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import {
  asFormFailure,
  resendForm,
  authLimit,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  safeNext,
  sendPage,
  writeLimit,
  type AppDeps,
  type PageContext,
} from '../http/index.js';
import {
  clearSessionCookie,
  knownDeviceOf,
  sessionTokenOf,
  setSignedInCookies,
} from './cookies.js';
import type { AuthGuards } from './guards.js';
import {
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './pages/auth-pages.js';
import { EditProfilePage, PublicProfilePage } from './pages/profile-pages.js';
import { mailRunnerOf, outboxFor } from './outbox.js';
import { requestPasswordReset, resetPassword } from './resets.js';
import { registerAccountSecurityPages } from './routes-security-pages.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

/**
 * What another feature shows on a member's public profile (private messages: write to them,
 * block them), given by the composition root so that accounts depends on none of them.
 */
export type ProfileExtra = (
  ctx: PageContext,
  member: { id: number; handle: string; displayName: string; isSystem: boolean },
) => Promise<VNode | null>;

export function registerAccountsPages(
  app: FastifyInstance,
  deps: AppDeps,
  guards: AuthGuards,
  profileExtras: ProfileExtra[] = [],
): void {
  const { store } = deps;
  const later = mailRunnerOf(app);

  app.get('/signup', (req, reply) => {
    const next = safeNext((req.query as { next?: string }).next) ?? '';
    return sendPage(
      reply,
      pageContext(req, reply),
      req.t('accounts.signup.title'),
      <SignUpPage ctx={pageContext(req, reply)} values={{ next }} />,
    );
  });

  app.post('/signup', { config: authLimit(deps.limits, 'signup') }, async (req, reply) => {
    const form = formBody(req);
    try {
      const input = parseInput(schemas.signUpInput, form);
      setSignedInCookies(reply, await service.signUp(store, input, guards), deps.cookieSecure);
      return redirectAfterPost(reply, safeNext(form.next) ?? '/', {
        key: 'accounts.flash.welcome',
        params: { name: input.displayName },
      });
    } catch (err) {
      return resendForm(req, reply, err, req.t('accounts.signup.title'), (ctx, failure) => (
        <SignUpPage ctx={ctx} values={form} failure={failure} />
      ));
    }
  });

  app.get('/signin', (req, reply) => {
    const next = safeNext((req.query as { next?: string }).next) ?? '';
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('accounts.signin.title'),
      <SignInPage ctx={ctx} values={{ next }} />,
    );
  });

  app.post('/signin', { config: authLimit(deps.limits, 'signin') }, async (req, reply) => {
    const form = formBody(req);
    try {
      const input = parseInput(schemas.signInInput, form);
      const device = knownDeviceOf(req);
      const signedIn = await service.signIn(store, input, { guards, device });
      setSignedInCookies(reply, signedIn, deps.cookieSecure);
      // The member must learn that signing in kept their account, before going anywhere else.
      if (signedIn.deletionCancelled)
        return redirectAfterPost(reply, '/account?done=deletionCancelled');
      return redirectAfterPost(reply, safeNext(form.next) ?? '/', {
        key: 'accounts.flash.signedIn',
      });
    } catch (err) {
      return resendForm(req, reply, err, req.t('accounts.signin.title'), (ctx, failure) => (
        <SignInPage ctx={ctx} values={{ email: form.email, next: form.next }} failure={failure} />
      ));
    }
  });

  app.post('/signout', async (req, reply) => {
    const token = sessionTokenOf(req);
    const userId = token ? await service.signOut(store, token) : null;
    if (userId !== null) await deps.live.endSignedOut(userId);
    clearSessionCookie(reply);
    return redirectAfterPost(reply, '/', { key: 'accounts.flash.signedOut' });
  });

  app.get('/password/forgot', (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, req.t('accounts.forgot.title'), <ForgotPasswordPage ctx={ctx} />);
  });

  app.post(
    '/password/forgot',
    { config: authLimit(deps.limits, 'password') },
    async (req, reply) => {
      const form = formBody(req);
      try {
        const { email } = parseInput(schemas.forgotPasswordInput, form);
        requestPasswordReset(store, outboxFor(later, deps, req.t), email);
        const ctx = pageContext(req, reply);
        return sendPage(
          reply,
          ctx,
          req.t('accounts.forgot.title'),
          <ForgotPasswordPage ctx={ctx} sent />,
        );
      } catch (err) {
        return resendForm(req, reply, err, req.t('accounts.forgot.title'), (ctx, failure) => (
          <ForgotPasswordPage ctx={ctx} values={form} failure={failure} />
        ));
      }
    },
  );

  app.get('/password/reset', (req, reply) => {
    const token = (req.query as { token?: string }).token ?? '';
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('accounts.reset.title'),
      <ResetPasswordPage ctx={ctx} values={{ token }} />,
    );
  });

  app.post(
    '/password/reset',
    { config: authLimit(deps.limits, 'password') },
    async (req, reply) => {
      const form = formBody(req);
      try {
        const input = parseInput(schemas.resetPasswordInput, form);
        const userId = await resetPassword(store, input.token, input.password, guards.passwords);
        await deps.live.endSignedOut(userId);
        const ctx = pageContext(req, reply);
        return sendPage(
          reply,
          ctx,
          req.t('accounts.reset.title'),
          <ResetPasswordPage ctx={ctx} done />,
        );
      } catch (err) {
        return resendForm(req, reply, err, req.t('accounts.reset.title'), (ctx, failure) => (
          <ResetPasswordPage ctx={ctx} values={{ token: form.token }} failure={failure} />
        ));
      }
    },
  );

  app.get('/profile', async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const user = await service.getOwnAccount(store, viewer.id);
    const saved = (req.query as { saved?: string }).saved === '1';
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('accounts.profile.title'),
      <EditProfilePage ctx={ctx} user={user} saved={saved} />,
    );
  });

  app.post('/profile', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      await service.updateProfile(store, viewer, parseInput(schemas.profileInput, form));
      return redirectAfterPost(reply, '/profile?saved=1');
    } catch (err) {
      const failure = asFormFailure(req, err);
      const user = await service.getOwnAccount(store, viewer.id);
      const ctx = pageContext(req, reply);
      return sendPage(
        reply,
        ctx,
        req.t('accounts.profile.title'),
        <EditProfilePage ctx={ctx} user={user} values={form} failure={failure} />,
        failure.status,
      );
    }
  });

  app.get('/u/:handle', async (req, reply) => {
    const user = await service.getProfile(store, (req.params as { handle: string }).handle);
    const ctx = pageContext(req, reply);
    const member = {
      id: user.id,
      handle: user.handle,
      displayName: user.display_name,
      isSystem: user.is_system === 1,
    };
    const extras = await Promise.all(profileExtras.map((extra) => extra(ctx, member)));
    return sendPage(
      reply,
      ctx,
      user.display_name,
      <PublicProfilePage ctx={ctx} user={user} extras={extras} />,
    );
  });

  registerAccountSecurityPages(app, deps, guards);
}
