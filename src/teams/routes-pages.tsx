import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getCommunity } from '../communities/index.js';
import {
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
} from '../http/index.js';
import { TeamPostsAuditPage } from './pages/audit.js';
import { TeamsPage } from './pages/teams.js';
import { teamPostsAuditPath, teamsPath } from './paths.js';
import { presentTeamPost } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

type Params = { slug: string; id?: string; userId?: string };

/** The team voices page of a community (animators, admins) and the admins' audit page. */
export function registerTeamsPages(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  async function showTeams(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: FormBody,
    failure?: { form: string; err: unknown },
  ) {
    const viewer = requireViewer(req.viewer);
    const view = await getCommunity(store, viewer, { slug: (req.params as Params).slug });
    const { teams } = await service.listTeams(store, viewer, view.access.community.id);
    const ctx = pageContext(req, reply);
    const formFailure = failure && { ...asFormFailure(req, failure.err), form: failure.form };
    return sendPage(
      reply,
      ctx,
      req.t('teams.title'),
      <TeamsPage
        ctx={ctx}
        community={view.access.community}
        teams={teams}
        values={values}
        failure={formFailure}
      />,
      formFailure?.status ?? 200,
    );
  }

  /** Runs a form's action, then back to the page with a flash, or the page again with the error. */
  async function act(
    req: FastifyRequest,
    reply: FastifyReply,
    form: string,
    flashKey: string,
    run: (viewerCommunityId: number, fields: FormBody) => Promise<void>,
  ) {
    const viewer = requireViewer(req.viewer);
    const slug = (req.params as Params).slug;
    const fields = formBody(req);
    const view = await getCommunity(store, viewer, { slug });
    try {
      await run(view.access.community.id, fields);
      return redirectAfterPost(reply, teamsPath(slug), { key: flashKey });
    } catch (err) {
      return showTeams(req, reply, fields, { form, err });
    }
  }

  app.get('/c/:slug/teams', (req, reply) => showTeams(req, reply));

  app.post('/c/:slug/teams', write, (req, reply) =>
    act(req, reply, 'new', 'teams.flash.created', async (communityId, fields) => {
      const input = parseInput(schemas.teamInput, { name: fields.name });
      await service.createTeam(store, requireViewer(req.viewer), communityId, input);
    }),
  );

  app.post('/c/:slug/teams/:id/members', write, (req, reply) => {
    const { id } = parseInput(schemas.teamParams, { id: (req.params as Params).id });
    return act(req, reply, `team-${id}`, 'teams.flash.memberSaved', async (_c, fields) => {
      const input = parseInput(schemas.memberInput, {
        handle: fields.handle,
        signatureStyle: fields.signatureStyle,
      });
      await service.addTeamMember(store, requireViewer(req.viewer), id, input);
    });
  });

  app.post('/c/:slug/teams/:id/members/:userId/remove', write, (req, reply) => {
    const p = req.params as Params;
    const { id, userId } = parseInput(schemas.memberParams, { id: p.id, userId: p.userId });
    return act(req, reply, `team-${id}`, 'teams.flash.memberRemoved', () =>
      service.removeTeamMember(store, requireViewer(req.viewer), id, userId),
    );
  });

  app.get(teamPostsAuditPath, async (req, reply) => {
    const query = parseInput(schemas.auditQuery, req.query);
    const rows = await service.listTeamPosts(store, req.viewer, query);
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      ctx,
      req.t('teams.audit.title'),
      <TeamPostsAuditPage ctx={ctx} posts={rows.map(presentTeamPost)} />,
    );
  });
}
