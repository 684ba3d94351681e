import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { now } from '../db/index.js';
import { requireViewer, writeLimit, type AppDeps } from '../http/index.js';
import { auditCsv, presentAuditRow, presentQueueItem } from './present.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import { auditLog } from './audit.js';

const tags = ['moderation'];
const DAY = 86_400_000;

/** A period of whole UTC days, `to` included. */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }) {
  return {
    from: q.from === undefined ? undefined : Date.parse(`${q.from}T00:00:00Z`),
    to: q.to === undefined ? undefined : Date.parse(`${q.to}T00:00:00Z`) + DAY,
  };
}

export function registerModerationApi(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;

  api.post(
    '/api/v1/flags',
    {
      schema: {
        tags,
        summary: 'Flag a topic, a reply, a profile or a private message received (members)',
        body: schemas.flagInput,
        response: { 201: schemas.flagged },
      },
      config: writeLimit(deps.limits),
    },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const done = await service.flag(store, viewer, req.body, now(), {
        trustLimits: deps.trustLimits,
      });
      return reply.status(201).send(done);
    },
  );

  api.get(
    '/api/v1/communities/:id/moderation/queue',
    {
      schema: {
        tags,
        summary: 'The review queue, each item’s score term by term (moderators; 404 for others)',
        params: schemas.communityParams,
        response: { 200: schemas.queue },
      },
    },
    async (req) => {
      const access = await service.requireModerator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const [items, threshold] = await Promise.all([
        service.reviewQueue(store, access),
        service.hideThresholdOf(store.db, access.community.id),
      ]);
      return { threshold, items: items.map(presentQueueItem) };
    },
  );

  api.post(
    '/api/v1/communities/:id/moderation/decisions',
    {
      schema: {
        tags,
        summary: 'Agree, disagree or ignore queue items, in bulk; one audit row per item',
        params: schemas.communityParams,
        body: schemas.decisionInput,
        response: { 200: schemas.decided },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireModerator(store, viewer, { id: req.params.id });
      return { decided: await service.decide(store, viewer, access, req.body, now()) };
    },
  );

  api.get(
    '/api/v1/communities/:id/moderation/settings',
    {
      schema: {
        tags,
        summary: 'The community’s moderation settings (moderators)',
        params: schemas.communityParams,
        response: { 200: schemas.settings },
      },
    },
    async (req) => {
      const access = await service.requireModerator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      return { hideThreshold: await service.hideThresholdOf(store.db, access.community.id) };
    },
  );

  api.put(
    '/api/v1/communities/:id/moderation/settings',
    {
      schema: {
        tags,
        summary: 'Change the score at which flagged posts are hidden at once (animators)',
        params: schemas.communityParams,
        body: schemas.settingsInput,
        response: { 200: schemas.settings },
      },
      config: writeLimit(deps.limits),
    },
    async (req) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireSettingsEditor(store, viewer, { id: req.params.id });
      await service.saveHideThreshold(store, viewer, access, req.body.hideThreshold, now());
      return { hideThreshold: req.body.hideThreshold };
    },
  );

  api.get(
    '/api/v1/communities/:id/moderation/audit',
    {
      schema: {
        tags,
        summary: 'The community’s moderation audit log (its staff; 404 for others)',
        params: schemas.communityParams,
        querystring: schemas.auditQuery,
        response: { 200: schemas.audit },
      },
    },
    async (req) => {
      const access = await service.requireModerator(store, requireViewer(req.viewer), {
        id: req.params.id,
      });
      const rows = await auditLog(store, {
        ...req.query,
        ...periodOf(req.query),
        communityId: access.community.id,
      });
      return { entries: rows.map(presentAuditRow) };
    },
  );

  api.get(
    '/api/v1/admin/moderation/audit',
    {
      schema: {
        tags,
        summary: 'The instance’s moderation audit log, filtered (instance admins; 404 for others)',
        querystring: schemas.adminAuditQuery,
        response: { 200: schemas.audit },
      },
    },
    async (req) => {
      service.requireAuditAdmin(requireViewer(req.viewer));
      const rows = await auditLog(store, { ...req.query, ...periodOf(req.query) });
      return { entries: rows.map(presentAuditRow) };
    },
  );

  api.get(
    '/api/v1/admin/moderation/audit.csv',
    {
      schema: {
        tags,
        summary: 'The same audit log as CSV (instance admins)',
        querystring: schemas.adminAuditQuery,
      },
    },
    async (req, reply) => {
      service.requireAuditAdmin(requireViewer(req.viewer));
      const rows = await auditLog(store, { ...req.query, ...periodOf(req.query) }, true);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="moderation-audit.csv"');
      return reply.send(auditCsv(rows));
    },
  );
}
