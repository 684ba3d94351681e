import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['first-post-alert'];

export function registerFirstPostAlertApi(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/communities/:id/first-post-alert',
    {
      schema: {
        tags,
        summary: 'The community’s first-post alert setting (animators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.alertSetting },
      },
    },
    async (req) => {
      const access = await service.requireAnimator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return service.alertSettingOf(store, access);
    },
  );

  api.put(
    '/api/v1/communities/:id/first-post-alert',
    {
      schema: {
        tags,
        summary: 'Switch the first-post alert on or off, or change its wait (animators)',
        params: schemas.communityParams,
        body: schemas.alertSettingInput,
        response: { 200: schemas.alertSetting },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireAnimator(store, viewer, { id: req.params.id });
      const current = await service.alertSettingOf(store, access);
      return service.saveAlertSetting(store, viewer, access, {
        enabled: req.body.enabled,
        hours: req.body.hours ?? current.hours,
      });
    },
  );
}
