import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentTeam, presentTeamPost } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['teams'];

/** Team voices for a community's animators, and their audit trail for instance admins. */
export function registerTeamsApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/communities/:id/teams',
    {
      schema: {
        tags,
        summary: 'A community’s team voices and their animators (its animators and admins)',
        params: schemas.communityParams,
        response: { 200: schemas.teamList },
      },
    },
    async (req) => {
      const { teams } = await service.listTeams(store, requireViewer(req.viewer), req.params.id);
      return { teams: teams.map(presentTeam) };
    },
  );

  api.post(
    '/api/v1/communities/:id/teams',
    {
      schema: {
        tags,
        summary: 'Create a team voice (its animators and admins)',
        params: schemas.communityParams,
        body: schemas.teamInput,
        response: { 201: schemas.teamCreated },
      },
      ...write,
    },
    async (req, reply) => {
      const id = await service.createTeam(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body,
      );
      return reply.status(201).send({ team: { id, name: req.body.name } });
    },
  );

  api.put(
    '/api/v1/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Add an animator to a team voice, or change their signature',
        params: schemas.teamParams,
        body: schemas.memberInput,
        response: { 204: schemas.done },
      },
      ...write,
    },
    async (req, reply) => {
      await service.addTeamMember(store, requireViewer(req.viewer), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/v1/teams/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Take an animator out of a team voice',
        params: schemas.memberParams,
        response: { 204: schemas.done },
      },
      ...write,
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      await service.removeTeamMember(store, viewer, req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/v1/admin/team-posts',
    {
      schema: {
        tags: ['admin'],
        summary: 'Who really wrote each team post and message (instance admins only)',
        querystring: schemas.auditQuery,
        response: { 200: schemas.auditList },
      },
    },
    async (req) => {
      const rows = await service.listTeamPosts(store, req.viewer, req.query);
      return { posts: rows.map(presentTeamPost) };
    },
  );
}
