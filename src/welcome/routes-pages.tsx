import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newcomerBuddy } from '../buddies/index.js';
import type { CommunityAccess } from '../communities/index.js';
import {
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
  type Viewer,
} from '../http/index.js';
import { isLocale } from '../i18n/index.js';
import { messageWriteLimit, type MessageLimits } from '../messages/index.js';
import { WelcomeFormPage, WelcomeTemplatesPage } from './pages/forms.js';
import { WelcomeQueuePage } from './pages/queue.js';
import { welcomeQueuePath, welcomeTemplatesPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

type Kept = { values: FormBody; err: unknown };

export function registerWelcomePages(app: FastifyInstance, deps: AppDeps, limits: MessageLimits) {
  const { store } = deps;
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  app.get('/c/:slug/welcome', async (req, reply) => {
    const access = await service.requireWelcomer(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const newcomers = await service.welcomeQueue(store, access);
    const ctx = pageContext(req, reply);
    const community = access.community;
    return sendPage(
      reply,
      ctx,
      req.t('welcome.queue.title', { community: community.name }),
      <WelcomeQueuePage
        ctx={ctx}
        community={community}
        days={service.NEWCOMER_DAYS}
        newcomers={newcomers}
      />,
    );
  });

  const templatesPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    access: CommunityAccess,
    kept?: Kept,
  ) => {
    const templates = await service.templatesOf(store, access);
    const community = access.community;
    const title = req.t('welcome.templates.title', { community: community.name });
    const render = (
      ctx: PageContext,
      failure?: Parameters<typeof WelcomeTemplatesPage>[0]['failure'],
    ) => (
      <WelcomeTemplatesPage
        ctx={ctx}
        community={community}
        templates={templates}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/welcome/templates', async (req, reply) => {
    const access = await service.requireWelcomer(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    return templatesPage(req, reply, access);
  });

  app.post(
    '/c/:slug/welcome/templates',
    { config: writeLimit(deps.limits) },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireWelcomer(store, viewer, { slug: slugOf(req) });
      const form = formBody(req);
      const locale = isLocale(form.locale) ? form.locale : 'fr';
      try {
        await service.saveTemplate(store, viewer, access, {
          locale,
          body: form[`template_${locale}`] ?? '',
        });
      } catch (err) {
        return templatesPage(req, reply, access, { values: { ...form, locale }, err });
      }
      return redirectAfterPost(reply, welcomeTemplatesPath(access.community.slug), {
        key: 'welcome.flash.saved',
      });
    },
  );

  const welcomePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    access: CommunityAccess,
    userId: number,
    kept?: Kept,
  ) => {
    const newcomer = await service.requireNewcomer(store, access, userId);
    const [body, teams, buddy] = await Promise.all([
      service.draftWelcome(store, access, newcomer),
      service.welcomeVoicesOf(store, viewer, access),
      newcomerBuddy(store, access, userId),
    ]);
    const title = req.t('welcome.form.title', { name: newcomer.member.displayName });
    const render = (
      ctx: PageContext,
      failure?: Parameters<typeof WelcomeFormPage>[0]['failure'],
    ) => (
      <WelcomeFormPage
        ctx={ctx}
        community={access.community}
        newcomer={newcomer}
        body={body}
        teams={teams}
        buddyProposals={buddy.proposals}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/welcome/:userId', async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { slug, userId } = parseInput(schemas.slugNewcomerParams, req.params);
    const access = await service.requireWelcomer(store, viewer, { slug });
    return welcomePage(req, reply, viewer, access, userId);
  });

  app.post('/c/:slug/welcome/:userId', messageWriteLimit(deps.limits), async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { slug, userId } = parseInput(schemas.slugNewcomerParams, req.params);
    const access = await service.requireWelcomer(store, viewer, { slug });
    const form = formBody(req);
    try {
      const input = parseInput(schemas.welcomeInput, {
        body: form.body,
        asTeam: form.asTeam,
        buddyId: form.buddyId,
      });
      await service.welcomeNewcomer(store, viewer, access, userId, input, limits);
    } catch (err) {
      return welcomePage(req, reply, viewer, access, userId, { values: form, err });
    }
    return redirectAfterPost(reply, welcomeQueuePath(access.community.slug), {
      key: 'welcome.flash.sent',
    });
  });
}
