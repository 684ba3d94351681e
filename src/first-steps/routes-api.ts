import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentFirstSteps } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['first-steps'];

export function registerFirstStepsApi(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/communities/:id/first-steps',
    {
      schema: {
        tags,
        summary:
          'The community’s first steps for the viewer: charter, where to introduce oneself, groups, asking',
        params: schemas.communityParams,
        response: { 200: schemas.firstSteps },
      },
    },
    async (req) => {
      const access = await service.requireReader(store, req.viewer, { id: req.params.id });
      return presentFirstSteps(await service.firstStepsFor(store, req.viewer, access, req.locale));
    },
  );

  api.get(
    '/api/v1/communities/:id/first-steps/settings',
    {
      schema: {
        tags,
        summary: 'The first-steps page’s texts and place, as the animators edit them',
        params: schemas.communityParams,
        response: { 200: schemas.settings },
      },
    },
    async (req) => {
      const access = await service.requireEditor(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return service.settingsOf(store, access);
    },
  );

  api.put(
    '/api/v1/communities/:id/first-steps',
    {
      schema: {
        tags,
        summary: 'Edit the first-steps page (animators); an empty text is the default',
        params: schemas.communityParams,
        body: schemas.settingsInput,
        response: { 200: schemas.settings },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireEditor(store, viewer, { id: req.params.id });
      await service.saveFirstSteps(store, viewer, access, req.body);
      return service.settingsOf(store, access);
    },
  );
}
