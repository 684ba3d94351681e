import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { presentAnnouncement } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import { addDays, parseDay, startOfDay } from './time.js';

const tags = ['announcements'];
/** The longest period one calendar request covers. */
const MAX_DAYS = 62;

export function registerAnnouncementsApi(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const write = { config: writeLimit(deps.limits) };

  api.get(
    '/api/v1/communities/:id/announcements',
    {
      schema: {
        tags,
        summary: 'The community’s announcements: drafts, scheduled, published (animators)',
        params: schemas.communityParams,
        querystring: schemas.listQuery,
        response: { 200: schemas.announcementList },
      },
    },
    async (req) => {
      const access = await service.requireCalendar(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const rows = await service.listAnnouncements(store, access, req.query.state);
      return { announcements: rows.map((a) => presentAnnouncement(a, access.community)) };
    },
  );

  api.post(
    '/api/v1/communities/:id/announcements',
    {
      schema: {
        tags,
        summary: 'Write an announcement: a draft, or scheduled with a time to come (animators)',
        params: schemas.communityParams,
        body: schemas.announcementInput,
        response: { 201: schemas.announcementResponse },
      },
      ...write,
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireCalendar(store, viewer, { id: req.params.id });
      const made = await service.createAnnouncement(store, viewer, access, req.body);
      return reply.status(201).send({ announcement: presentAnnouncement(made, access.community) });
    },
  );

  api.get(
    '/api/v1/announcements/:id',
    {
      schema: {
        tags,
        summary: 'One announcement (animators of its community)',
        params: schemas.announcementParams,
        response: { 200: schemas.announcementResponse },
      },
    },
    async (req) => {
      const view = await service.getAnnouncement(store, requireViewer(req.viewer), req.params.id);
      return { announcement: presentAnnouncement(view.announcement, view.access.community) };
    },
  );

  api.patch(
    '/api/v1/announcements/:id',
    {
      schema: {
        tags,
        summary:
          'Change a draft or scheduled announcement: text, place, voice, pin, or its time (to move it)',
        params: schemas.announcementParams,
        body: schemas.announcementPatch,
        response: { 200: schemas.announcementResponse },
      },
      ...write,
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const changed = await service.updateAnnouncement(store, viewer, req.params.id, req.body);
      const view = await service.getAnnouncement(store, viewer, req.params.id);
      return { announcement: presentAnnouncement(changed, view.access.community) };
    },
  );

  api.delete(
    '/api/v1/announcements/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft or scheduled announcement',
        params: schemas.announcementParams,
      },
      ...write,
    },
    async (req, reply) => {
      await service.deleteAnnouncement(store, requireViewer(req.viewer), req.params.id);
      return reply.status(204).send();
    },
  );

  api.put(
    '/api/v1/communities/:id/time-zone',
    {
      schema: {
        tags,
        summary: 'Set the community’s time zone, where schedules are read (its animators)',
        params: schemas.communityParams,
        body: schemas.timeZoneInput,
        response: { 200: schemas.timeZoneResponse },
      },
      ...write,
    },
    async (req) => {
      const access = await service.requireCalendar(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      await service.setTimeZone(store, access, req.body.timeZone);
      return { timeZone: req.body.timeZone };
    },
  );

  api.get(
    '/api/v1/communities/:id/calendar',
    {
      schema: {
        tags,
        summary: 'What is scheduled and what went out between two days (animators)',
        params: schemas.communityParams,
        querystring: schemas.calendarQuery,
        response: { 200: schemas.calendarResponse },
      },
    },
    async (req) => {
      const access = await service.requireCalendar(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const from = parseDay(req.query.from);
      const to = parseDay(req.query.to);
      if (from === null || to === null || to < from || to - from > MAX_DAYS * 86_400_000)
        throw new AppError('invalid_input', {
          field: 'to',
          messageKey: 'announcements.error.period',
        });
      const zone = access.community.time_zone;
      const { items } = await service.calendarOf(
        store,
        access,
        startOfDay(req.query.from, zone),
        startOfDay(addDays(req.query.to, 1), zone),
      );
      return {
        timeZone: zone,
        from: req.query.from,
        to: req.query.to,
        announcements: items.map((a) => presentAnnouncement(a, access.community)),
      };
    },
  );
}
