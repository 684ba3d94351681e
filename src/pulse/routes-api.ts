import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentPicks } from './present.js';
import * as schemas from './schemas.js';
import type { PulseConfig } from './send.js';
import * as service from './service.js';

const tags = ['pulse'];

export function registerPulseApi(app: FastifyInstance, deps: AppDeps, config: PulseConfig): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/me/pulse',
    {
      schema: {
        tags,
        summary: 'How often the viewer receives the pulse, and in which time zone',
        response: { 200: schemas.settings },
      },
    },
    (req) => service.getSettings(store, requireViewer(req.viewer), config.defaultTimeZone),
  );
  api.put(
    '/api/v1/me/pulse',
    {
      schema: {
        tags,
        summary: 'Choose the pulse’s frequency (daily, weekly, never) and time zone',
        body: schemas.settingsInput,
        response: { 200: schemas.settings },
      },
      ...write,
    },
    (req) =>
      service.setSettings(store, requireViewer(req.viewer), req.body, config.defaultTimeZone),
  );

  api.get(
    '/api/v1/communities/:id/pulse/picks',
    {
      schema: {
        tags,
        summary: 'The community’s featured topics and those kept out of the pulse (animators)',
        params: schemas.communityParams,
        response: { 200: schemas.picks },
      },
    },
    async (req) => {
      const access = await service.requireAnimator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return presentPicks(await service.listPicks(store, access));
    },
  );

  const actions = [
    [
      'pins',
      'put',
      service.pin,
      'Feature a topic in its space’s next pulse (replaces the space’s)',
    ],
    ['pins', 'delete', service.unpin, 'Stop featuring a topic'],
    ['exclusions', 'put', service.exclude, 'Keep a topic out of every pulse'],
    ['exclusions', 'delete', service.include, 'Let a kept-out topic show in the pulse again'],
  ] as const;
  for (const [list, method, action, summary] of actions)
    api.route({
      method: method === 'put' ? 'PUT' : 'DELETE',
      url: `/api/v1/communities/:id/pulse/${list}/:topicId`,
      schema: { tags, summary, params: schemas.pickParams, response: { 200: schemas.picks } },
      ...write,
      handler: async (req) => {
        const viewer = requireViewer(req.viewer);
        const access = await service.requireAnimator(store, viewer, { id: req.params.id });
        await action(store, viewer, access, req.params.topicId);
        return presentPicks(await service.listPicks(store, access));
      },
    });

  api.get(
    '/api/v1/communities/:id/pulse/preview',
    {
      schema: {
        tags,
        summary: 'A member’s next pulse, as they would receive it (animators)',
        params: schemas.communityParams,
        querystring: schemas.previewQuery,
        response: { 200: schemas.preview },
      },
    },
    async (req) => {
      const access = await service.requireAnimator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const { user, pulse } = await service.previewFor(store, access, req.query.handle, config);
      return { handle: user.handle, pulse };
    },
  );
}
