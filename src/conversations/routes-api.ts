import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentSearchResults } from './present-search.js';
import { presentReply, presentTopic, presentTopicSummary } from './present.js';
import * as schemas from './schemas.js';
import { searchConversations } from './search.js';
import * as service from './service.js';

const tags = ['conversations'];

export function registerConversationsApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/communities/:id/topics',
    {
      schema: {
        tags,
        summary: 'Topics of a community (or one group), most recently active first',
        params: schemas.idParams,
        querystring: schemas.topicListQuery,
      },
    },
    async (req) => {
      const { topics } = await service.listTopics(store, req.viewer, req.params.id, req.query);
      return { topics: topics.map(presentTopicSummary) };
    },
  );

  api.post(
    '/api/v1/communities/:id/topics',
    {
      schema: {
        tags,
        summary: 'Start a discussion or ask a question',
        params: schemas.idParams,
        body: schemas.topicInput,
      },
      ...write,
    },
    async (req, reply) => {
      const id = await service.createTopic(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body,
        undefined,
        { trustLimits: deps.trustLimits },
      );
      const view = await service.getTopic(store, req.viewer, id);
      return reply
        .status(201)
        .send({ topic: presentTopic(view.topic, view.author, view.reactions, view.voices.topic) });
    },
  );

  api.get(
    '/api/v1/topics/:id',
    { schema: { tags, summary: 'A topic with its replies', params: schemas.idParams } },
    async (req) => {
      const view = await service.getTopic(store, req.viewer, req.params.id, { countVisit: true });
      return {
        topic: presentTopic(view.topic, view.author, view.reactions, view.voices.topic),
        // A reply hidden pending review is left out for all but its author and the staff.
        replies: view.replies
          .filter((r) => r.review !== 'masked')
          .map((r) => presentReply(r, view.reactions, view.voices.replies.get(r.id))),
      };
    },
  );

  api.patch(
    '/api/v1/topics/:id',
    {
      schema: {
        tags,
        summary: 'Edit a topic (its history is kept)',
        params: schemas.idParams,
        body: schemas.topicPatch,
      },
      ...write,
    },
    async (req) => {
      await service.editTopic(store, requireViewer(req.viewer), req.params.id, req.body);
      const view = await service.getTopic(store, req.viewer, req.params.id);
      return { topic: presentTopic(view.topic, view.author, view.reactions, view.voices.topic) };
    },
  );

  api.delete(
    '/api/v1/topics/:id',
    {
      schema: {
        tags,
        summary: 'Delete a topic (optionally saying why)',
        params: schemas.idParams,
        // A DELETE usually has no body (null here): the reason is optional, and so is the body.
        body: schemas.deletionInput.nullish(),
      },
      ...write,
    },
    async (req, reply) => {
      await service.deleteTopic(store, requireViewer(req.viewer), req.params.id, req.body ?? {});
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/topics/:id/revisions',
    { schema: { tags, summary: 'Earlier versions of a topic', params: schemas.idParams } },
    async (req) => {
      const rows = await service.listRevisions(store, req.viewer, {
        kind: 'topic',
        id: req.params.id,
      });
      return {
        revisions: rows.map((r) => ({
          title: r.title,
          body: r.body,
          replacedAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  api.post(
    '/api/v1/topics/:id/replies',
    {
      schema: {
        tags,
        summary: 'Reply to a topic (or to a reply in it)',
        params: schemas.idParams,
        body: schemas.replyInput,
      },
      ...write,
    },
    async (req, reply) => {
      const id = await service.createReply(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body,
        { trustLimits: deps.trustLimits },
      );
      return reply.status(201).send({ reply: { id, topicId: req.params.id } });
    },
  );

  api.patch(
    '/api/v1/replies/:id',
    {
      schema: {
        tags,
        summary: 'Edit a reply (its history is kept)',
        params: schemas.idParams,
        body: schemas.replyPatch,
      },
      ...write,
    },
    async (req, reply) => {
      await service.editReply(store, requireViewer(req.viewer), req.params.id, req.body.body);
      return reply.status(204).send();
    },
  );

  api.delete(
    '/api/v1/replies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a reply (optionally saying why)',
        params: schemas.idParams,
        body: schemas.deletionInput.nullish(),
      },
      ...write,
    },
    async (req, reply) => {
      await service.deleteReply(store, requireViewer(req.viewer), req.params.id, req.body ?? {});
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/replies/:id/revisions',
    { schema: { tags, summary: 'Earlier versions of a reply', params: schemas.idParams } },
    async (req) => {
      const rows = await service.listRevisions(store, req.viewer, {
        kind: 'reply',
        id: req.params.id,
      });
      return {
        revisions: rows.map((r) => ({
          body: r.body,
          replacedAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  api.put(
    '/api/v1/topics/:id/accepted',
    {
      schema: {
        tags,
        summary: 'Mark the accepted answer of a question (asker or animator)',
        params: schemas.idParams,
        body: schemas.acceptInput,
      },
      ...write,
    },
    async (req, reply) => {
      await service.acceptReply(store, requireViewer(req.viewer), req.params.id, req.body.replyId);
      return reply.status(204).send();
    },
  );

  api.delete(
    '/api/v1/topics/:id/accepted',
    { schema: { tags, summary: 'Remove the accepted answer', params: schemas.idParams }, ...write },
    async (req, reply) => {
      await service.acceptReply(store, requireViewer(req.viewer), req.params.id, null);
      return reply.status(204).send();
    },
  );

  for (const kind of ['topic', 'reply'] as const) {
    const base = `/api/v1/${kind === 'topic' ? 'topics' : 'replies'}/:id/reactions`;
    api.put(
      `${base}/:kind`,
      {
        schema: {
          tags,
          summary: `React to a ${kind} (merci, like, insightful, support)`,
          params: schemas.reactionParams,
        },
        ...write,
      },
      async (req, reply) => {
        await service.setReaction(
          store,
          requireViewer(req.viewer),
          { kind, id: req.params.id },
          req.params.kind,
          true,
        );
        return reply.status(204).send();
      },
    );
    api.delete(
      `${base}/:kind`,
      {
        schema: {
          tags,
          summary: `Withdraw a reaction from a ${kind}`,
          params: schemas.reactionParams,
        },
        ...write,
      },
      async (req, reply) => {
        await service.setReaction(
          store,
          requireViewer(req.viewer),
          { kind, id: req.params.id },
          req.params.kind,
          false,
        );
        return reply.status(204).send();
      },
    );
  }

  api.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Full-text search (French and English) over what the viewer may read, one result per topic',
        querystring: schemas.searchQuery,
        response: { 200: schemas.searchResults },
      },
    },
    async (req) => presentSearchResults(await searchConversations(store, req.viewer, req.query)),
  );
}
