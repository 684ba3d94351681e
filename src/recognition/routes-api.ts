import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { userPath } from '../accounts/index.js';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentBadge, presentEarned, presentSpotlight } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['recognition'];

export function registerRecognitionApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/users/:handle/badges',
    {
      schema: {
        tags,
        summary: 'A member’s badges, in the communities the viewer may read',
        params: schemas.handleParams,
        response: { 200: schemas.memberBadges },
      },
    },
    async (req) => {
      const earned = await service.badgesOfHandle(store, req.viewer, req.params.handle);
      return { badges: earned.map((e) => presentEarned(e, req.locale)) };
    },
  );

  api.get(
    '/api/v1/communities/:id/badges',
    {
      schema: {
        tags,
        summary: 'The badges of a community, with those the viewer earned there',
        params: schemas.communityParams,
        response: { 200: schemas.communityBadges },
      },
    },
    async (req) => {
      const view = await service.communityBadges(store, req.viewer, { id: req.params.id });
      return {
        badges: view.badges.map((b) => ({
          ...presentBadge(b.badge, req.locale),
          awardedAt: b.awardedAt === null ? null : new Date(b.awardedAt).toISOString(),
        })),
      };
    },
  );

  api.get(
    '/api/v1/communities/:id/leaderboard',
    {
      schema: {
        tags,
        summary:
          'Members ranked by badges and accepted answers (404 unless the community shows it)',
        params: schemas.communityParams,
        response: { 200: schemas.leaderboard },
      },
    },
    async (req) => {
      const { days, members } = await service.leaderboard(store, req.viewer, { id: req.params.id });
      return { days, members };
    },
  );

  api.put(
    '/api/v1/communities/:id/leaderboard-setting',
    {
      schema: {
        tags,
        summary: 'Switch the community’s leaderboard on or off (animators)',
        params: schemas.communityParams,
        body: schemas.leaderboardInput,
        response: { 200: schemas.leaderboardSetting },
      },
      ...write,
    },
    async (req) => {
      const access = await service.requireAnimator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      await service.setLeaderboard(store, access, req.body.enabled);
      return { enabled: req.body.enabled };
    },
  );

  api.get(
    '/api/v1/communities/:id/spotlight',
    {
      schema: {
        tags,
        summary: 'The member in the spotlight on the community’s home now, if any',
        params: schemas.communityParams,
        response: { 200: schemas.currentSpotlight },
      },
    },
    async (req) => {
      const access = await service.requireReadable(store, req.viewer, { id: req.params.id });
      const current = await service.currentSpotlight(store, access);
      return {
        spotlight: current
          ? {
              id: Number(current.id),
              communityId: access.community.id,
              member: { handle: current.handle, href: userPath(current.handle) },
              portrait: current.portrait,
              until: new Date(current.until_at).toISOString(),
              state: 'accepted' as const,
            }
          : null,
      };
    },
  );

  api.post(
    '/api/v1/communities/:id/spotlights',
    {
      schema: {
        tags,
        summary: 'Propose a spotlight on a member (animators); shown once the member accepts',
        params: schemas.communityParams,
        body: schemas.spotlightInput,
        response: { 201: schemas.spotlightResponse },
      },
      ...write,
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireAnimator(store, viewer, { id: req.params.id });
      const made = await service.proposeSpotlight(store, viewer, access, req.body);
      const handle = req.body.handle.trim().replace(/^@/, '').toLowerCase();
      return reply.status(201).send({ spotlight: presentSpotlight(made, { handle }) });
    },
  );

  for (const answer of ['accept', 'decline'] as const)
    api.post(
      `/api/v1/spotlights/:id/${answer}`,
      {
        schema: {
          tags,
          summary:
            answer === 'accept'
              ? 'Accept a spotlight on oneself: it is pinned on the community’s home'
              : 'Decline a spotlight on oneself: it is never shown',
          params: schemas.spotlightParams,
          response: { 200: schemas.spotlightResponse },
        },
        ...write,
      },
      async (req) => {
        const viewer = requireViewer(req.viewer);
        const state = answer === 'accept' ? 'accepted' : 'declined';
        const done = await service.answerSpotlight(store, viewer, req.params.id, state);
        return { spotlight: presentSpotlight(done, { handle: viewer.handle }) };
      },
    );
}
