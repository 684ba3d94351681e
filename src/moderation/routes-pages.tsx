import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allCommunities } from '../communities/index.js';
import { now } from '../db/index.js';
import {
  AppError,
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
  type Viewer,
} from '../http/index.js';
import { AuditPage } from './pages/audit.js';
import { FlagFormPage } from './pages/flag-form.js';
import { QueuePage } from './pages/queue.js';
import { adminAuditPath, communityAuditPath, moderationQueuePath } from './paths.js';
import { auditCsv } from './present.js';
import { periodOf } from './routes-api.js';
import * as schemas from './schemas.js';
import * as service from './service.js';
import { auditLog } from './audit.js';
import { canManageCommunity } from '../communities/index.js';

const flagParams = z.object({
  kind: z.enum(schemas.targetKinds),
  id: z.coerce.number().int().positive(),
});
const flagQuery = z.object({ community: z.coerce.number().int().positive().optional() });

/** The queue's checkboxes: "kind:id", one or many. */
function itemsOf(raw: unknown): { kind: (typeof schemas.targetKinds)[number]; id: number }[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((v) => {
    const [kind, id] = String(v).split(':');
    const k = schemas.targetKinds.find((x) => x === kind);
    const n = Number(id);
    return k && Number.isInteger(n) && n > 0 ? [{ kind: k, id: n }] : [];
  });
}

export function registerModerationPages(app: FastifyInstance, deps: AppDeps) {
  const { store } = deps;
  const slugOf = (req: FastifyRequest) => parseInput(schemas.slugParams, req.params).slug;

  const flagPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    kept?: { values: FormBody; err: unknown },
  ) => {
    const { kind, id } = parseInput(flagParams, req.params);
    const { community } = parseInput(flagQuery, req.query);
    // What cannot be read cannot be flagged: the form itself is missing.
    if (kind === 'topic' || kind === 'reply' || community !== undefined)
      await service.requireFlaggable(store, viewer, {
        targetKind: kind,
        targetId: id,
        communityId: community,
      });
    const communities = await service.flagCommunitiesOf(store, viewer);
    const title = req.t('moderation.flag.title', { what: req.t('moderation.flag.what', { kind }) });
    const render = (ctx: PageContext, failure?: Parameters<typeof FlagFormPage>[0]['failure']) => (
      <FlagFormPage
        ctx={ctx}
        kind={kind}
        id={id}
        action={req.url}
        communityId={community}
        communities={communities}
        values={kept?.values}
        failure={failure}
      />
    );
    return sendFormPage(req, reply, title, render, kept);
  };

  app.get('/flag/:kind/:id', async (req, reply) => flagPage(req, reply, requireViewer(req.viewer)));

  app.post('/flag/:kind/:id', { config: writeLimit(deps.limits) }, async (req, reply) => {
    const viewer = requireViewer(req.viewer);
    const { kind, id } = parseInput(flagParams, req.params);
    const form = formBody(req);
    let back: string;
    try {
      const input = parseInput(schemas.flagInput, {
        targetKind: kind,
        targetId: id,
        communityId: form.communityId,
        reason: form.reason,
        text: form.text,
      });
      back = (await service.requireFlaggable(store, viewer, input)).back;
      await service.flag(store, viewer, input, now(), { trustLimits: deps.trustLimits });
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') throw err;
      return flagPage(req, reply, viewer, { values: form, err });
    }
    return redirectAfterPost(reply, back, { key: 'moderation.flag.done' });
  });

  app.get('/c/:slug/moderation', async (req, reply) => {
    const access = await service.requireModerator(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const [items, threshold] = await Promise.all([
      service.reviewQueue(store, access),
      service.hideThresholdOf(store.db, access.community.id),
    ]);
    const ctx = pageContext(req, reply);
    const community = access.community;
    return sendPage(
      reply,
      ctx,
      req.t('moderation.queue.title', { community: community.name }),
      <QueuePage
        ctx={ctx}
        community={community}
        threshold={threshold}
        items={items}
        canEditSettings={canManageCommunity(access)}
      />,
    );
  });

  app.post(
    '/c/:slug/moderation/decisions',
    { config: writeLimit(deps.limits) },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireModerator(store, viewer, { slug: slugOf(req) });
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const form = formBody(req);
      const input = parseInput(schemas.decisionInput.shape.decision, form.decision);
      const decided = await service.decide(
        store,
        viewer,
        access,
        { decision: input, items: itemsOf(raw.items), reason: form.reason },
        now(),
      );
      return redirectAfterPost(reply, moderationQueuePath(access.community.slug), {
        key: 'moderation.flash.decided',
        params: { count: decided },
      });
    },
  );

  app.post(
    '/c/:slug/moderation/settings',
    { config: writeLimit(deps.limits) },
    async (req, reply) => {
      const viewer = requireViewer(req.viewer);
      const access = await service.requireSettingsEditor(store, viewer, { slug: slugOf(req) });
      const input = parseInput(schemas.settingsInput, formBody(req));
      await service.saveHideThreshold(store, viewer, access, input.hideThreshold, now());
      return redirectAfterPost(reply, moderationQueuePath(access.community.slug), {
        key: 'moderation.flash.saved',
      });
    },
  );

  app.get('/c/:slug/moderation/audit', async (req, reply) => {
    const access = await service.requireModerator(store, requireViewer(req.viewer), {
      slug: slugOf(req),
    });
    const q = parseInput(schemas.auditQuery, req.query);
    const rows = await auditLog(store, {
      ...q,
      ...periodOf(q),
      communityId: access.community.id,
    });
    const ctx = pageContext(req, reply);
    const title = req.t('moderation.audit.communityTitle', { community: access.community.name });
    return sendPage(
      reply,
      ctx,
      title,
      <AuditPage
        ctx={ctx}
        title={title}
        action={communityAuditPath(access.community.slug)}
        csv={undefined}
        filter={q}
        communities={undefined}
        rows={rows}
      />,
    );
  });

  app.get(adminAuditPath, async (req, reply) => {
    service.requireAuditAdmin(requireViewer(req.viewer));
    const q = parseInput(schemas.adminAuditQuery, req.query);
    const rows = await auditLog(store, { ...q, ...periodOf(q) });
    const communities = (await allCommunities(store)).map((c) => ({ id: c.id, name: c.name }));
    const ctx = pageContext(req, reply);
    const title = req.t('moderation.audit.title');
    const search = new URLSearchParams(
      Object.entries(q).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    ).toString();
    return sendPage(
      reply,
      ctx,
      title,
      <AuditPage
        ctx={ctx}
        title={title}
        action={adminAuditPath}
        csv={`${adminAuditPath}.csv${search ? `?${search}` : ''}`}
        filter={{
          ...q,
          communityId: q.communityId === undefined ? undefined : String(q.communityId),
        }}
        communities={communities}
        rows={rows}
      />,
    );
  });

  app.get(`${adminAuditPath}.csv`, async (req, reply) => {
    service.requireAuditAdmin(requireViewer(req.viewer));
    const q = parseInput(schemas.adminAuditQuery, req.query);
    const rows = await auditLog(store, { ...q, ...periodOf(q) }, true);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="moderation-audit.csv"');
    return reply.send(auditCsv(rows));
  });
}
