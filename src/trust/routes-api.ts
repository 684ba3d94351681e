import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { now } from '../db/index.js';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentTrust } from './present.js';
import * as responses from './responses.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['trust'];

export function registerTrustApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/me/trust',
    {
      schema: {
        tags,
        summary: 'The viewer’s trust level, what it allows, and what the next level asks',
        response: { 200: responses.trust },
      },
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      return presentTrust(await service.ownTrust(store, viewer, now()), req.t);
    },
  );

  api.get(
    '/api/v1/admin/users/:id/trust',
    {
      schema: {
        tags,
        summary: 'A member’s trust level (instance admins; 404 for anyone else)',
        params: schemas.userParams,
        response: { 200: responses.trust },
      },
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const { trust } = await service.memberTrust(store, viewer, req.params.id, now());
      return presentTrust(trust, req.t);
    },
  );

  api.put(
    '/api/v1/admin/users/:id/trust',
    {
      schema: {
        tags,
        summary: 'Set a member’s trust level by hand, locked or not (instance admins)',
        params: schemas.userParams,
        body: schemas.trustInput,
        response: { 200: responses.trust },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const { trust } = await service.setTrust(store, viewer, req.params.id, req.body, now());
      return presentTrust(trust, req.t);
    },
  );
}
