import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommunityAccess } from '../communities/index.js';
import {
  formBody,
  parseInput,
  redirectAfterPost,
  requireViewer,
  sendFormPage,
  writeLimit,
  type AppDeps,
  type FormBody,
  type FormFailure,
  type PageContext,
} from '../http/index.js';
import { FirstPostAlertPage } from './pages/setting.js';
import { firstPostAlertPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

export function registerFirstPostAlertPages(app: FastifyInstance, deps: AppDeps) {
  const { store } = deps;
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  const settingPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    access: CommunityAccess,
    kept?: { values: FormBody; err: unknown },
  ) => {
    const setting = await service.alertSettingOf(store, access);
    const community = access.community;
    const title = req.t('firstPostAlert.title', { community: community.name });
    const render = (ctx: PageContext, failure?: FormFailure) => (
      <FirstPostAlertPage
        ctx={ctx}
        community={community}
        setting={setting}
        maxHours={service.MAX_HOURS}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/first-post-alert', async (req, reply) => {
    const access = await service.requireAnimator(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    return settingPage(req, reply, access);
  });

  app.post('/c/:slug/first-post-alert', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireAnimator(store, viewer, { slug: slugOf(req) });
    const form = formBody(req);
    try {
      const hours = (form.hours ?? '').trim();
      await service.saveAlertSetting(store, viewer, access, {
        enabled: form.enabled === '1',
        // Not a whole number: refused by the service with the field named.
        hours: /^\d{1,4}$/.test(hours) ? Number(hours) : Number.NaN,
      });
    } catch (err) {
      return settingPage(req, reply, access, { values: form, err });
    }
    return redirectAfterPost(reply, firstPostAlertPath(access.community.slug), {
      key: 'firstPostAlert.flash.saved',
    });
  });
}
