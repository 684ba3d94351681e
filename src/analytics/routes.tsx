import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findUsersByIds } from '../accounts/index.js';
import { canManageCommunity, communityPath, groupPath } from '../communities/index.js';
import { replyAddresses, topicTitles } from '../conversations/index.js';
import { now, type Store } from '../db/index.js';
import { pageContext, parseInput, sendPage, type AppDeps } from '../http/index.js';
import { cockpitCsv } from './csv.js';
import { welcomableAmong } from '../welcome/index.js';
import { CockpitPage, LIST_LIMIT } from './pages/cockpit-page.js';
import type { CockpitView } from './privacy.js';
import * as schemas from './schemas.js';
import {
  communityCockpit,
  groupCockpit,
  instanceCockpit,
  resolvePeriod,
  type CockpitAudience,
} from './service.js';

const chartDir = dirname(createRequire(import.meta.url).resolve('chart.js'));

function queryString(req: FastifyRequest): string {
  const i = req.url.indexOf('?');
  return i === -1 ? '' : req.url.slice(i);
}

/** One cockpit as the page and CSV routes see it, whatever its scope. */
interface ScopedCockpit {
  cockpit: CockpitView;
  audience: CockpitAudience;
  heading: string;
  base: string;
  trail: { href: string; label: string }[];
  file: string;
  /** Where a group's cockpit is, for a community's cockpit: its lifecycle table links there. */
  groupCockpit?: (groupSlug: string) => string;
  /** When the community or group began (an import's first post): its whole history is a click away. */
  since?: number;
  /** The community whose members staff may act on from the lists (not on the instance's). */
  community?: { id: number; slug: string; name: string; canWelcome: boolean };
}

type PageLoader = (
  req: FastifyRequest,
  period: ReturnType<typeof resolvePeriod>,
) => Promise<ScopedCockpit>;

export function registerAnalyticsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { store } = deps;
  const periodOf = (q: schemas.PeriodQuery) => resolvePeriod(q, now());
  api.get(
    '/api/v1/communities/:id/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary: 'A community’s cockpit for a period (animators, moderators; sponsors aggregated)',
        params: schemas.idParams,
        querystring: schemas.periodQuery,
      },
    },
    async (req) => {
      const v = await communityCockpit(
        store,
        req.viewer,
        { id: req.params.id },
        periodOf(req.query),
      );
      return { communityId: v.access.community.id, audience: v.audience, ...v.cockpit };
    },
  );
  api.get(
    '/api/v1/communities/:id/analytics.csv',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The same figures as CSV',
        params: schemas.idParams,
        querystring: schemas.periodQuery,
      },
    },
    async (req, reply) => {
      const v = await communityCockpit(
        store,
        req.viewer,
        { id: req.params.id },
        periodOf(req.query),
      );
      return sendCsv(reply, v.cockpit);
    },
  );
  api.get(
    '/api/v1/communities/:id/groups/:groupId/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary: 'One group’s cockpit for a period (the community’s staff; sponsors aggregated)',
        params: schemas.groupParams,
        querystring: schemas.periodQuery,
      },
    },
    async (req) => {
      const v = await groupCockpit(
        store,
        req.viewer,
        { community: { id: req.params.id }, group: { id: req.params.groupId } },
        periodOf(req.query),
      );
      return {
        communityId: v.access.community.id,
        groupId: v.group.id,
        audience: v.audience,
        ...v.cockpit,
      };
    },
  );
  api.get(
    '/api/v1/analytics',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The whole instance’s cockpit for a period (instance admins)',
        querystring: schemas.periodQuery,
      },
    },
    async (req) => ({
      audience: 'staff',
      ...(await instanceCockpit(store, req.viewer, periodOf(req.query))).cockpit,
    }),
  );

  const community: PageLoader = async (req, period) => {
    const { slug } = req.params as { slug: string };
    const v = await communityCockpit(store, req.viewer, { slug }, period);
    const c = v.access.community;
    return {
      cockpit: v.cockpit,
      audience: v.audience,
      heading: c.name,
      base: `${communityPath(c.slug)}/cockpit`,
      trail: [{ href: communityPath(c.slug), label: c.name }],
      file: c.slug,
      groupCockpit: (groupSlug) => `${groupPath(c.slug, groupSlug)}/cockpit`,
      since: c.created_at,
      community: { ...c, canWelcome: canManageCommunity(v.access) },
    };
  };
  const group: PageLoader = async (req, period) => {
    const { slug, group: groupSlug } = req.params as { slug: string; group: string };
    const v = await groupCockpit(
      store,
      req.viewer,
      { community: { slug }, group: { slug: groupSlug } },
      period,
    );
    const c = v.access.community;
    return {
      cockpit: v.cockpit,
      audience: v.audience,
      heading: v.group.name,
      base: `${groupPath(c.slug, v.group.slug)}/cockpit`,
      trail: [
        { href: communityPath(c.slug), label: c.name },
        { href: groupPath(c.slug, v.group.slug), label: v.group.name },
      ],
      file: `${c.slug}-${v.group.slug}`,
      since: v.group.created_at,
      community: { ...c, canWelcome: canManageCommunity(v.access) },
    };
  };
  const instance: PageLoader = async (req, period) => {
    const { cockpit, since } = await instanceCockpit(store, req.viewer, period);
    return {
      cockpit,
      audience: 'staff',
      heading: req.t('analytics.instance'),
      base: '/cockpit',
      trail: [],
      file: 'instance',
      ...(since !== null ? { since } : {}),
    };
  };

  for (const [path, load] of [
    ['/c/:slug/cockpit', community],
    ['/c/:slug/g/:group/cockpit', group],
    ['/cockpit', instance],
  ] as const) {
    app.get(path, async (req, reply) => {
      const q = parseInput(schemas.periodQuery, req.query);
      const scoped = await load(req, periodOf(q));
      return sendCockpitPage(store, req, reply, scoped, q);
    });
    app.get(`${path}.csv`, async (req, reply) => {
      const q = parseInput(schemas.periodQuery, req.query);
      const scoped = await load(req, periodOf(q));
      return sendCsv(reply, scoped.cockpit, `${scoped.file}-cockpit.csv`);
    });
  }

  app.get('/assets/vendor/chart.umd.min.js', (_req, reply) =>
    reply.sendFile('chart.umd.min.js', chartDir),
  );
}

function sendCsv(reply: FastifyReply, cockpit: CockpitView, file?: string) {
  reply.header('content-type', 'text/csv; charset=utf-8');
  if (file) reply.header('content-disposition', `attachment; filename="${file}"`);
  return reply.send(cockpitCsv(cockpit));
}

async function sendCockpitPage(
  store: Store,
  req: FastifyRequest,
  reply: FastifyReply,
  scoped: ScopedCockpit,
  q: schemas.PeriodQuery,
) {
  const c = scoped.cockpit;
  const memberIds = [
    ...c.newcomers.unanswered_48h.slice(0, LIST_LIMIT).map((n) => n.memberId),
    ...c.newcomers.members.slice(0, LIST_LIMIT).flatMap((n) => [n.memberId, n.answeredBy]),
    ...c.recently_inactive_core.slice(0, LIST_LIMIT).map((p) => p.memberId),
    ...c.churned_members.slice(0, LIST_LIMIT).map((m) => m.memberId),
    ...c.circles.core_members.slice(0, LIST_LIMIT).map((m) => m.memberId),
  ].filter((x): x is number => x !== null);
  // Newcomers are listed with their first post: a topic or a reply.
  const firstPosts = [
    ...c.newcomers.unanswered_48h.slice(0, LIST_LIMIT),
    ...c.newcomers.members.slice(0, LIST_LIMIT),
  ];
  const topicIds = [
    ...c.responsiveness.unanswered.slice(0, LIST_LIMIT).map((u) => u.topicId),
    ...firstPosts.map((n) => n.topicId),
  ].filter((x): x is number => x !== null);
  const replyIds = firstPosts.map((n) => n.replyId).filter((x): x is number => x !== null);
  // Staff act from the lists of a community's (a group's) cockpit; sponsors only read figures.
  const place = scoped.audience === 'staff' ? scoped.community : undefined;
  const newcomerIds = c.newcomers.unanswered_48h
    .slice(0, LIST_LIMIT)
    .flatMap((n) => (n.memberId === null ? [] : [n.memberId]));
  const [users, titles, replies, welcomable] = await Promise.all([
    findUsersByIds(store.db, memberIds),
    // Only what the viewer may read is named (a moderator may not read every group's).
    topicTitles(store.db, req.viewer, topicIds),
    replyAddresses(store.db, req.viewer, replyIds),
    place?.canWelcome ? welcomableAmong(store, place.id, newcomerIds) : new Set<number>(),
  ]);
  // A former member (deleted account) is named as such, with no handle to link to.
  const names = new Map(
    users.map((u) => [
      u.id,
      u.deleted_at === null
        ? { handle: u.handle, displayName: u.display_name, locale: u.locale }
        : { handle: '', displayName: req.t('accounts.formerMember'), locale: null },
    ]),
  );
  const ctx = pageContext(req, reply);
  return sendPage(
    reply,
    ctx,
    req.t('analytics.title', { name: scoped.heading }),
    <CockpitPage
      ctx={ctx}
      heading={scoped.heading}
      base={scoped.base}
      trail={scoped.trail}
      groupCockpit={scoped.groupCockpit}
      since={scoped.since}
      cockpit={c}
      isSponsor={scoped.audience !== 'staff'}
      isOutside={scoped.audience === 'aggregate'}
      query={queryString(req)}
      days={q.from ? undefined : q.days}
      names={names}
      acts={
        place && {
          communitySlug: place.slug,
          communityName: place.name,
          canWelcome: place.canWelcome,
          welcomable,
        }
      }
      titles={titles}
      replies={replies}
    />,
  );
}
