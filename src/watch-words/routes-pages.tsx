import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommunityAccess } from '../communities/index.js';
import {
  AppError,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  sendFormPage,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type PageContext,
} from '../http/index.js';
import { DeleteWatchListPage, WatchListFormPage, WatchListsPage } from './pages/lists.js';
import { watchWordsPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import type { ListRow } from './store.js';

type Kept = { values: FormBody; err: unknown };

/** The form's fields as the service takes them; the textarea holds one entry per line. */
function listInputOf(form: FormBody): service.ListInput {
  const input = parseInput(schemas.listInput, {
    name: form.name ?? '',
    action: form.action,
    entries: service.entriesFromText(form.entries ?? ''),
    messageFr: form.messageFr,
    messageEn: form.messageEn,
  });
  return input;
}

export function registerWatchWordsPages(app: FastifyInstance, deps: AppDeps) {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;
  const listOf = async (req: FastifyRequest) => {
    const { slug, listId } = parseInput(schemas.slugListParams, req.params);
    const found = await service.requireList(store, requireViewer(req.viewer), listId);
    // A list is reached under its own community's address only.
    if (found.access.community.slug !== slug) throw new AppError('not_found');
    return found;
  };

  app.get('/c/:slug/watch-words', async (req, reply) => {
    const access = await service.requireWatcher(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const lists = await service.listsOf(store, access);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('watchWords.title', { community: access.community.name }),
      <WatchListsPage ctx={ctx} community={access.community} lists={lists} />,
    );
  });

  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    access: CommunityAccess,
    list: ListRow | undefined,
    kept?: Kept,
  ) => {
    const title = list ? list.name : req.t('watchWords.new');
    const render = (
      ctx: PageContext,
      failure?: Parameters<typeof WatchListFormPage>[0]['failure'],
    ) => (
      <WatchListFormPage
        ctx={ctx}
        community={access.community}
        list={list}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/watch-words/new', async (req, reply) => {
    const access = await service.requireWatcher(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    return formPage(req, reply, access, undefined);
  });

  app.post('/c/:slug/watch-words/new', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireWatcher(store, viewer, { slug: slugOf(req) });
    const form = formBody(req);
    try {
      await service.createList(store, viewer, access, listInputOf(form));
    } catch (err) {
      return formPage(req, reply, access, undefined, { values: form, err });
    }
    return redirectAfterPost(reply, watchWordsPath(access.community.slug), {
      key: 'watchWords.flash.created',
    });
  });

  app.get('/c/:slug/watch-words/:listId', async (req, reply) => {
    const { access, list } = await listOf(req);
    return formPage(req, reply, access, list);
  });

  app.post('/c/:slug/watch-words/:listId', write, async (req, reply) => {
    const { access, list } = await listOf(req);
    const form = formBody(req);
    try {
      await service.updateList(
        store,
        requireViewer(req.viewer),
        Number(list.id),
        listInputOf(form),
      );
    } catch (err) {
      return formPage(req, reply, access, list, { values: form, err });
    }
    return redirectAfterPost(reply, watchWordsPath(access.community.slug), {
      key: 'watchWords.flash.saved',
    });
  });

  app.get('/c/:slug/watch-words/:listId/delete', async (req, reply) => {
    const { access, list } = await listOf(req);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('watchWords.deleteTitle', { name: list.name }),
      <DeleteWatchListPage ctx={ctx} community={access.community} list={list} />,
    );
  });

  app.post('/c/:slug/watch-words/:listId/delete', write, async (req, reply) => {
    const { access, list } = await listOf(req);
    await service.deleteList(store, requireViewer(req.viewer), Number(list.id));
    return redirectAfterPost(reply, watchWordsPath(access.community.slug), {
      key: 'watchWords.flash.deleted',
    });
  });
}
