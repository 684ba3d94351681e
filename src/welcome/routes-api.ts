import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { conversationPath, messageWriteLimit, type MessageLimits } from '../messages/index.js';
import { presentNewcomer } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['welcome'];

export function registerWelcomeApi(app: FastifyInstance, deps: AppDeps, limits: MessageLimits) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/communities/:id/welcome-queue',
    {
      schema: {
        tags,
        summary:
          'Members who joined in the last 30 days: posted, answered, welcomed (animators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.welcomeQueue },
      },
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireWelcomer(store, viewer, { id: req.params.id });
      const queue = await service.welcomeQueue(store, access);
      return {
        days: service.NEWCOMER_DAYS,
        newcomers: queue.map((e) => presentNewcomer(access.community.slug, e)),
      };
    },
  );

  api.get(
    '/api/v1/communities/:id/welcome-templates',
    {
      schema: {
        tags,
        summary: 'The community’s French and English welcome templates (animators)',
        params: schemas.communityParams,
        response: { 200: schemas.templates },
      },
    },
    async (req) => {
      const access = await service.requireWelcomer(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return { templates: await service.templatesOf(store, access) };
    },
  );

  api.put(
    '/api/v1/communities/:id/welcome-templates',
    {
      schema: {
        tags,
        summary: 'Edit one welcome template (animators); an unknown variable is refused',
        params: schemas.communityParams,
        body: schemas.templateInput,
        response: { 200: schemas.templates },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireWelcomer(store, viewer, { id: req.params.id });
      await service.saveTemplate(store, viewer, access, req.body);
      return { templates: await service.templatesOf(store, access) };
    },
  );

  api.get(
    '/api/v1/communities/:id/welcome-queue/:userId',
    {
      schema: {
        tags,
        summary: 'A newcomer, with the welcome message drafted from the template of their language',
        params: schemas.newcomerParams,
        response: { 200: schemas.draft },
      },
    },
    async (req) => {
      const access = await service.requireWelcomer(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const newcomer = await service.requireNewcomer(store, access, req.params.userId);
      return {
        newcomer: presentNewcomer(access.community.slug, newcomer),
        body: await service.draftWelcome(store, access, newcomer),
      };
    },
  );

  api.post(
    '/api/v1/communities/:id/welcome-queue/:userId/welcome',
    {
      schema: {
        tags,
        summary: 'Welcome a newcomer with a private message (optionally as a team voice)',
        params: schemas.newcomerParams,
        body: schemas.welcomeInput,
        response: { 201: schemas.welcomed },
      },
      ...messageWriteLimit(deps.limits),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireWelcomer(store, viewer, { id: req.params.id });
      const sent = await service.welcomeNewcomer(
        store,
        viewer,
        access,
        req.params.userId,
        req.body,
        limits,
      );
      return reply.status(201).send({
        conversationId: sent.conversationId,
        messageId: sent.messageId,
        href: conversationPath(sent.conversationId),
      });
    },
  );
}
