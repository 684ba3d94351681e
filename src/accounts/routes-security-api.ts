import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { now } from '../db/index.js';
import { authLimit, requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { changePassword, confirmEmailChange, requestEmailChange } from './account-changes.js';
import { sessionTokenOf } from './cookies.js';
import { mailRunnerOf, outboxFor } from './outbox.js';
import { presentToken } from './present.js';
import type { AuthGuards } from './guards.js';
import * as schemas from './schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.js';

const tags = ['accounts'];

/** Access tokens, password and address changes: what keeps an account in its owner's hands. */
export function registerAccountSecurityApi(
  app: FastifyInstance,
  deps: AppDeps,
  guards: AuthGuards,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const later = mailRunnerOf(app);

  api.get(
    '/api/v1/me/tokens',
    { schema: { tags, summary: 'One’s personal access tokens (never their secrets)' } },
    async (req) => {
      const tokens = await listApiTokens(store, requireViewer(req.viewer));
      const at = now();
      return { tokens: tokens.map((token) => presentToken(token, at)) };
    },
  );

  api.post(
    '/api/v1/me/tokens',
    {
      schema: { tags, summary: 'Create a personal access token', body: schemas.tokenInput },
      config: writeLimit(deps.limits),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const { name, expiresAt } = req.body;
      const created = await createApiToken(
        store,
        viewer.id,
        name,
        expiresAt ? Date.parse(expiresAt) : null,
      );
      return reply.status(201).send({ ...presentToken(created.row, now()), token: created.token });
    },
  );

  api.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: { tags, summary: 'Revoke a personal access token', params: schemas.tokenIdParams },
      config: writeLimit(deps.limits),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      await revokeApiToken(store, viewer, req.params.id);
      await deps.live.endSignedOut(viewer.id);
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change one’s password: other sessions are closed, every token revoked',
        body: schemas.changePasswordInput,
      },
      config: authLimit(deps.limits, 'password'),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const kept = req.authVia === 'cookie' ? sessionTokenOf(req) : undefined;
      await changePassword(store, viewer, req.body, kept, guards.passwords);
      await deps.live.endSignedOut(viewer.id);
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/me/email',
    {
      schema: {
        tags,
        summary: 'Change one’s address: it takes effect once the link mailed there is used',
        body: schemas.changeEmailInput,
      },
      config: authLimit(deps.limits, 'password'),
    },
    async (req, reply) => {
      const outbox = outboxFor(later, deps, req.t);
      const pending = await requestEmailChange(store, outbox, requireViewer(req.viewer), req.body);
      return reply.status(202).send({
        pendingEmail: pending.newEmail,
        expiresAt: new Date(pending.expiresAt).toISOString(),
      });
    },
  );

  api.post(
    '/api/v1/auth/email/confirm',
    {
      schema: {
        tags,
        summary: 'Apply an address change with the token mailed to the new address',
        body: schemas.confirmEmailInput,
      },
      config: authLimit(deps.limits, 'password'),
    },
    async (req, reply) => {
      await confirmEmailChange(store, req.body.token);
      return reply.status(204).send();
    },
  );
}
