import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findUsersByIds, type ProfileExtra } from '../accounts/index.js';
import type { CommunityAccess } from '../communities/index.js';
import type { Store } from '../db/index.js';
import {
  asFormFailure,
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
import type { VNode } from 'preact';
import { CommunityBadgesPage, ProfileBadges, SpotlightCard } from './pages/badges.js';
import { RecognitionAdminPage } from './pages/animate.js';
import { LeaderboardPage } from './pages/leaderboard.js';
import { SpotlightProposalPage } from './pages/spotlight.js';
import { recognitionAdminPath, spotlightPath } from './paths.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

/** The badges section of a member's profile (given to accounts by the composition root). */
export function profileBadges(store: Store): ProfileExtra {
  return async (ctx, member) => {
    if (member.isSystem) return null;
    const earned = await service.badgesOfMember(store, ctx.viewer, member.id);
    return <ProfileBadges ctx={ctx} earned={earned} />;
  };
}

/** The accepted spotlight on a community's home, for those who may read the community. */
export type HomeExtra = (ctx: PageContext, access: CommunityAccess) => Promise<VNode | null>;

export function homeSpotlight(store: Store): HomeExtra {
  return async (ctx, access) => {
    const current = await service.currentSpotlight(store, access);
    return current ? <SpotlightCard ctx={ctx} spotlight={current} /> : null;
  };
}

function slugOf(req: FastifyRequest): string {
  return parseInput(schemas.slugParams, req.params).slug;
}

export function registerRecognitionPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  app.get('/c/:slug/badges', async (req, reply) => {
    const view = await service.communityBadges(store, req.viewer, { slug: slugOf(req) });
    const ctx = pageContext(req, reply);
    const community = view.access.community;
    return sendPage(
      reply,
      ctx,
      req.t('recognition.badges.title', { community: community.name }),
      <CommunityBadgesPage ctx={ctx} community={community} badges={view.badges} />,
    );
  });

  app.get('/c/:slug/leaderboard', async (req, reply) => {
    const board = await service.leaderboard(store, req.viewer, { slug: slugOf(req) });
    const ctx = pageContext(req, reply);
    const community = board.access.community;
    return sendPage(
      reply,
      ctx,
      req.t('recognition.leaderboard.title', { community: community.name }),
      <LeaderboardPage ctx={ctx} community={community} days={board.days} members={board.members} />,
    );
  });

  const adminPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    access: CommunityAccess,
    kept?: { values: FormBody; err: unknown },
  ) => {
    const leaderboard = await service.isLeaderboardOn(store, access);
    const community = access.community;
    const title = req.t('recognition.admin.title', { community: community.name });
    const render = (ctx: PageContext, failure?: ReturnType<typeof asFormFailure>) => (
      <RecognitionAdminPage
        ctx={ctx}
        community={community}
        leaderboard={leaderboard}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/c/:slug/recognition', async (req, reply) => {
    const access = await service.requireAnimator(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    return adminPage(req, reply, access);
  });

  app.post('/c/:slug/recognition/spotlights', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireAnimator(store, viewer, { slug: slugOf(req) });
    const form = formBody(req);
    try {
      const input = parseInput(schemas.spotlightInput, {
        handle: form.handle ?? '',
        portrait: form.portrait ?? '',
        until: form.until ?? '',
      });
      await service.proposeSpotlight(store, viewer, access, input);
    } catch (err) {
      return adminPage(req, reply, access, { values: form, err });
    }
    return redirectAfterPost(reply, recognitionAdminPath(access.community.slug), {
      key: 'recognition.flash.proposed',
    });
  });

  app.post('/c/:slug/recognition/leaderboard', write, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const access = await service.requireAnimator(store, viewer, { slug: slugOf(req) });
    await service.setLeaderboard(store, access, formBody(req).enabled === '1');
    return redirectAfterPost(reply, recognitionAdminPath(access.community.slug), {
      key: 'recognition.flash.leaderboard',
    });
  });

  const showSpotlight = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    error?: unknown,
  ) => {
    const viewer = requireViewer(req.viewer);
    const view = await service.getSpotlight(store, viewer, id);
    const s = view.spotlight;
    const names = new Map(
      (await findUsersByIds(store.db, [Number(s.author_id), Number(s.member_id)])).map((u) => [
        u.id,
        u.display_name,
      ]),
    );
    const ctx = pageContext(req, reply);
    const failure = error === undefined ? undefined : asFormFailure(req, error);
    return sendPage(
      reply,
      ctx,
      req.t('recognition.spotlight.proposal.title', { community: view.access.community.name }),
      <SpotlightProposalPage
        ctx={ctx}
        community={view.access.community}
        spotlight={s}
        author={names.get(Number(s.author_id)) ?? ''}
        member={names.get(Number(s.member_id)) ?? ''}
        isMember={view.isMember}
        error={failure?.message}
      />,
      failure?.status ?? 200,
    );
  };

  app.get('/spotlights/:id', (req, reply) =>
    showSpotlight(req, reply, parseInput(schemas.spotlightParams, req.params).id),
  );

  for (const answer of ['accept', 'decline'] as const)
    app.post(`/spotlights/:id/${answer}`, write, async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const { id } = parseInput(schemas.spotlightParams, req.params);
      try {
        await service.answerSpotlight(
          store,
          viewer,
          id,
          answer === 'accept' ? 'accepted' : 'declined',
        );
      } catch (err) {
        if (asFormFailure(req, err).status === 404) throw err;
        return showSpotlight(req, reply, id, err);
      }
      return redirectAfterPost(reply, spotlightPath(id), {
        key: answer === 'accept' ? 'recognition.flash.accepted' : 'recognition.flash.declined',
      });
    });
}
