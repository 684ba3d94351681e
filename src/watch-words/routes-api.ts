import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { defaultBlockMessages } from './block-message.js';
import { presentList } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['watch words'];

export function registerWatchWordsApi(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.get(
    '/api/v1/communities/:id/watch-lists',
    {
      schema: {
        tags,
        summary: 'The community’s watch word lists (animators and moderators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.lists },
      },
    },
    async (req) => {
      const access = await service.requireWatcher(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const rows = await service.listsOf(store, access);
      return { lists: rows.map(presentList), defaultMessages: defaultBlockMessages };
    },
  );

  api.post(
    '/api/v1/communities/:id/watch-lists',
    {
      schema: {
        tags,
        summary: 'Add a watch word list; an invalid entry refuses it, naming the entry',
        params: schemas.communityParams,
        body: schemas.listInput,
        response: { 201: schemas.oneList },
      },
      config: writeLimit(deps.limits),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireWatcher(store, viewer, { id: req.params.id });
      const id = await service.createList(store, viewer, access, req.body);
      const { list } = await service.requireList(store, viewer, id);
      return reply.status(201).send({ list: presentList(list) });
    },
  );

  api.put(
    '/api/v1/watch-lists/:id',
    {
      schema: {
        tags,
        summary: 'Replace a watch word list (its name, action, entries and messages)',
        params: schemas.listParams,
        body: schemas.listInput,
        response: { 200: schemas.oneList },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const { list } = await service.updateList(store, viewer, req.params.id, req.body);
      return { list: presentList(list) };
    },
  );

  api.delete(
    '/api/v1/watch-lists/:id',
    {
      schema: {
        tags,
        summary: 'Delete a watch word list; published posts do not change',
        params: schemas.listParams,
        response: { 204: schemas.done },
      },
      config: writeLimit(deps.limits),
    },
    async (req, reply) => {
      await service.deleteList(store, requireViewer(req.viewer), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
