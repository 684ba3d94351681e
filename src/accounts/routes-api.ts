import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authLimit, requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import {
  clearSessionCookie,
  knownDeviceOf,
  sessionTokenOf,
  setSignedInCookies,
} from './cookies.js';
import type { AuthGuards } from './guards.js';
import { mailRunnerOf, outboxFor } from './outbox.js';
import { presentUser } from './present.js';
import { requestPasswordReset, resetPassword } from './resets.js';
import { registerAccountSecurityApi } from './routes-security-api.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['accounts'];

export function registerAccountsApi(app: FastifyInstance, deps: AppDeps, guards: AuthGuards): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const later = mailRunnerOf(app);

  api.post(
    '/api/v1/auth/signup',
    {
      schema: { tags, summary: 'Create an account and open a session', body: schemas.signUpInput },
      config: authLimit(deps.limits, 'signup'),
    },
    async (req, reply) => {
      const signedUp = await service.signUp(store, req.body, guards);
      setSignedInCookies(reply, signedUp, deps.cookieSecure);
      const user = await service.getOwnAccount(store, signedUp.userId);
      return reply.status(201).send({ user: presentUser(user, true) });
    },
  );

  api.post(
    '/api/v1/auth/signin',
    {
      schema: {
        tags,
        summary:
          'Open a session (sets the session cookie); cancels a deletion waiting for its date',
        body: schemas.signInInput,
      },
      config: authLimit(deps.limits, 'signin'),
    },
    async (req, reply) => {
      const device = knownDeviceOf(req);
      const signedIn = await service.signIn(store, req.body, { guards, device });
      setSignedInCookies(reply, signedIn, deps.cookieSecure);
      const user = await service.getOwnAccount(store, signedIn.userId);
      return { user: presentUser(user, true), deletionCancelled: signedIn.deletionCancelled };
    },
  );

  api.post(
    '/api/v1/auth/signout',
    { schema: { tags, summary: 'Close the current session' } },
    async (req, reply) => {
      const token = sessionTokenOf(req);
      const userId = token ? await service.signOut(store, token) : null;
      if (userId !== null) await deps.live.endSignedOut(userId);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/auth/password/forgot',
    {
      schema: {
        tags,
        summary: 'Send a password reset link by email',
        body: schemas.forgotPasswordInput,
      },
      config: authLimit(deps.limits, 'password'),
    },
    async (req, reply) => {
      requestPasswordReset(store, outboxFor(later, deps, req.t), req.body.email);
      return reply.status(202).send({ ok: true });
    },
  );

  api.post(
    '/api/v1/auth/password/reset',
    {
      schema: {
        tags,
        summary: 'Set a new password with a reset token',
        body: schemas.resetPasswordInput,
      },
      config: authLimit(deps.limits, 'password'),
    },
    async (req, reply) => {
      const userId = await resetPassword(
        store,
        req.body.token,
        req.body.password,
        guards.passwords,
      );
      await deps.live.endSignedOut(userId);
      return reply.status(204).send();
    },
  );

  api.get('/api/v1/me', { schema: { tags, summary: 'The signed-in account' } }, async (req) => {
    const user = await service.getOwnAccount(store, requireViewer(req.viewer).id);
    return { user: presentUser(user, true) };
  });

  api.patch(
    '/api/v1/me',
    {
      schema: { tags, summary: 'Edit one’s profile', body: schemas.profileInput },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      await service.updateProfile(store, viewer, req.body);
      return { user: presentUser(await service.getOwnAccount(store, viewer.id), true) };
    },
  );

  api.get(
    '/api/v1/users/:handle',
    { schema: { tags, summary: 'A member’s public profile', params: schemas.handleParams } },
    async (req) => {
      const user = await service.getProfile(store, req.params.handle);
      return { user: presentUser(user, req.viewer?.id === user.id) };
    },
  );

  registerAccountSecurityApi(app, deps, guards);
}
