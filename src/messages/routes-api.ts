import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { blockMember, listBlocks, unblockMember } from './blocks.js';
import { messageWriteLimit, type MessageLimits } from './limits.js';
import { presentConversation, presentMessage, presentSummary } from './present.js';
import * as responses from './responses.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['messages'];
const base = '/api/v1/messages/conversations';

/** A message just written, as its author gets it back. */
async function writtenMessage(deps: AppDeps, authorId: number, messageId: number) {
  const view = await service.getWrittenMessage(deps.store, authorId, messageId);
  return presentMessage(view.names, view.message, view.message.id, authorId, view.voices);
}

export function registerMessagesApi(app: FastifyInstance, deps: AppDeps, limits: MessageLimits) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const writeMessage = messageWriteLimit(deps.limits);

  api.get(
    base,
    {
      schema: {
        tags,
        summary: 'One’s private conversations, the most recently active first, with unread counts',
        querystring: schemas.listQuery,
        response: { 200: responses.conversationList },
      },
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const [list, unread] = await Promise.all([
        service.listConversations(store, viewer, req.query),
        service.countUnreadMessages(store, viewer.id),
      ]);
      return { conversations: list.map(presentSummary), unread };
    },
  );

  api.post(
    base,
    {
      schema: {
        tags,
        summary: 'Write to one member or a few (10 at most): a new conversation',
        body: schemas.startInput,
        response: { 201: responses.started },
      },
      ...writeMessage,
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const ids = await service.startConversation(store, viewer, req.body, limits);
      return reply.status(201).send({
        conversationId: ids.conversationId,
        message: await writtenMessage(deps, ids.authorId, ids.messageId),
      });
    },
  );

  api.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'A conversation one is in: who is in it, and its messages (not marked read)',
        params: schemas.conversationParams,
        querystring: schemas.threadQuery,
        response: { 200: responses.conversationOut },
      },
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const view = await service.getConversation(store, viewer, req.params.id, req.query);
      return presentConversation(view, view.seat);
    },
  );

  api.post(
    `${base}/:id/messages`,
    {
      schema: {
        tags,
        summary: 'Answer in a conversation',
        params: schemas.conversationParams,
        body: schemas.replyInput,
        response: { 201: responses.replied },
      },
      ...writeMessage,
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const { messageId, authorId } = await service.replyTo(
        store,
        viewer,
        req.params.id,
        req.body,
        limits,
      );
      return reply.status(201).send({ message: await writtenMessage(deps, authorId, messageId) });
    },
  );

  api.put(
    `${base}/:id/read`,
    {
      schema: {
        tags,
        summary: 'Mark a conversation read (up to one of its messages, or to its last)',
        params: schemas.conversationParams,
        body: schemas.readInput.nullish(),
        response: { 204: responses.done },
      },
      ...write,
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      await service.markConversationRead(store, viewer, req.params.id, req.body?.messageId);
      return reply.status(204).send(null);
    },
  );

  api.post(
    `${base}/:id/leave`,
    {
      schema: {
        tags,
        summary: 'Leave a conversation: it is gone from one’s list; the others see one left',
        params: schemas.conversationParams,
        response: { 204: responses.done },
      },
      ...write,
    },
    async (req, reply) => {
      await service.leaveConversation(store, requireViewer(req.viewer), req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/messages/unread',
    {
      schema: {
        tags,
        summary: 'Unread messages in all one’s conversations',
        response: { 200: responses.unreadCount },
      },
    },
    async (req) => ({
      unread: await service.countUnreadMessages(store, requireViewer(req.viewer).id),
    }),
  );

  api.get(
    '/api/v1/me/blocks',
    {
      schema: {
        tags,
        summary: 'The members one blocked',
        response: { 200: responses.blockList },
      },
    },
    async (req) => {
      const rows = await listBlocks(store, requireViewer(req.viewer));
      return {
        blocks: rows.map((b) => ({
          handle: b.handle,
          displayName: b.displayName,
          blockedAt: new Date(b.blockedAt).toISOString(),
        })),
      };
    },
  );

  api.put(
    '/api/v1/me/blocks/:handle',
    {
      schema: {
        tags,
        summary: 'Block a member: they can no longer write to one, nor notify one by a mention',
        params: schemas.handleParams,
        response: { 204: responses.done },
      },
      ...write,
    },
    async (req, reply) => {
      await blockMember(store, requireViewer(req.viewer), req.params.handle);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/v1/me/blocks/:handle',
    {
      schema: {
        tags,
        summary: 'Unblock a member',
        params: schemas.handleParams,
        response: { 204: responses.done },
      },
      ...write,
    },
    async (req, reply) => {
      await unblockMember(store, requireViewer(req.viewer), req.params.handle);
      return reply.status(204).send(null);
    },
  );
}
