import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CommunityPage,
  GroupPage,
  communityPath,
  getCommunity,
  getGroup,
  groupPath,
  type CommunityAccess,
  type ReadableSpaces,
} from '../communities/index.js';
import {
  AppError,
  asFormFailure,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  sendPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../http/index.js';
import type { VNode } from 'preact';
import { toPlainText } from '../markdown/index.js';
import { replyActionsPath, replyPath, topicPath } from './paths.js';
import { canPostIn } from './policy.js';
import { ComposePage, EditPostPage } from './pages/compose.js';
import { voicesIn } from '../teams/index.js';
import { registerDeletionPages } from './routes-delete.js';
import { SearchPage, searchFormOf } from './pages/search.js';
import { TopicList } from './pages/topic-list.js';
import { TopicPage } from './pages/topic.js';
import * as schemas from './schemas.js';
import { searchChoices, searchConversations, type SearchView } from './search.js';
import * as service from './service.js';

const PAGE_SIZE = 30;
// What a search result shows of a page's description, about.
const DESCRIPTION_LENGTH = 160;
type Params = { slug: string; id: string; group: string };

function pageOf(req: FastifyRequest): number {
  const n = Number((req.query as { page?: string }).page ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

function idOf(req: FastifyRequest): number {
  return parseInput(schemas.idParams, { id: (req.params as Params).id }).id;
}

/**
 * What another feature pins on a community's home above its topics (the spotlight), given by the
 * composition root so that conversations depends on none of them.
 */
export type HomeExtra = (ctx: PageContext, access: CommunityAccess) => Promise<VNode | null>;

/** The same above a group's topics (the announcements pinned to it), for its readers. */
export type GroupExtra = (
  ctx: PageContext,
  access: CommunityAccess,
  groupId: number,
) => Promise<VNode | null>;

export function registerConversationsPages(
  app: FastifyInstance,
  deps: AppDeps,
  homeExtras: HomeExtra[] = [],
  groupExtras: GroupExtra[] = [],
): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };
  registerDeletionPages(app, deps);

  app.get('/c/:slug', async (req, reply) => {
    const view = await getCommunity(store, req.viewer, { slug: (req.params as Params).slug });
    const page = pageOf(req);
    const ctx = pageContext(req, reply);
    const c = view.access.community;
    const { topics } = await service
      .listTopics(store, req.viewer, c.id, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE })
      .catch((err: unknown) => {
        // A private community shows its header and charter to outsiders, never its topics.
        if (err instanceof AppError && err.code === 'not_found') return { topics: [] };
        throw err;
      });
    const extras = view.canReadContent
      ? await Promise.all(homeExtras.map((extra) => extra(ctx, view.access)))
      : [];
    return sendPage(
      reply,
      ctx,
      { title: c.name, description: c.purpose },
      <CommunityPage ctx={ctx} view={view}>
        {extras}
        {canPostIn(view.access, undefined) && (
          <p>
            <a class="button" href={`${communityPath(c.slug)}/new`}>
              {req.t('conversations.new')}
            </a>
          </p>
        )}
        <TopicList
          ctx={ctx}
          slug={c.slug}
          topics={topics.slice(0, PAGE_SIZE)}
          page={page}
          hasMore={topics.length > PAGE_SIZE}
          basePath={communityPath(c.slug)}
        />
      </CommunityPage>,
    );
  });

  app.get('/c/:slug/g/:group', async (req, reply) => {
    const params = req.params as Params;
    const view = await getCommunity(store, req.viewer, { slug: params.slug });
    const groupView = await getGroup(store, req.viewer, view.access, { slug: params.group });
    const page = pageOf(req);
    const c = view.access.community;
    const g = groupView.g.group;
    // A private group shows its card to the community's members, its topics to its own.
    const { topics } = groupView.canReadContent
      ? await service.listTopics(store, req.viewer, c.id, {
          groupId: g.id,
          limit: PAGE_SIZE + 1,
          offset: (page - 1) * PAGE_SIZE,
        })
      : { topics: [] };
    const control = groupView.canReadContent
      ? await deps.placeControl?.(req, { kind: 'group', id: g.id })
      : undefined;
    const ctx = pageContext(req, reply);
    const extras = groupView.canReadContent
      ? await Promise.all(groupExtras.map((extra) => extra(ctx, view.access, g.id)))
      : [];
    return sendPage(
      reply,
      ctx,
      { title: g.name, description: g.description },
      <GroupPage ctx={ctx} access={view.access} view={groupView}>
        {control?.(ctx)}
        {extras}
        {canPostIn(view.access, groupView.g) && (
          <p>
            <a class="button" href={`${communityPath(c.slug)}/new?group=${g.id}`}>
              {req.t('conversations.newInGroup')}
            </a>
          </p>
        )}
        <TopicList
          ctx={ctx}
          slug={c.slug}
          topics={topics.slice(0, PAGE_SIZE)}
          page={page}
          hasMore={topics.length > PAGE_SIZE}
          basePath={groupPath(c.slug, g.slug)}
        />
      </GroupPage>,
    );
  });

  async function showCompose(
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormBody,
    failure?: FormFailure,
  ) {
    const viewer = requireViewer(req.viewer);
    const view = await getCommunity(store, req.viewer, { slug: (req.params as Params).slug });
    const myTeams = await voicesIn(store.db, viewer, view.access);
    const ctx = pageContext(req, reply);
    const c = view.access.community;
    return sendPage(
      reply,
      ctx,
      req.t('conversations.compose.title'),
      <ComposePage
        ctx={ctx}
        community={c}
        groups={view.groups.filter((g) => view.postableGroupIds.includes(g.id))}
        teams={myTeams}
        values={values}
        failure={failure}
      />,
      failure?.status ?? 200,
    );
  }

  app.get('/c/:slug/new', (req, reply) =>
    showCompose(req, reply, { groupId: (req.query as { group?: string }).group }),
  );

  app.post('/c/:slug/new', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    const view = await getCommunity(store, req.viewer, { slug: (req.params as Params).slug });
    try {
      const input = parseInput(schemas.topicInput, { ...form, groupId: form.groupId || null });
      const id = await service.createTopic(
        store,
        viewer,
        view.access.community.id,
        input,
        undefined,
        { trustLimits: deps.trustLimits },
      );
      return redirectAfterPost(reply, topicPath(view.access.community.slug, id), {
        key: 'conversations.flash.published',
      });
    } catch (err) {
      return showCompose(req, reply, form, asFormFailure(req, err));
    }
  });

  async function topicOf(req: FastifyRequest, countVisit = false) {
    const view = await service.getTopic(store, req.viewer, idOf(req), {
      countVisit,
      // A reader not signed in is counted once a day, by a salted hash of these two.
      anonymous: { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' },
      onUncounted: (err) => req.log.warn({ err }, 'anonymous visit not counted'),
    });
    if (view.access.community.slug !== (req.params as Params).slug) throw new AppError('not_found');
    return view;
  }

  async function showTopic(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    failure?: FormFailure,
  ) {
    const view = await topicOf(req, !failure);
    const control = await deps.placeControl?.(req, { kind: 'topic', id: view.topic.id });
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      { title: view.topic.title, description: toPlainText(view.topic.body, DESCRIPTION_LENGTH) },
      <TopicPage
        ctx={ctx}
        view={view}
        values={values}
        failure={failure}
        control={control?.(ctx)}
      />,
      failure?.status ?? 200,
    );
  }

  app.get('/c/:slug/t/:id', (req, reply) => showTopic(req, reply));

  app.post('/c/:slug/t/:id/replies', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    const topicId = idOf(req);
    try {
      const id = await service.createReply(
        store,
        viewer,
        topicId,
        parseInput(schemas.replyInput, {
          body: form.body,
          parentReplyId: form.parentReplyId || null,
          asTeam: form.asTeam,
        }),
        { trustLimits: deps.trustLimits },
      );
      return redirectAfterPost(reply, replyPath((req.params as Params).slug, topicId, id), {
        key: 'conversations.flash.replied',
      });
    } catch (err) {
      return showTopic(req, reply, form, asFormFailure(req, err));
    }
  });

  app.post('/c/:slug/t/:id/accept', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const topicId = idOf(req);
    const form = formBody(req).replyId;
    const replyId = form ? parseInput(schemas.acceptInput, { replyId: form }).replyId : null;
    await service.acceptReply(store, viewer, topicId, replyId);
    const slug = (req.params as Params).slug;
    return redirectAfterPost(
      reply,
      replyId !== null ? replyPath(slug, topicId, replyId) : topicPath(slug, topicId),
      { key: replyId !== null ? 'conversations.flash.accepted' : 'conversations.flash.unaccepted' },
    );
  });

  app.post('/c/:slug/react', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    const target = form.target === 'reply' ? 'reply' : 'topic';
    const { id } = parseInput(schemas.idParams, { id: form.id });
    const { kind } = parseInput(schemas.reactionInput, { kind: form.kind });
    const on = form.on !== '0';
    const topicId = await service.setReaction(store, viewer, { kind: target, id }, kind, on);
    const slug = (req.params as Params).slug;
    return redirectAfterPost(
      reply,
      target === 'reply' ? replyPath(slug, topicId, id) : topicPath(slug, topicId),
      {
        key: on ? 'conversations.flash.reacted' : 'conversations.flash.unreacted',
        params: { reaction: req.t(`conversations.reaction.${kind}`) },
      },
    );
  });

  async function showTopicEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    failure?: FormFailure,
  ) {
    const view = await service.getTopicToChange(store, requireViewer(req.viewer), idOf(req));
    if (view.access.community.slug !== (req.params as Params).slug) throw new AppError('not_found');
    const base = topicPath(view.access.community.slug, view.topic.id);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('conversations.edit.title'),
      <EditPostPage
        ctx={ctx}
        action={`${base}/edit`}
        back={base}
        title={values?.title ?? view.topic.title}
        body={values?.body ?? view.topic.body}
        failure={failure}
      />,
      failure?.status ?? 200,
    );
  }

  app.get('/c/:slug/t/:id/edit', (req, reply) => showTopicEdit(req, reply));

  app.post('/c/:slug/t/:id/edit', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      await service.editTopic(store, viewer, idOf(req), parseInput(schemas.topicPatch, form));
      return redirectAfterPost(reply, topicPath((req.params as Params).slug, idOf(req)), {
        key: 'conversations.flash.edited',
      });
    } catch (err) {
      return showTopicEdit(req, reply, form, asFormFailure(req, err));
    }
  });

  async function showReplyEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    failure?: FormFailure,
  ) {
    const r = await service.getReplyForEdit(store, requireViewer(req.viewer), idOf(req));
    const slug = r.access.community.slug;
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('conversations.edit.title'),
      <EditPostPage
        ctx={ctx}
        action={`${replyActionsPath(slug, r.reply.id)}/edit`}
        back={replyPath(slug, r.topic.id, r.reply.id)}
        body={values?.body ?? r.reply.body}
        failure={failure}
      />,
      failure?.status ?? 200,
    );
  }

  app.get('/c/:slug/r/:id/edit', (req, reply) => showReplyEdit(req, reply));

  app.post('/c/:slug/r/:id/edit', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      const { body } = parseInput(schemas.replyPatch, form);
      const topicId = await service.editReply(store, viewer, idOf(req), body);
      return redirectAfterPost(reply, replyPath((req.params as Params).slug, topicId, idOf(req)), {
        key: 'conversations.flash.edited',
      });
    } catch (err) {
      return showReplyEdit(req, reply, form, asFormFailure(req, err));
    }
  });

  app.get('/search', async (req, reply) => {
    const form = searchFormOf(req.query);
    const ctx = pageContext(req, reply);
    const show = (spaces: ReadableSpaces, view?: SearchView, failure?: FormFailure) =>
      sendPage(
        reply,
        ctx,
        req.t('conversations.search.title'),
        <SearchPage ctx={ctx} form={form} spaces={spaces} view={view} failure={failure} />,
        failure?.status ?? 200,
      );
    try {
      const view = await searchConversations(
        store,
        req.viewer,
        parseInput(schemas.searchQuery, req.query),
      );
      return show(view.spaces, view);
    } catch (err) {
      // A bad filter is told on the form, which keeps what was typed.
      const failure = asFormFailure(req, err);
      return show(await searchChoices(store, req.viewer), undefined, failure);
    }
  });
}
