import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { now } from '../db/index.js';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['crisis'];
const iso = (ms: number) => new Date(ms).toISOString();

export function crisisJson(v: service.CrisisView) {
  return {
    ...v,
    startedAt: iso(v.startedAt),
    lastTriggerAt: iso(v.lastTriggerAt),
    renewedUntil: v.renewedUntil === null ? null : iso(v.renewedUntil),
    endsIfCalmAt: iso(v.endsIfCalmAt),
    endedAt: v.endedAt === null ? null : iso(v.endedAt),
  };
}

export function registerCrisisApi(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/communities/:id/crisis/settings',
    {
      schema: {
        tags,
        summary:
          'The community’s prepared crisis restrictions (moderators, animators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.crisisSettings },
      },
    },
    async (req) => {
      const access = await service.requireCrisisStaff(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return service.crisisSettingsOf(store.db, access.community.id);
    },
  );

  api.put(
    '/api/v1/communities/:id/crisis/settings',
    {
      schema: {
        tags,
        summary: 'Change the prepared crisis restrictions (animators; 404 for others)',
        params: schemas.communityParams,
        body: schemas.crisisSettingsInput,
        response: { 200: schemas.crisisSettings },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireCrisisStaff(store, viewer, { id: req.params.id });
      return service.saveCrisisSettings(store, viewer, access, req.body, now());
    },
  );

  api.get(
    '/api/v1/communities/:id/crises',
    {
      schema: {
        tags,
        summary: 'The community’s crises under way (moderators, animators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.crisisList },
      },
    },
    async (req) => {
      const access = await service.requireCrisisStaff(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return { crises: (await service.listCrises(store, access)).map(crisisJson) };
    },
  );

  api.post(
    '/api/v1/communities/:id/crises',
    {
      schema: {
        tags,
        summary:
          'Start crisis mode by hand on the community or one topic (moderators, animators); an active one is extended',
        params: schemas.communityParams,
        body: schemas.startInput,
        response: { 201: schemas.crisis, 200: schemas.crisis },
      },
      config: writeLimit(deps.limits),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireCrisisStaff(store, viewer, { id: req.params.id });
      const r = await service.startByHand(store, viewer, access, req.body.topicId ?? null, now());
      reply.code(r.started ? 201 : 200);
      return crisisJson(await service.viewOf(store, r.crisis));
    },
  );

  api.post(
    '/api/v1/crises/:id/renew',
    {
      schema: {
        tags,
        summary: 'Keep a crisis going for one more calm period from now (moderators, animators)',
        params: schemas.crisisParams,
        response: { 200: schemas.crisis },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const c = await service.renewCrisis(store, requireViewer(req.viewer), req.params.id, now());
      return crisisJson(await service.viewOf(store, c));
    },
  );

  api.post(
    '/api/v1/crises/:id/end',
    {
      schema: {
        tags,
        summary: 'End a crisis now (moderators, animators)',
        params: schemas.crisisParams,
        response: { 200: schemas.crisis },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const c = await service.endCrisis(store, requireViewer(req.viewer), req.params.id, now());
      return crisisJson(await service.viewOf(store, c));
    },
  );
}
