import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentCommunity, presentGroup, presentViewerStanding } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['communities'];
const groupTags = ['groups'];
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size.'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip.'),
});
const membersQuery = pageQuery.extend({
  status: z
    .enum(schemas.memberStatuses)
    .optional()
    .describe('Only these: pending requests and invitations are for animators.'),
});

export function registerCommunitiesApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/communities',
    { schema: { tags, summary: 'Communities the viewer may see' } },
    async (req) => {
      const list = await service.listVisibleCommunities(store, req.viewer);
      return {
        communities: list.map((x) => ({
          ...presentCommunity(x.community, { memberCount: x.memberCount }),
          isMember: x.isMember,
        })),
      };
    },
  );

  api.post(
    '/api/v1/communities',
    {
      schema: { tags, summary: 'Create a community (admins)', body: schemas.communityInput },
      ...write,
    },
    async (req, reply) => {
      const id = await service.createCommunity(store, requireViewer(req.viewer), req.body);
      const view = await service.getCommunity(store, req.viewer, { id });
      return reply.status(201).send({
        community: presentCommunity(view.access.community, { memberCount: view.memberCount }),
      });
    },
  );

  api.get(
    '/api/v1/communities/:id',
    {
      schema: {
        tags,
        summary: 'A community with its groups and charter version',
        params: schemas.idParams,
      },
    },
    async (req) => {
      const view = await service.getCommunity(store, req.viewer, { id: req.params.id });
      return {
        community: presentCommunity(view.access.community, { memberCount: view.memberCount }),
        charterVersion: view.charter?.version ?? 0,
        viewer: presentViewerStanding(view.access),
        /** Requests to join waiting: for the animators, null for everyone else. */
        pendingRequests: view.pendingRequests,
        groups: view.groups.map(presentGroup),
      };
    },
  );

  api.patch(
    '/api/v1/communities/:id',
    {
      schema: {
        tags,
        summary: 'Edit a community (animators)',
        params: schemas.idParams,
        body: schemas.communityPatch,
      },
      ...write,
    },
    async (req) => {
      await service.updateCommunity(store, requireViewer(req.viewer), req.params.id, req.body);
      const view = await service.getCommunity(store, req.viewer, { id: req.params.id });
      return {
        community: presentCommunity(view.access.community, { memberCount: view.memberCount }),
      };
    },
  );

  api.get(
    '/api/v1/communities/:id/charter',
    {
      schema: {
        tags,
        summary: 'The current charter (or the version asked), with the list of versions',
        params: schemas.idParams,
        querystring: schemas.charterQuery,
      },
    },
    async (req) => {
      const view = await service.getCharterHistory(
        store,
        req.viewer,
        req.params,
        req.query.version,
      );
      return {
        version: view.charter?.version ?? 0,
        body: view.charter?.body ?? '',
        publishedAt: view.charter ? new Date(view.charter.created_at).toISOString() : null,
        currentVersion: view.access.charterVersion,
        versions: view.versions.map((v) => ({
          version: v.version,
          publishedAt: new Date(v.created_at).toISOString(),
        })),
      };
    },
  );

  api.post(
    '/api/v1/communities/:id/charter',
    {
      schema: {
        tags,
        summary: 'Publish a new charter version (animators)',
        params: schemas.idParams,
        body: schemas.charterInput,
      },
      ...write,
    },
    async (req, reply) => {
      const version = await service.publishCharter(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body.body,
      );
      return reply.status(201).send({ version });
    },
  );

  api.post(
    '/api/v1/communities/:id/join',
    {
      schema: {
        tags,
        summary: 'Join (or ask to join) accepting the current charter',
        params: schemas.idParams,
        body: schemas.joinInput,
      },
      ...write,
    },
    async (req) => {
      return service.joinCommunity(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body.charterVersion,
      );
    },
  );

  api.post(
    '/api/v1/communities/:id/leave',
    { schema: { tags, summary: 'Leave a community', params: schemas.idParams }, ...write },
    async (req, reply) => {
      await service.leaveCommunity(store, requireViewer(req.viewer), req.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/communities/:id/members',
    {
      schema: {
        tags,
        summary: 'Members (to members); requests first, and invitations, to animators',
        params: schemas.idParams,
        querystring: membersQuery,
      },
    },
    async (req) => {
      const rows = await service.listMembers(store, req.viewer, req.params.id, req.query);
      return {
        members: rows.map((r) => ({
          id: r.id,
          handle: r.handle,
          displayName: r.display_name,
          role: r.role,
          status: r.status,
          joinedAt: new Date(r.joined_at).toISOString(),
        })),
      };
    },
  );

  api.patch(
    '/api/v1/communities/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a role or approve a request (animators)',
        params: schemas.memberParams,
        body: schemas.memberPatch,
      },
      ...write,
    },
    async (req, reply) => {
      await service.updateMember(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.params.userId,
        req.body,
      );
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/communities/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a member by handle (animators)',
        params: schemas.idParams,
        body: schemas.inviteInput,
      },
      ...write,
    },
    async (req, reply) => {
      const userId = await service.inviteMember(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body.handle,
      );
      return reply.status(201).send({ userId });
    },
  );

  api.post(
    '/api/v1/communities/:id/groups',
    {
      schema: {
        tags: groupTags,
        summary: 'Create a group (animators)',
        params: schemas.idParams,
        body: schemas.groupInput,
      },
      ...write,
    },
    async (req, reply) => {
      const id = await service.createGroup(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.body,
      );
      const view = await service.getGroupById(store, req.viewer, id);
      return reply.status(201).send({ group: presentGroup(view.g.group) });
    },
  );

  api.get(
    '/api/v1/groups/:id',
    {
      schema: {
        tags: groupTags,
        summary: 'A group, with the split advice for animators; no figures for a closed group',
        params: schemas.idParams,
      },
    },
    async (req) => {
      const view = await service.getGroupById(store, req.viewer, req.params.id);
      return {
        group: presentGroup({ ...view.g.group, member_count: view.memberCount }),
        viewer: {
          status: view.g.groupMember?.status ?? null,
          role: view.g.groupMember?.role ?? null,
        },
        activeMembers30d: view.activeMembers,
        suggestSplit: view.suggestSplit,
      };
    },
  );

  api.patch(
    '/api/v1/groups/:id',
    {
      schema: {
        tags: groupTags,
        summary: 'Edit a group (animators)',
        params: schemas.idParams,
        body: schemas.groupPatch,
      },
      ...write,
    },
    async (req) => {
      await service.updateGroup(store, requireViewer(req.viewer), req.params.id, req.body);
      const view = await service.getGroupById(store, req.viewer, req.params.id);
      return { group: presentGroup(view.g.group) };
    },
  );

  api.post(
    '/api/v1/groups/:id/join',
    {
      schema: { tags: groupTags, summary: 'Join a group (or ask to)', params: schemas.idParams },
      ...write,
    },
    async (req) => {
      return service.joinGroup(store, requireViewer(req.viewer), req.params.id);
    },
  );

  api.post(
    '/api/v1/groups/:id/leave',
    { schema: { tags: groupTags, summary: 'Leave a group', params: schemas.idParams }, ...write },
    async (req, reply) => {
      await service.leaveGroup(store, requireViewer(req.viewer), req.params.id);
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/groups/:id/members/:userId/approve',
    {
      schema: {
        tags: groupTags,
        summary: 'Approve a request to join a group',
        params: schemas.memberParams,
      },
      ...write,
    },
    async (req, reply) => {
      await service.approveGroupMember(
        store,
        requireViewer(req.viewer),
        req.params.id,
        req.params.userId,
      );
      return reply.status(204).send();
    },
  );
}
