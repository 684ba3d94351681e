import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Store } from '../db/index.js';
import {
  asFormFailure,
  formBody,
  pageContext,
  parseInput,
  redirectAfterPost,
  requireViewer,
  resendForm,
  sendPage,
  writeLimit,
  type AppDeps,
  type PageExtra,
} from '../http/index.js';
import { PulseAnimationPage } from './pages/animate.js';
import { PulseSettingsForm } from './pages/settings-form.js';
import { pulseAnimationPath, pulseFormPath, pulseSettingsPath } from './paths.js';
import { presentPicks } from './present.js';
import * as schemas from './schemas.js';
import type { PulseConfig } from './send.js';
import * as service from './service.js';

/** The pulse's section on the notifications' preferences page (src/http/deps.ts PageExtra). */
export function pulsePreferences(store: Store, config: PulseConfig): PageExtra {
  return async (req) => {
    if (!req.viewer) return null;
    const settings = await service.getSettings(store, req.viewer, config.defaultTimeZone);
    return (ctx) => <PulseSettingsForm ctx={ctx} settings={settings} />;
  };
}

// The route of pulseAnimationPath (whose helper would encode the colon).
const animationRoute = '/c/:slug/cockpit/pulse';
const slugParams = z.object({ slug: z.string().min(1).max(100) });
const pickForm = schemas.topicForm.extend({ action: z.enum(['pin', 'exclude']) });

export function registerPulsePages(app: FastifyInstance, deps: AppDeps, config: PulseConfig): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  app.get(pulseFormPath, async (req, reply) => {
    const settings = await service.getSettings(
      store,
      requireViewer(req.viewer),
      config.defaultTimeZone,
    );
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('pulse.settings.title'),
      <PulseSettingsForm ctx={ctx} settings={settings} />,
    );
  });

  app.post(pulseFormPath, write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const form = formBody(req);
    try {
      await service.setSettings(store, viewer, form, config.defaultTimeZone);
    } catch (err) {
      // Shown again with what was chosen, and the reason.
      const current = await service.getSettings(store, viewer, config.defaultTimeZone);
      const kept = {
        frequency:
          schemas.settings.shape.frequency.safeParse(form.frequency).data ?? current.frequency,
        timeZone: form.timeZone ?? current.timeZone,
        isDefaultZone: false,
      };
      return resendForm(req, reply, err, req.t('pulse.settings.title'), (ctx, failure) => (
        <PulseSettingsForm ctx={ctx} settings={kept} error={failure} />
      ));
    }
    return redirectAfterPost(reply, `${pulseSettingsPath}#pulse`, { key: 'pulse.flash.saved' });
  });

  const animationPage = async (
    req: FastifyRequest,
    slug: string,
    extra: { handle?: string; error?: { message: string; field: string | undefined } },
  ) => {
    const access = await service.requireAnimator(store, requireViewer(req.viewer), { slug });
    const picks = presentPicks(await service.listPicks(store, access));
    let preview;
    let error = extra.error;
    if (extra.handle && !error) {
      try {
        const p = await service.previewFor(store, access, extra.handle, config);
        preview = { handle: p.user.handle, pulse: p.pulse };
      } catch (err) {
        const failure = asFormFailure(req, err);
        error = failure;
      }
    }
    return { access, picks, preview, error };
  };

  app.get(animationRoute, async (req, reply) => {
    const { slug } = parseInput(slugParams, req.params);
    const handle = (req.query as { handle?: unknown }).handle;
    const view = await animationPage(
      req,
      slug,
      typeof handle === 'string' && handle !== '' ? { handle: handle.slice(0, 100) } : {},
    );
    const ctx = pageContext(req, reply);
    const community = { slug: view.access.community.slug, name: view.access.community.name };
    const status = view.error ? 404 : 200;
    return sendPage(
      reply,
      ctx,
      req.t('pulse.animate.title', { community: community.name }),
      <PulseAnimationPage
        ctx={ctx}
        community={community}
        picks={view.picks}
        preview={view.preview}
        error={view.error}
        handle={typeof handle === 'string' ? handle : undefined}
      />,
      status,
    );
  });

  const post = (name: string, run: (req: FastifyRequest, slug: string) => Promise<string>) =>
    app.post(`${animationRoute}/${name}`, write, async (req, reply) => {
      const { slug } = parseInput(slugParams, req.params);
      try {
        const flash = await run(req, slug);
        return redirectAfterPost(reply, pulseAnimationPath(slug), { key: flash });
      } catch (err) {
        const failure = asFormFailure(req, err);
        const view = await animationPage(req, slug, { error: failure });
        const ctx = pageContext(req, reply);
        const community = { slug: view.access.community.slug, name: view.access.community.name };
        return sendPage(
          reply,
          ctx,
          req.t('pulse.animate.title', { community: community.name }),
          <PulseAnimationPage ctx={ctx} community={community} picks={view.picks} error={failure} />,
          failure.status,
        );
      }
    });
  const act = async (
    req: FastifyRequest,
    slug: string,
    action: typeof service.pin,
    topicId: number,
  ) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireAnimator(store, viewer, { slug });
    await action(store, viewer, access, topicId);
  };
  post('pick', async (req, slug) => {
    const input = parseInput(pickForm, formBody(req));
    await act(req, slug, input.action === 'pin' ? service.pin : service.exclude, input.topicId);
    return input.action === 'pin' ? 'pulse.flash.pinned' : 'pulse.flash.excluded';
  });
  post('unpin', async (req, slug) => {
    await act(req, slug, service.unpin, parseInput(schemas.topicForm, formBody(req)).topicId);
    return 'pulse.flash.unpinned';
  });
  post('include', async (req, slug) => {
    await act(req, slug, service.include, parseInput(schemas.topicForm, formBody(req)).topicId);
    return 'pulse.flash.included';
  });
}
