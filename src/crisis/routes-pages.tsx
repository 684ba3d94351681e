import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommunityAccess } from '../communities/index.js';
import { now } from '../db/index.js';
import {
  AppError,
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
import { CrisisPage } from './pages/crisis.js';
import { crisisPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import { CALM_MAX, CALM_MIN, SLOW_MAX } from './settings.js';

/** A whole number typed in a form; anything else NaN, refused by the service with its field. */
const whole = (raw: string | undefined) => {
  const s = (raw ?? '').trim();
  return /^\d{1,5}$/.test(s) ? Number(s) : Number.NaN;
};

export function registerCrisisPages(app: FastifyInstance, deps: AppDeps) {
  const { store } = deps;
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  const crisisPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    access: CommunityAccess,
    kept?: { form: 'settings' | 'start'; values: FormBody; err: unknown },
  ) => {
    const community = access.community;
    const [crises, settings] = await Promise.all([
      service.listCrises(store, access),
      service.crisisSettingsOf(store.db, community.id),
    ]);
    const title = req.t('crisis.title', { community: community.name });
    const render = (ctx: PageContext, failure?: FormFailure) => (
      <CrisisPage
        ctx={ctx}
        community={community}
        crises={crises}
        settings={settings}
        canEdit={service.mayEditSettings(access)}
        bounds={{ slowMax: SLOW_MAX, calmMin: CALM_MIN, calmMax: CALM_MAX }}
        form={kept?.form}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  const staff = (req: FastifyRequest) =>
    service.requireCrisisStaff(store, requireViewer(req.viewer), { slug: slugOf(req) });

  app.get('/c/:slug/crisis', async (req, reply) => crisisPage(req, reply, await staff(req)));

  app.post('/c/:slug/crisis/settings', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await staff(req);
    const form = formBody(req);
    try {
      await service.saveCrisisSettings(
        store,
        viewer,
        access,
        {
          autoStart: form.autoStart === '1',
          holdYoungPosts: form.holdYoungPosts === '1',
          approveSignups: form.approveSignups === '1',
          youngLinksOff: form.youngLinksOff === '1',
          slowModeMinutes: whole(form.slowModeMinutes),
          calmMinutes: whole(form.calmMinutes),
        },
        now(),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') throw err;
      return crisisPage(req, reply, access, { form: 'settings', values: form, err });
    }
    return redirectAfterPost(reply, crisisPath(access.community.slug), {
      key: 'crisis.flash.saved',
    });
  });

  app.post('/c/:slug/crisis/start', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await staff(req);
    const form = formBody(req);
    const raw = (form.topicId ?? '').trim();
    try {
      const topicId = raw === '' ? null : whole(raw);
      if (topicId !== null && !(topicId > 0))
        throw new AppError('invalid_input', { field: 'topicId' });
      await service.startByHand(store, viewer, access, topicId, now());
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err;
      return crisisPage(req, reply, access, { form: 'start', values: form, err });
    }
    return redirectAfterPost(reply, crisisPath(access.community.slug), {
      key: 'crisis.flash.started',
    });
  });

  for (const action of ['renew', 'end'] as const)
    app.post(
      `/c/:slug/crisis/:id/${action}`,
      { config: writeLimit(deps.limits) },
      async (req, reply) => {
        const viewer = requireViewer(req.viewer);
        const { slug, id } = parseInput(schemas.crisisFormParams, req.params);
        const access = await service.requireCrisisStaff(store, viewer, { slug });
        await (action === 'renew' ? service.renewCrisis : service.endCrisis)(
          store,
          viewer,
          id,
          now(),
          access.community.id,
        );
        return redirectAfterPost(reply, crisisPath(slug), {
          key: action === 'renew' ? 'crisis.flash.renewed' : 'crisis.flash.ended',
        });
      },
    );
}
