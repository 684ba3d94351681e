import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentBuddy, presentPerson, presentProposal, presentVolunteer } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';

const tags = ['buddies'];

export function registerBuddiesApi(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/communities/:id/buddy-volunteer',
    {
      schema: {
        tags,
        summary: 'Whether the viewer volunteers as a buddy in the community (its members)',
        params: schemas.communityParams,
        response: { 200: schemas.volunteering },
      },
    },
    async (req) => {
      const access = await service.requireBuddiesPage(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return { volunteering: await service.isVolunteering(store, access) };
    },
  );

  api.put(
    '/api/v1/communities/:id/buddy-volunteer',
    {
      schema: {
        tags,
        summary: 'Volunteer as a buddy (marraine, parrain) in a community one is a member of',
        params: schemas.communityParams,
        response: { 200: schemas.volunteering },
      },
      ...write,
    },
    async (req) => {
      const access = await service.requireBuddiesPage(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      await service.volunteer(store, access);
      return { volunteering: true };
    },
  );

  api.delete(
    '/api/v1/communities/:id/buddy-volunteer',
    {
      schema: {
        tags,
        summary: 'Stop volunteering as a buddy; the newcomers one is buddy of keep one',
        params: schemas.communityParams,
        response: { 200: schemas.volunteering },
      },
      ...write,
    },
    async (req) => {
      const access = await service.requireBuddiesPage(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      await service.withdraw(store, access);
      return { volunteering: false };
    },
  );

  api.get(
    '/api/v1/communities/:id/buddies',
    {
      schema: {
        tags,
        summary:
          'The community’s buddy volunteers, with their newcomers (animators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.volunteers },
      },
    },
    async (req) => {
      const access = await service.requireBuddyStaff(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const volunteers = await service.volunteersOf(store, access);
      return { activeDays: service.ACTIVE_DAYS, volunteers: volunteers.map(presentVolunteer) };
    },
  );

  api.get(
    '/api/v1/communities/:id/welcome-queue/:userId/buddy',
    {
      schema: {
        tags,
        summary: 'A newcomer’s buddy, and the volunteers Ruche proposes for them (animators)',
        params: schemas.newcomerParams,
        response: { 200: schemas.newcomerBuddy },
      },
    },
    async (req) => {
      const access = await service.requireBuddyStaff(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const view = await service.newcomerBuddy(store, access, req.params.userId);
      return {
        newcomer: presentPerson(view.newcomer),
        buddy: presentBuddy(view.buddy),
        proposals: view.proposals.map(presentProposal),
      };
    },
  );

  api.put(
    '/api/v1/communities/:id/welcome-queue/:userId/buddy',
    {
      schema: {
        tags,
        summary:
          'Give a newcomer a buddy who volunteered (animators); both are introduced by a notification',
        params: schemas.newcomerParams,
        body: schemas.assignInput,
        response: { 200: schemas.assigned },
      },
      ...write,
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireBuddyStaff(store, viewer, { id: req.params.id });
      const done = await service.assignBuddy(
        store,
        viewer,
        access,
        req.params.userId,
        req.body.buddyId,
      );
      return { newcomer: presentPerson(done.newcomer), buddy: presentPerson(done.buddy) };
    },
  );
}
