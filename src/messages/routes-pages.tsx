import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ProfileExtra } from '../accounts/index.js';
import {
  asFormFailure,
  formBody,
  isApiRequest,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  safeNext,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type FormFailure,
} from '../http/index.js';
import type { Store } from '../db/index.js';
import { blockMember, listBlocks, unblockMember } from './blocks.js';
import { messageWriteLimit, type MessageLimits } from './limits.js';
import { BlocksPage, ProfileMessaging } from './pages/blocks.js';
import { ComposeMessagePage } from './pages/compose.js';
import { ConversationListPage } from './pages/list.js';
import { LeavePage, ThreadPage, threadTitle } from './pages/thread.js';
import { messagePath } from './paths.js';
import { messagingWith } from './recipients.js';
import * as schemas from './schemas.js';
import { MAX_BODY } from './schemas.js';
import * as service from './service.js';
import { teamsOfViewer } from '../teams/index.js';

const PAGE_SIZE = 30;

function pageOf(req: FastifyRequest): number {
  const n = Number((req.query as { page?: string }).page ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

function idOf(req: FastifyRequest): number {
  return parseInput(schemas.conversationParams, req.params).id;
}

/** The pages of private messages: one's conversations, a new one, a conversation, blocks. */
export function registerMessagesPages(app: FastifyInstance, deps: AppDeps, limits: MessageLimits) {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const writeMessage = messageWriteLimit(deps.limits);

  // The header's unread count, on every page a signed-in member opens: one indexed query.
  app.addHook('preHandler', async (req) => {
    if (!req.viewer || isApiRequest(req) || req.url.startsWith('/assets/')) return;
    req.unreadMessages = await service.countUnreadMessages(store, req.viewer.id);
  });

  app.get('/messages', async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const page = pageOf(req);
    const list = await service.listConversations(store, viewer, {
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    });
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('messages.title'),
      <ConversationListPage
        ctx={ctx}
        conversations={list.slice(0, PAGE_SIZE)}
        page={page}
        hasMore={list.length > PAGE_SIZE}
      />,
    );
  });

  async function showCompose(
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormBody,
    failure?: FormFailure,
  ) {
    const teams = await teamsOfViewer(store.db, requireViewer(req.viewer));
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('messages.compose.title'),
      <ComposeMessagePage ctx={ctx} values={values} failure={failure} teams={teams} />,
      failure?.status ?? 200,
    );
  }

  app.get('/messages/new', (req, reply) => {
    const { to, body } = req.query as { to?: unknown; body?: unknown };
    // A draft in the address (the cockpit's templates) is only a starting text: the writer sees
    // it in the form, edits it, and nothing is sent until they do.
    return showCompose(req, reply, {
      recipients: typeof to === 'string' ? to : undefined,
      body: typeof body === 'string' ? body.slice(0, MAX_BODY) : undefined,
    });
  });

  app.post('/messages/new', writeMessage, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      // One field of handles, "@ana, bruno": the service reads them as the API's list.
      const input = parseInput(schemas.startInput, {
        recipients: (form.recipients ?? '').split(/[\s,;]+/),
        body: form.body,
        asTeam: form.asTeam,
      });
      const { conversationId, messageId } = await service.startConversation(
        store,
        viewer,
        input,
        limits,
      );
      return redirectAfterPost(reply, messagePath(conversationId, messageId), {
        key: 'messages.flash.sent',
      });
    } catch (err) {
      return showCompose(req, reply, form, asFormFailure(req, err));
    }
  });

  async function showThread(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    failure?: FormFailure,
  ) {
    const viewer = requireViewer(req.viewer);
    const id = idOf(req);
    const { before } = parseInput(schemas.threadQuery, req.query);
    const view = await service.getConversation(store, viewer, id, { before });
    // Shown is read: the "new" marks are those of this showing.
    const newest = view.messages.at(-1);
    if (newest && !failure) await service.markConversationRead(store, viewer, id, newest.id);
    // Its notifications too (src/notifications/, through the composition root).
    if (!failure) await deps.placeControl?.(req, { kind: 'conversation', id });
    // The header counted before this page read them: counted again.
    if (newest && !failure)
      req.unreadMessages = await service.countUnreadMessages(store, viewer.id);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      threadTitle(ctx, view),
      <ThreadPage ctx={ctx} view={view} values={values} failure={failure} />,
      failure?.status ?? 200,
    );
  }

  app.get('/messages/:id', (req, reply) => showThread(req, reply));

  app.post('/messages/:id', writeMessage, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const id = idOf(req);
    const form = formBody(req);
    try {
      const input = parseInput(schemas.replyInput, { body: form.body });
      const { messageId } = await service.replyTo(store, viewer, id, input, limits);
      return redirectAfterPost(reply, messagePath(id, messageId), {
        key: 'messages.flash.sent',
      });
    } catch (err) {
      return showThread(req, reply, form, asFormFailure(req, err));
    }
  });

  app.get('/messages/:id/leave', async (req, reply) => {
    const view = await service.getConversation(store, requireViewer(req.viewer), idOf(req));
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, req.t('messages.leave.title'), <LeavePage ctx={ctx} view={view} />);
  });

  app.post('/messages/:id/leave', write, async (req, reply) => {
    await service.leaveConversation(store, requireViewer(req.viewer), idOf(req));
    return redirectAfterPost(reply, '/messages', { key: 'messages.flash.left' });
  });

  async function showBlocks(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    failure?: FormFailure,
  ) {
    const blocks = await listBlocks(store, requireViewer(req.viewer));
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('messages.blocks.title'),
      <BlocksPage ctx={ctx} blocks={blocks} values={values} failure={failure} />,
      failure?.status ?? 200,
    );
  }

  app.get('/account/blocks', (req, reply) => showBlocks(req, reply));

  for (const [path, block] of [
    ['/account/blocks', true],
    ['/account/blocks/remove', false],
  ] as const) {
    app.post(path, write, async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const form = formBody(req);
      try {
        const { handle } = parseInput(schemas.blockInput, form);
        const done = await (block ? blockMember : unblockMember)(store, viewer, handle);
        return redirectAfterPost(reply, safeNext(form.next) ?? '/account/blocks', {
          key: block ? 'messages.flash.blocked' : 'messages.flash.unblocked',
          params: { name: `@${done}` },
        });
      } catch (err) {
        return showBlocks(req, reply, form, asFormFailure(req, err));
      }
    });
  }
}

/** What a member's profile shows of private messages: a link to write, a block button. */
export function profileMessaging(store: Store): ProfileExtra {
  return async (ctx, member) => {
    if (!ctx.viewer || ctx.viewer.id === member.id || member.isSystem) return null;
    const { canWrite, blocked } = await messagingWith(store, ctx.viewer, member);
    return <ProfileMessaging ctx={ctx} member={member} canWrite={canWrite} blocked={blocked} />;
  };
}
