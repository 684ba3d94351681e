import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getCommunity, type CommunityAccess } from '../communities/index.js';
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
  type FormFailure,
  type PageContext,
  type Viewer,
} from '../http/index.js';
import { FirstStepsEditPage } from './pages/edit.js';
import { FirstStepsPage } from './pages/first-steps.js';
import { firstStepsPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

/** A topic's address (…/t/12, with or without an anchor) or its number; 0 for anything else. */
function topicIdFrom(value: string | undefined): number | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const match = /^(?:.*\/t\/)?(\d{1,15})\/?(?:[#?].*)?$/.exec(text);
  return match ? Number(match[1]) : 0;
}

export function registerFirstStepsPages(app: FastifyInstance, deps: AppDeps) {
  const { store } = deps;
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  app.get('/c/:slug/first-steps', async (req, reply) => {
    const access = await service.requireReader(store, req.viewer, { slug: slugOf(req) });
    const page = await service.firstStepsFor(store, req.viewer, access, req.locale);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('firstSteps.title', { community: page.community.name }),
      <FirstStepsPage ctx={ctx} page={page} />,
    );
  });

  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    access: CommunityAccess,
    kept?: { values: FormBody; err: unknown },
  ) => {
    const [settings, view] = await Promise.all([
      service.settingsOf(store, access),
      getCommunity(store, viewer, { id: access.community.id }),
    ]);
    const community = access.community;
    const title = req.t('firstSteps.edit.title', { community: community.name });
    const render = (ctx: PageContext, failure?: FormFailure) => (
      <FirstStepsEditPage
        ctx={ctx}
        community={community}
        settings={settings}
        groups={view.groups.map((g) => ({ id: Number(g.id), name: g.name }))}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/first-steps/edit', async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireEditor(store, viewer, { slug: slugOf(req) });
    return editPage(req, reply, viewer, access);
  });

  app.post('/c/:slug/first-steps/edit', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireEditor(store, viewer, { slug: slugOf(req) });
    const form = formBody(req);
    try {
      const group = (form.introduceGroupId ?? '').trim();
      await service.saveFirstSteps(store, viewer, access, {
        welcomeFr: form.welcomeFr,
        welcomeEn: form.welcomeEn,
        askFr: form.askFr,
        askEn: form.askEn,
        introduceTopicId: topicIdFrom(form.introduceTopicId),
        introduceGroupId: /^\d{1,15}$/.test(group) ? Number(group) : group === '' ? null : 0,
      });
    } catch (err) {
      return editPage(req, reply, viewer, access, { values: form, err });
    }
    return redirectAfterPost(reply, firstStepsPath(access.community.slug), {
      key: 'firstSteps.flash.saved',
    });
  });
}
